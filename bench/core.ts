// The scale curve: for 10k, 100k and 300k claims (1M with --1m), generate a realistic corpus
// (bench/corpus.ts), then index and query it in a child process (bench/core-run.ts) so each size's
// peak RSS is its own. Standalone: npx tsx bench/core.ts [--quick] [--1m]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IndexPhases } from '../src/knowledge/indexer.js';
import { loadTaxonomy } from '../src/knowledge/taxonomy.js';
import { STAGE_LABELS, type StageTimes } from './ask-stages.js';
import { writeSyntheticCorpus } from './corpus.js';
import { ms, parts, report, shares } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');

type Summary = { p50: number; p95: number; p99: number; mean: number; max: number };
export interface ScalePoint {
  claims: number;
  documents: number;
  fullMs: number[];
  floorMs: number[];
  full: number;
  floor: number;
  noopMs: number;
  reindexMs: number[];
  /** Indexer phases summed over the full-index runs, and over the five one-document re-indexes. */
  fullPhases: IndexPhases;
  /** CPU ms summed over the full-index runs: the whole process, and the writer (main) thread alone (NaN off Linux). */
  fullCpu: { all: number; writer: number };
  reindexPhases: IndexPhases;
  /** Of the re-indexes' write phase: deleting the old version of the document. */
  reindexDeleteMs: number;
  /** A second cold pass through the staged ask: mean ms per stage over the slowest 1 % and over all. */
  askStages: { stagedP99: number; slowest: StageTimes; all: StageTimes };
  dbMb: number;
  tables: { t: string; mb: number }[];
  askCold: Summary;
  askWarm: Summary;
  askExhaustive: Summary;
  overlap: number;
  answered: number;
  withUnknownWord: number;
  compare: Summary;
  peakRssMb: number;
}

export const PHASE_LABELS: Record<keyof IndexPhases, string> = {
  setup: 'setup (stored document list)',
  list: 'list folder',
  stat: 'stat (freshness)',
  read: 'read',
  parse: 'hash + parse Markdown',
  extract: 'extract claims, tags, figures',
  wait: 'writer waiting for parse workers',
  write: 'SQLite inserts + FTS5 + commit',
};

/** Where the time went, one line each, for the scale report and the Targets table's misses. */
export function whyFull(p: ScalePoint): string {
  const n = p.fullMs.length;
  const write = p.fullPhases.write / n;
  // The CPU a run costs over all threads bounds it from below on this many cores, however well they overlap.
  const cpu = `CPU per run ${ms(p.fullCpu.all / n)} (writer thread ${ms(p.fullCpu.writer / n)}), at least ${ms(p.fullCpu.all / n / availableParallelism())} on ${availableParallelism()} cores`;
  return `${shares(p.fullPhases, PHASE_LABELS)}; the write phase alone is ${(write / p.floor).toFixed(1)}× the floor; ${cpu}`;
}
export function whyReindex(p: ScalePoint): string {
  const n = p.reindexMs.length;
  return `per run ${parts(p.reindexPhases, n)} (of write: delete old version ${ms(p.reindexDeleteMs / n)}); ${p.documents} files stat'ed each run`;
}
export function whyAsk(p: ScalePoint): string {
  const s = p.askStages;
  const sum = Object.values(s.slowest).reduce((a, b) => a + b, 0);
  return `slowest 1 % of a second cold pass (p99 ${ms(s.stagedP99)}; mean ${ms(sum)}): ${shares(s.slowest, STAGE_LABELS)}`;
}

const range = (xs: number[], f = ms) =>
  xs.length > 1 ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : f(xs[0] ?? Number.NaN);

export async function benchCore(opts: { quick?: boolean; million?: boolean } = {}): Promise<ScalePoint[]> {
  // 300k and 1M only on request (--1m): the default run must leave time for the sweep within 10 minutes.
  const sizes = opts.quick ? [10_000] : [10_000, 100_000, ...(opts.million ? [300_000, 1_000_000] : [])];
  const taxonomyPath = join(ROOT, 'knowledge/taxonomy.yaml');
  const taxonomy = loadTaxonomy(taxonomyPath);
  const points: ScalePoint[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'versus-bench-'));
    try {
      const corpus = join(dir, 'knowledge');
      const gen = writeSyntheticCorpus(corpus, taxonomy, size);
      copyFileSync(taxonomyPath, join(corpus, 'taxonomy.yaml'));
      mkdirSync(join(dir, 'work'));
      const reps = opts.quick || size > 100_000 ? 1 : 3;
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench/core-run.ts'), corpus, join(dir, 'work'), String(reps)],
        { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const p = JSON.parse(out.trim().split('\n').at(-1)!) as ScalePoint;
      points.push(p);
      const k = `${(size / 1000).toLocaleString('en-US')}k`;
      const rows: [string, string, string?][] = [
        ['corpus', `${p.claims.toLocaleString('en-US')} claims, ${p.documents} docs, ${gen.distinctWords} words`],
        [`full index (${reps} run${reps > 1 ? 's' : ''})`, range(p.fullMs), size === 100_000 ? '≤ 2 s' : undefined],
        ['floor: bulk insert + FTS5, same rows', range(p.floorMs)],
        ['full index ÷ floor (medians)', `${(p.full / p.floor).toFixed(1)}×`],
        ['  where the full index spends it', whyFull(p)],
        ['re-index, nothing changed', ms(p.noopMs)],
        ['re-index, one changed document (5 runs)', range(p.reindexMs), '≤ 50 ms'],
        ['  per run', parts(p.reindexPhases, p.reindexMs.length)],
        ['  of write: delete the old version', ms(p.reindexDeleteMs / p.reindexMs.length)],
        [
          'ask p50 / p99, cold',
          `${ms(p.askCold.p50)} / ${ms(p.askCold.p99)}`,
          size === 100_000 ? 'p99 ≤ 10 ms' : undefined,
        ],
        ['  cold, slowest 1 %, per stage', parts(p.askStages.slowest, 1, STAGE_LABELS)],
        ['  cold, all questions, per stage', parts(p.askStages.all, 1, STAGE_LABELS)],
        ['ask p50 / p99, warm', `${ms(p.askWarm.p50)} / ${ms(p.askWarm.p99)}`],
        ['exhaustive bm25 ask p50 / p99 (baseline)', `${ms(p.askExhaustive.p50)} / ${ms(p.askExhaustive.p99)}`],
        ['top-5 overlap with exhaustive bm25', p.overlap.toFixed(3), '≥ 0.95'],
        ['questions answered / with an unknown word', `${p.answered} / ${p.withUnknownWord} of 1,000`],
        ['compare p50 / p99', `${ms(p.compare.p50)} / ${ms(p.compare.p99)}`],
        ['database size', `${p.dbMb.toFixed(1)} MB`, size === 100_000 ? '≤ 50 MB' : undefined],
        ['  of which', p.tables.map((t) => `${t.t} ${t.mb.toFixed(1)}`).join(', ')],
        ['peak RSS (index + questions)', `${p.peakRssMb.toFixed(0)} MB`],
      ];
      report(`Knowledge index and ask at ${k} claims (realistic corpus, own process)`, rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (points.length > 1) {
    const a = points[0]!;
    const b = points.at(-1)!;
    const x = b.claims / a.claims;
    const g = (f: (p: ScalePoint) => number) => `${(f(b) / f(a)).toFixed(1)}×`;
    report(
      `Growth from ${a.claims.toLocaleString('en-US')} to ${b.claims.toLocaleString('en-US')} claims (${x.toFixed(0)}× the claims)`,
      [
        ['full index', g((p) => p.full)],
        ['re-index one document (median)', g((p) => [...p.reindexMs].sort((m, n) => m - n)[2]!)],
        ['ask p99 cold / warm', `${g((p) => p.askCold.p99)} / ${g((p) => p.askWarm.p99)}`],
        ['compare p99', g((p) => p.compare.p99)],
        ['database size', g((p) => p.dbMb)],
        ['peak RSS', g((p) => p.peakRssMb)],
      ],
    );
  }
  return points;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  if (!existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))) throw new Error('knowledge/taxonomy.yaml is missing');
  await benchCore({ quick: process.argv.includes('--quick'), million: process.argv.includes('--1m') });
}
