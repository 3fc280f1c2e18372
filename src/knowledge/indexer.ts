import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Database } from '../db/open.js';
import { VersusError } from '../errors.js';
import { documentPath, listDocuments } from './folder.js';
import { indexGeneration } from './generation.js';
import { type FileStat, KnowledgeStore, type StoredDocument } from './knowledge-store.js';
import { defaultParseWorkers, parsedInOrder } from './parse-pool.js';
import type { ParseOutcome } from './read-parse.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy.js';
import type { Claim, DocumentMeta } from './types.js';

/** Ids of documents teams add (`team-d3k9x2`); a folder document may not take one. */
export const TEAM_ID_PREFIX = 'team-';

const BATCH_CLAIMS = 5_000;
const RACY_MS = 2_000;

export interface IndexReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  claims: number;
  warnings: { path: string; message: string }[];
  /** Files that could not be read or parsed: their last good version (if any) stays indexed. */
  broken: string[];
  ms: number;
}

/** Where indexing time goes, in ms per phase, added to in place: for the benchmark (bench/core-run.ts). */
export type IndexPhases = Record<'setup' | 'list' | 'stat' | 'read' | 'parse' | 'extract' | 'wait' | 'write', number>;

/**
 * Charges the time since the previous lap to a phase (none: time already charged elsewhere). Only built
 * when asked for: production pays nothing.
 */
function lapTimer(phases: IndexPhases): (phase?: keyof IndexPhases) => void {
  let last = performance.now();
  return (phase) => {
    const t = performance.now();
    if (phase) phases[phase] += t - last;
    last = t;
  };
}

export { parseDocument } from './read-parse.js';

/** No stat to remember: the next run compares the file's content. */
const UNKNOWN_STAT: FileStat = { size: -1, mtimeMs: null };

/**
 * A file's size and mtime for the stat-first freshness check, and what to store: a file written in the
 * last moments may change again within the same mtime tick, so no mtime is kept for it and the next run
 * compares its content (as git does with "racy" files). Undefined when the file cannot be stat'ed: the
 * reader then says why.
 */
function fileStat(file: string): { size: number; mtimeMs: number; stored: FileStat } | undefined {
  try {
    const { size, mtimeMs } = statSync(file);
    return { size, mtimeMs, stored: { size, mtimeMs: Date.now() - mtimeMs < RACY_MS ? null : mtimeMs } };
  } catch {
    return undefined;
  }
}

/** What one run has seen so far: which paths the folder still has, which ids it used, what to re-stat. */
interface RunState {
  report: IndexReport;
  seen: Set<string>;
  idsThisRun: Map<string, string>;
  touched: { path: string; stat: FileStat }[];
}

/** A listed file with what the stat-first check found: `fresh` when its size and mtime say it is unchanged. */
interface Entry {
  file: string;
  path: string;
  before: StoredDocument | undefined;
  stat: ReturnType<typeof fileStat>;
  fresh: boolean;
}

type Pending = { meta: DocumentMeta; path: string; hash: string; stat: FileStat; claims: Claim[]; before: boolean };

/**
 * Changed documents are written in batches: each batch is one transaction, so a reader sees every
 * document either wholly old or wholly new, and a full index does not pay a commit per file.
 */
function batchWriter(db: Database, store: KnowledgeStore, report: IndexReport, now: string) {
  let batch: Pending[] = [];
  let batchClaims = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const pending = batch;
    db.transaction(() =>
      pending.forEach((d) => store.writeDocument(d.meta, d.path, d.hash, d.stat, d.claims, now)),
    ).immediate();
    for (const d of pending) (d.before ? report.updated : report.added).push(d.path);
    batch = [];
    batchClaims = 0;
  };
  const add = (d: Pending) => {
    batch.push(d);
    batchClaims += d.claims.length;
    if (batchClaims >= BATCH_CLAIMS) flush();
  };
  return { add, flush };
}

/** Settles one file that had to be read: unchanged, broken, or parsed and queued for writing. */
function settle(e: Entry, outcome: ParseOutcome, run: RunState, write: (d: Pending) => void): void {
  const { path, before } = e;
  const { report } = run;
  if (before || outcome.kind !== 'broken') run.seen.add(path);
  if (outcome.kind !== 'parsed') {
    if (outcome.kind === 'unchanged') {
      // Touched but not changed (a checkout, a copy): remember the new stat so the next run skips it.
      if (e.stat) run.touched.push({ path, stat: e.stat.stored });
      report.unchanged++;
    } else {
      // Unreadable, not text, or front matter that cannot be read: warn, and keep the last good version of a
      // document that was indexed before (a half-saved edit must not wipe it).
      report.broken.push(path);
      report.warnings.push({
        path,
        message: `${outcome.reason}${before ? ', the last good version stays indexed' : ''}`,
      });
    }
    if (before) run.idsThisRun.set(before.id, path);
    return;
  }
  const { meta } = outcome;
  for (const message of outcome.warnings) report.warnings.push({ path, message });
  if (meta.id.startsWith(TEAM_ID_PREFIX)) {
    report.warnings.push({
      path,
      message: `document id "${meta.id}" starts with "${TEAM_ID_PREFIX}", kept for documents teams add; skipped (give it another id in its front matter)`,
    });
    return;
  }
  const clash = run.idsThisRun.get(meta.id);
  if (clash !== undefined) {
    report.warnings.push({
      path,
      message: `document id "${meta.id}" is also used by ${clash}; skipped (give it a unique id in its front matter)`,
    });
    return;
  }
  run.idsThisRun.set(meta.id, path);
  const { hash, claims } = outcome;
  write({ meta, path, hash, stat: e.stat?.stored ?? UNKNOWN_STAT, claims, before: before !== undefined });
}

function checkedRoot(dir: string): string {
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new VersusError(
      'knowledge_invalid',
      `The knowledge folder ${root} does not exist. Set KNOWLEDGE_DIR to a folder of Markdown or text files.`,
    );
  }
  return root;
}

export interface IndexOptions {
  clock?: Clock;
  taxonomy?: Taxonomy;
  taxonomyPath?: string;
  phases?: IndexPhases;
  /** Parse workers when many files changed (parse-pool.ts); 0 parses on this thread. */
  workers?: number;
  /** Bytes to read below which files are parsed on this thread (default POOL_MIN_BYTES; tests lower it). */
  poolMinBytes?: number;
}

/**
 * Brings the index in step with a folder: unchanged documents (same size and mtime, else same content
 * hash; same taxonomy and indexer version) are skipped, changed ones are replaced in batched
 * transactions, vanished ones removed. Many changed files are parsed on worker threads while this
 * thread writes; the outcome is the same, file by file, in the same order.
 */
export function indexKnowledge(db: Database, dir: string, opts: IndexOptions = {}): IndexReport {
  const started = performance.now();
  const lap = opts.phases && lapTimer(opts.phases);
  const now = (opts.clock ?? systemClock).now().toISOString();
  const root = checkedRoot(dir);
  const taxonomy = opts.taxonomy ?? loadTaxonomy(opts.taxonomyPath ?? join(root, 'taxonomy.yaml'));
  const store = new KnowledgeStore(db);
  const generation = indexGeneration(taxonomy);
  const sameGeneration = store.getMeta('index_generation') === generation;
  const report: IndexReport = {
    added: [],
    updated: [],
    removed: [],
    unchanged: 0,
    claims: 0,
    warnings: [],
    broken: [],
    ms: 0,
  };
  // Team documents (`/versus sources add`) are kept in step with the shared store (sources/sync.ts), not the folder.
  const known = new Map(
    store
      .documents()
      .filter((d) => d.scope === '')
      .map((d) => [d.path, d]),
  );
  const run: RunState = { report, seen: new Set(), idsThisRun: new Map(), touched: [] };
  const writer = batchWriter(db, store, report, now);
  lap?.('setup');
  const files = listDocuments(root, report.warnings);
  lap?.('list');
  // Freshness by stat first: same size and mtime as when last read means unchanged, without reading it.
  const entries: Entry[] = files.map((file) => {
    const path = documentPath(root, file);
    const before = known.get(path);
    const stat = fileStat(file);
    const fresh = !!(stat && before && sameGeneration && before.size === stat.size && before.mtimeMs === stat.mtimeMs);
    return { file, path, before, stat, fresh };
  });
  lap?.('stat');
  const stale = entries.filter((e) => !e.fresh);
  const jobs = stale.map((e) => ({
    file: e.file,
    path: e.path,
    knownHash: sameGeneration ? e.before?.sha256 : undefined,
  }));
  const bytes = stale.reduce((sum, e) => sum + (e.stat?.size ?? 0), 0);
  const outcomes = parsedInOrder(jobs, taxonomy, opts.workers ?? defaultParseWorkers(), {
    ...(opts.phases && { times: opts.phases }),
    bytes,
    minBytes: opts.poolMinBytes,
    onStall: () =>
      report.warnings.push({ path: root, message: 'the parse workers stopped answering; the rest was parsed here' }),
  });
  try {
    for (const e of entries) {
      if (e.fresh) {
        run.seen.add(e.path);
        report.unchanged++;
        run.idsThisRun.set(e.before!.id, e.path);
        continue;
      }
      const next = outcomes.next();
      lap?.(); // parsedInOrder charged reading, parsing and waiting itself
      if (next.done) throw new Error(`no parse outcome for ${e.path}`);
      settle(e, next.value, run, writer.add);
      lap?.('write');
    }
  } finally {
    outcomes.return(undefined);
  }
  writer.flush();
  finish(db, store, run, known, { generation, sameGeneration, now });
  lap?.('write');
  report.ms = performance.now() - started;
  return report;
}

/** Remembers re-stat'ed files, removes vanished documents, and records what this run indexed. */
function finish(
  db: Database,
  store: KnowledgeStore,
  run: RunState,
  known: Map<string, StoredDocument>,
  at: { generation: string; sameGeneration: boolean; now: string },
): void {
  const { report } = run;
  if (run.touched.length)
    db.transaction(() => {
      for (const t of run.touched) store.setStat(t.path, t.stat);
    }).immediate();
  const gone = [...known.keys()].filter((p) => !run.seen.has(p));
  if (gone.length) {
    db.transaction(() => {
      for (const p of gone) store.deleteByPath(p);
    }).immediate();
    report.removed.push(...gone);
  }
  store.setMeta('index_generation', at.generation);
  store.setMeta('indexed_at', at.now);
  // Caches keyed on the index contents (term frequencies) watch this value.
  if (report.added.length + report.updated.length + report.removed.length > 0 || !at.sameGeneration)
    store.setMeta('index_version', `${at.now}#${Math.random().toString(36).slice(2)}`);
  report.claims = store.claimCount();
}
