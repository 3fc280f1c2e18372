// The open-loop sweep: signed `/versus` commands at rising fixed rates (bench/open-loop.ts, its own
// process) against the compiled bot in Slack HTTP mode (its own process, answers in its worker pool), and
// at the same rates against a bare Bolt app that only acks (bench/bare-bolt.ts): the floor. On the real
// corpus and on 100k generated claims. Per rate: ack p50/p99 and the ratio to bare Bolt, answer p50/p99
// (command scheduled → response_url received), answers shed with the busy reply, lost, the bot's CPU; then
// the knee: the highest rate whose answers all came, ≤ 1 % shed, with answer p99 ≤ 500 ms.
// Standalone: npx tsx bench/sweep.ts [--quick]; for a development run SWEEP_RATES=20,100 picks rates,
// SWEEP_CORPUS=real|big one corpus, SWEEP_CLAIMS the generated one's size, SWEEP_SECONDS each rate's length.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { loadTaxonomy } from '../src/knowledge/taxonomy.js';
import { startBot } from '../test/helpers/bot-process.js';
import { syntheticQuestions, writeSyntheticCorpus } from './corpus.js';
import { FakeSlackProcess } from './load-process.js';
import type { OpenLoopJob, OpenLoopResult } from './open-loop.js';
import { ASK_COMMANDS } from './slack.js';
import { buildForBench, cpuSeconds, mainThreadCpuSeconds } from './storm.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'sweep-secret';
const run = promisify(execFile);
export const SWEEP_RATES = [10, 20, 40, 60, 100, 150, 200, 300, 400];
const QUICK_RATES = [20, 100, 300];

export interface SweepRow extends OpenLoopResult {
  rate: number;
  bareAckP99: number;
  /** Bot CPU (main thread and workers) per command sent, ms, and in cores over the round. */
  botCpuMs: number;
  botCores: number;
  /** Of botCpuMs, the main thread's (verify, ack, route, write, deliver); the rest is mostly the answer workers. */
  mainCpuMs: number;
}

export interface SweepFigures {
  real: SweepRow[];
  big: SweepRow[];
  kneeReal: number;
  kneeBig: number;
}

function openLoop(job: OpenLoopJob): Promise<OpenLoopResult> {
  return run(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'open-loop.ts'), JSON.stringify(job)], {
    maxBuffer: 1 << 24,
  }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!) as OpenLoopResult);
}

async function startBare(apiUrl: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'bare-bolt.ts'), SECRET, apiUrl],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error('the bare Bolt app exited before listening');
  const { port } = JSON.parse(first.value) as { port: number };
  return { url: `http://127.0.0.1:${port}/slack/events`, stop: () => child.stdin.end() };
}

/** The highest rate (scanning up) before the first whose answers were late, shed (> 1 %) or lost. */
export function knee(rows: SweepRow[]): number {
  let best = 0;
  for (const r of rows) {
    if (r.lost > 0 || r.busy > r.sent * 0.01 || !(r.answerP99 <= 500)) break;
    best = r.rate;
  }
  return best;
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');

function printSweep(label: string, rows: SweepRow[]): void {
  process.stdout.write(
    `\n## Open-loop sweep, ${label}\n\n| offered | ack p50 / p99 (bare Bolt p99, ratio) | acks > 1 s | answer p50 / p99 | shed | lost | bot CPU per command (main thread) | bot cores |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `| ${r.rate}/s | ${f0(r.ackP50)} / ${f0(r.ackP99)} ms (${f0(r.bareAckP99)}, ${(r.ackP99 / r.bareAckP99).toFixed(1)}×) | ${r.acksOver1s} | ${f0(r.answerP50)} / ${f0(r.answerP99)} ms | ${r.busy} of ${r.sent} | ${r.lost} | ${r.botCpuMs.toFixed(1)} ms (${r.mainCpuMs.toFixed(1)}) | ${r.botCores.toFixed(2)} |\n`,
    );
  process.stdout.write(`\nknee (answer p99 ≤ 500 ms, ≤ 1 % shed, 0 lost): ${knee(rows)}/s\n`);
}

interface Corpus {
  label: string;
  dir: string;
  commands: string[];
}

async function sweepCorpus(
  corpus: Corpus,
  ctx: {
    dist: string;
    apiUrl: string;
    bare: Map<number, OpenLoopResult>;
    bareUrl: string;
    rates: number[];
    seconds: number;
  },
): Promise<SweepRow[]> {
  const work = mkdtempSync(join(tmpdir(), 'versus-sweep-'));
  // The 100k index is built at start: allow for it on a loaded machine.
  const bot = await startBot(
    {
      VERSUS_DB: join(work, 'versus.db'),
      KNOWLEDGE_DIR: corpus.dir,
      SLACK_BOT_TOKEN: 'xoxb-sweep',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: ctx.apiUrl,
      // As deployed: one answer worker per core (the test helper's default of one is for a busy machine).
      VERSUS_ANSWER_WORKERS: String(availableParallelism()),
    },
    300_000,
    // SWEEP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the bot (its workers write their own).
    process.env.SWEEP_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    ctx.dist,
  );
  const job = (url: string, rate: number, seconds: number, answers: boolean): OpenLoopJob => ({
    url,
    secret: SECRET,
    rate,
    seconds,
    commands: corpus.commands,
    answers,
    graceMs: 10_000,
  });
  try {
    await openLoop(job(bot.endpoint, 20, 2, true)); // warm: JIT, statement caches, page cache
    const rows: SweepRow[] = [];
    for (const rate of ctx.rates) {
      if (!ctx.bare.has(rate)) ctx.bare.set(rate, await openLoop(job(ctx.bareUrl, rate, ctx.seconds, false)));
      const cpu0 = cpuSeconds(bot.child.pid);
      const main0 = mainThreadCpuSeconds(bot.child.pid);
      const t0 = performance.now();
      const r = await openLoop(job(bot.endpoint, rate, ctx.seconds, true));
      const cpu = cpuSeconds(bot.child.pid) - cpu0;
      rows.push({
        ...r,
        rate,
        bareAckP99: ctx.bare.get(rate)!.ackP99,
        botCpuMs: (cpu * 1000) / r.sent,
        mainCpuMs: ((mainThreadCpuSeconds(bot.child.pid) - main0) * 1000) / r.sent,
        botCores: cpu / ((performance.now() - t0) / 1000),
      });
    }
    printSweep(corpus.label, rows);
    return rows;
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchSweep(opts: { quick?: boolean; dist?: string } = {}): Promise<SweepFigures> {
  // SWEEP_DIST=<folder> measures a build made beforehand (an A/B of two builds), left in place.
  const dist = opts.dist ?? process.env.SWEEP_DIST;
  const build = dist ? undefined : buildForBench();
  const fake = await FakeSlackProcess.start();
  const bare = await startBare(fake.apiUrl);
  const synthetic = mkdtempSync(join(tmpdir(), 'versus-sweep-corpus-'));
  try {
    const taxonomyPath = join(ROOT, 'knowledge/taxonomy.yaml');
    const size = Number(process.env.SWEEP_CLAIMS ?? (opts.quick ? 10_000 : 100_000));
    // SWEEP_CORPUS=real or big runs one of the two (a development run).
    const which = process.env.SWEEP_CORPUS ?? 'both';
    const ctx = {
      dist: dist ?? build!.dist,
      apiUrl: fake.apiUrl,
      bare: new Map<number, OpenLoopResult>(),
      bareUrl: bare.url,
      // SWEEP_RATES=20,100 picks the rates (a development run on a busy machine).
      rates: process.env.SWEEP_RATES?.split(',').map(Number) ?? (opts.quick ? QUICK_RATES : SWEEP_RATES),
      seconds: Number(process.env.SWEEP_SECONDS ?? (opts.quick ? 3 : 6)),
    };
    const real =
      which === 'big'
        ? []
        : await sweepCorpus({ label: 'real corpus', dir: join(ROOT, 'knowledge'), commands: ASK_COMMANDS }, ctx);
    if (which === 'real') return { real, big: [], kneeReal: knee(real), kneeBig: 0 };
    const gen = writeSyntheticCorpus(synthetic, loadTaxonomy(taxonomyPath), size);
    copyFileSync(taxonomyPath, join(synthetic, 'taxonomy.yaml'));
    const big = await sweepCorpus(
      {
        label: `${(size / 1000).toFixed(0)}k claims`,
        dir: synthetic,
        commands: syntheticQuestions(gen.vocab, 500).map((q) => `ask ${q.text}`),
      },
      ctx,
    );
    return { real, big, kneeReal: knee(real), kneeBig: knee(big) };
  } finally {
    bare.stop();
    await fake.close();
    rmSync(synthetic, { recursive: true, force: true });
    build?.remove();
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await benchSweep({ quick: process.argv.includes('--quick') });
}
