// The fake Slack for the Slack benchmarks, as its own process so neither the app under test nor the load
// generator (bench/cannon.ts) pays for it: the Web API (FakeSlack) and a response_url receiver that
// records when each answer arrives. Prints its URLs, then answers one JSON query per stdin line.
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { FakeSlack } from '../test/fakes/slack-fake.js';

export type FakeQuery = { op: 'arrivals' } | { op: 'calls'; method: string } | { op: 'lastEphemeral' };

/** When each user's latest private message (a vote confirmation) arrived (epoch ms), by user id. */
function lastEphemeral(): Record<string, number> {
  const last: Record<string, number> = {};
  for (const c of fake.callsOf('chat.postEphemeral'))
    last[String(c.body.user)] = Math.max(last[String(c.body.user)] ?? 0, c.at ?? 0);
  return last;
}

const fake = await new FakeSlack().start();
const arrivals: Record<string, number> = {};
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = (req.url ?? '').split('/').at(-1)!;
    arrivals[id] ??= performance.timeOrigin + performance.now();
    res.writeHead(200).end('ok');
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
const port = (receiver.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ apiUrl: fake.apiUrl, responseBase: `http://127.0.0.1:${port}/response` })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const q = JSON.parse(line) as FakeQuery;
  const answer =
    q.op === 'arrivals' ? arrivals : q.op === 'lastEphemeral' ? lastEphemeral() : fake.callsOf(q.method).length;
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
receiver.close();
await fake.close();
