// `npm run bench`: every benchmark in one run, figures printed for the issue notes and the README table.
// --quick: CI-size runs (10k claims, 400 commands per app, 4,000 clicks). --1m: add the 300k and 1M-claim
// points to the scale curve (several minutes more). Ends with the Targets table (bench/targets.ts). Exits non-zero
// when a vote or an answer was lost, not when a target was missed.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { benchCore } from './core.js';
import { benchDiscord } from './discord.js';
import { benchSlack } from './slack.js';
import { benchSourcesPropagation } from './sources-propagation.js';
import { benchStartup } from './startup.js';
import { report } from './stats.js';
import { benchStorm, buildForBench, type StormFigures } from './storm.js';
import { benchSweep } from './sweep.js';
import { type BenchResults, collectTargets, printTargets } from './targets.js';
import { benchVerdict } from './verdict.js';

const ROOT = resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const million = process.argv.includes('--1m') || process.env.BENCH_1M === '1';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const started = performance.now();
process.stdout.write(
  `Versus benchmarks${quick ? ' (--quick)' : ''} — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
    `${new Date().toISOString()}, load average ${load()}\n`,
);

const results: BenchResults = { quick, core: await benchCore({ quick, million }) };
results.startup = await benchStartup({ quick });
results.verdict = await benchVerdict({ quick });
const knowledge = existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))
  ? join(ROOT, 'knowledge')
  : join(ROOT, 'test/fixtures/knowledge');
for (const bench of [
  async (c: Parameters<typeof benchSlack>[0]) => {
    results.slack = await benchSlack(c, { quick });
  },
  benchDiscord,
]) {
  // A fresh core per platform benchmark, so one's database and caches do not help the other.
  const core = await createCore({ dbPath: ':memory:', knowledgeDir: knowledge, logger: createLogger('warn') });
  try {
    await bench(core);
  } finally {
    await core.scheduler.stop();
    await core.close();
  }
}
// The same storm on both backends in one run, so the two figures share the machine's load.
const build = buildForBench();
try {
  results.sweep = await benchSweep({ quick, dist: build.dist });
  const sqlite = await benchStorm({ quick, backend: 'sqlite', dist: build.dist });
  const postgres: StormFigures = await benchStorm({ quick, backend: 'postgres', dist: build.dist });
  results.storm = { sqlite, postgres };
  results.sources = await benchSourcesPropagation({ quick, dist: build.dist });
  report('Votes per second, side by side (same run, same clicks)', [
    ['SQLite, 1 process', sqlite.votesPerSecond.toFixed(0), '≥ 1,500'],
    [
      'PostgreSQL, 3 replicas + balancer',
      `${postgres.votesPerSecond.toFixed(0)} (${(postgres.votesPerSecond / sqlite.votesPerSecond).toFixed(2)}× SQLite)`,
    ],
    ['votes lost, SQLite / PostgreSQL', `${sqlite.votesLost} / ${postgres.votesLost}`, '0 / 0'],
  ]);
} finally {
  build.remove();
}
printTargets(collectTargets(results));
// Missed targets are reported, not failed on; a lost vote (storm.ts sets the exit code) or answer is a failure.
if ([1, 10, 50].some((c) => (results.slack?.[`answersMissingc${c}`] ?? 0) > 0)) process.exitCode = 1;
if ([...(results.sweep?.real ?? []), ...(results.sweep?.big ?? [])].some((r) => r.lost + r.failed > 0))
  process.exitCode = 1;
process.stdout.write(
  `\nDone in ${((performance.now() - started) / 60_000).toFixed(1)} min; load average at the end ${load()}\n`,
);
