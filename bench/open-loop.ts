// The open-loop load generator (bench/sweep.ts), in its own process: signed `/versus` slash commands at a
// fixed rate, each sent at its scheduled time whether or not earlier ones were acknowledged (a closed loop
// like autocannon's offers more the faster acks come back, whatever the answers cost). Times are taken
// from the *scheduled* send, so a generator that falls behind still charges the wait to the app. Each
// command's response_url points at this process, which records when each answer (or busy reply) arrived.
// Input: one JSON OpenLoopJob as argv[2]. Output: one JSON OpenLoopResult line.
import { Agent, createServer, request } from 'node:http';
import { signature } from '../test/fakes/slack-requests.js';
import { commandForm } from './command-form.js';
import { summarize } from './stats.js';

export interface OpenLoopJob {
  url: string;
  secret: string;
  /** Commands per second, and for how long. */
  rate: number;
  seconds: number;
  commands: string[];
  /** Wait for a response_url post per command (Versus); a bare app only acks. */
  answers: boolean;
  /** How long after the last send an answer may still arrive before it counts as lost. */
  graceMs: number;
}

export interface OpenLoopResult {
  sent: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  acksOver1s: number;
  acksOver3s: number;
  /** Requests answered with a non-2xx status or not at all (connection error). */
  failed: number;
  answered: number;
  answerP50: number;
  answerP99: number;
  answerMax: number;
  /** Declined with "Versus is busy", and how soon after the command that reply came (p99). */
  busy: number;
  busyP99: number;
  lost: number;
  /** The generator's own CPU, as a share of one core (a saturated generator would distort the rates). */
  cpuShare: number;
}

const BUSY = 'Versus is busy';
const job = JSON.parse(process.argv[2]!) as OpenLoopJob;
const agent = new Agent({ keepAlive: true, maxSockets: 512 });
const scheduled: number[] = [];
const acks: number[] = [];
const answers: number[] = [];
const busyTimes: number[] = [];
let failed = 0;
const arrived = new Set<number>();

const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const t = performance.now();
    const id = Number((req.url ?? '').split('/').at(-1));
    res.writeHead(200).end('ok');
    if (!Number.isInteger(id) || arrived.has(id) || scheduled[id] === undefined) return;
    arrived.add(id);
    (Buffer.concat(chunks).toString().includes(BUSY) ? busyTimes : answers).push(t - scheduled[id]!);
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
const responseBase = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/r`;

function send(i: number): void {
  const form = commandForm({
    user: `U${i % 500}`,
    text: job.commands[i % job.commands.length]!,
    responseUrl: `${responseBase}/${i}`,
    triggerId: `trig.open.${i}`,
  });
  const ts = Math.floor(Date.now() / 1000);
  const req = request(job.url, {
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(form),
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(job.secret, ts, form),
    },
  });
  req.on('response', (res) => {
    res.resume();
    res.on('end', () => {
      acks.push(performance.now() - scheduled[i]!);
      if ((res.statusCode ?? 0) >= 300) failed++;
    });
  });
  req.on('error', () => failed++);
  req.end(form);
}

const cpu0 = process.cpuUsage();
const t0 = performance.now() + 50;
const total = Math.round(job.rate * job.seconds);
for (let i = 0; i < total; i++) scheduled.push(t0 + (i * 1000) / job.rate);
let next = 0;
// Every tick sends whatever is due by now: a late tick sends several at once, never fewer.
await new Promise<void>((done) => {
  const tick = () => {
    const now = performance.now();
    while (next < total && scheduled[next]! <= now) send(next++);
    if (next >= total) return done();
    setTimeout(tick, Math.max(0, Math.min(5, scheduled[next]! - now)));
  };
  setTimeout(tick, 50);
});
const until = performance.now() + job.graceMs;
while (performance.now() < until && (acks.length + failed < total || (job.answers && arrived.size < total)))
  await new Promise((r) => setTimeout(r, 50));
const cpu = process.cpuUsage(cpu0);
const a = summarize(acks);
const ans = summarize(answers);
const result: OpenLoopResult = {
  sent: total,
  ackP50: a.p50,
  ackP99: a.p99,
  ackMax: a.max,
  acksOver1s: acks.filter((x) => x > 1000).length,
  acksOver3s: acks.filter((x) => x > 3000).length + (total - acks.length),
  failed,
  answered: answers.length,
  answerP50: ans.p50,
  answerP99: ans.p99,
  answerMax: ans.max,
  busy: busyTimes.length,
  busyP99: summarize(busyTimes).p99,
  lost: job.answers ? total - arrived.size : 0,
  cpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - t0),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
agent.destroy();
receiver.close();
