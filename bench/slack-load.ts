// Load generator for the Slack benchmarks, run as its own process so it does not compete with the app
// under test for the event loop: starts a fake Slack, prints its URLs, then runs the jobs it is sent
// on stdin (one JSON line each) and prints one JSON line of results per job.
import { createInterface } from 'node:readline';
import { FakeSlack } from '../test/fakes/slack-fake.js';
import { SlackSender } from '../test/fakes/slack-requests.js';
import { runConcurrent } from './load.js';

export interface LoadJob {
  kind: 'commands' | 'votes';
  endpoint: string;
  secret: string;
  total: number;
  concurrency: number;
  warmup?: number;
  commands?: string[];
  /** votes: the poll's vote action ids and the poll message's ts. */
  actions?: string[];
  messageTs?: string;
  channel?: string;
}

export interface LoadResult {
  samples: number[];
  ok: number;
  failed: number;
  seconds: number;
  responses: number;
}

const fake = await new FakeSlack().start();
process.stdout.write(`${JSON.stringify({ apiUrl: fake.apiUrl })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const job = JSON.parse(line) as LoadJob;
  const send = new SlackSender(job.endpoint, job.secret);
  let ok = 0;
  let failed = 0;
  const one = async (i: number) => {
    try {
      const r =
        job.kind === 'commands'
          ? await send.command(job.commands![i % job.commands!.length]!, {
              responseUrl: fake.responseUrl(),
              user: `U${i % 300}`,
            })
          : await send.action(job.actions![i % job.actions!.length]!, {
              user: `V${i}`,
              channel: job.channel,
              messageTs: job.messageTs,
              responseUrl: fake.responseUrl(),
            });
      if (r.status === 200) ok++;
      else failed++;
    } catch {
      failed++; // connection refused or reset: the bot was killed
    }
  };
  if (job.warmup) await runConcurrent(job.warmup, job.concurrency, one);
  ok = 0;
  failed = 0;
  const started = performance.now();
  const samples = await runConcurrent(job.total, job.concurrency, one);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ samples, ok, failed, seconds, responses: fake.responses.length } satisfies LoadResult)}\n`,
  );
}
await fake.close();
