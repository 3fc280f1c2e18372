import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Database } from '../db/open.js';
import { VersusError } from '../errors.js';
import { extractClaims } from './extract.js';
import { documentPath, listDocuments, readDocument } from './folder.js';
import { indexGeneration } from './generation.js';
import { type FileStat, KnowledgeStore } from './knowledge-store.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plaintext.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy.js';
import type { Claim, ParsedDocument } from './types.js';

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
export type IndexPhases = Record<'setup' | 'list' | 'stat' | 'read' | 'parse' | 'extract' | 'write', number>;

/** Charges the time since the previous lap to a phase. Only built when asked for: production pays nothing. */
function lapTimer(phases: IndexPhases): (phase: keyof IndexPhases) => void {
  let last = performance.now();
  return (phase) => {
    const t = performance.now();
    phases[phase] += t - last;
    last = t;
  };
}

/** A document by its file name: plain text (structure recovered; tables need the taxonomy's side words) or Markdown. */
export function parseDocument(source: string, path: string, taxonomy?: Taxonomy): ParsedDocument {
  return /\.txt$/i.test(path)
    ? parsePlainText(source, path, taxonomy && ((t) => taxonomy.sideOf(t)))
    : parseMarkdown(source, path);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

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

/**
 * One file read and parsed; 'unchanged' when its hash says it need not be. A file that cannot be read
 * (removed or half-written while being indexed) or parsed is broken, never an error for the whole folder.
 */
function parseIfChanged(
  source: string,
  path: string,
  unchanged: (hash: string) => boolean,
  taxonomy: Taxonomy,
): 'unchanged' | { broken: string } | { parsed: ParsedDocument; hash: string } {
  const hash = sha(source);
  if (unchanged(hash)) return 'unchanged';
  const parsed = parseDocument(source, path, taxonomy);
  return parsed.broken ? { broken: parsed.broken } : { parsed, hash };
}

/**
 * Brings the index in step with a folder: unchanged documents (same size and mtime, else same content
 * hash; same taxonomy and indexer version) are skipped, changed ones are replaced in one transaction
 * each, vanished ones removed.
 */
export function indexKnowledge(
  db: Database,
  dir: string,
  opts: { clock?: Clock; taxonomy?: Taxonomy; taxonomyPath?: string; phases?: IndexPhases } = {},
): IndexReport {
  const started = performance.now();
  const lap = opts.phases && lapTimer(opts.phases);
  const clock = opts.clock ?? systemClock;
  const root = resolve(dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new VersusError(
      'knowledge_invalid',
      `The knowledge folder ${root} does not exist. Set KNOWLEDGE_DIR to a folder of Markdown or text files.`,
    );
  }
  const taxonomyPath = opts.taxonomyPath ?? join(root, 'taxonomy.yaml');
  const taxonomy = opts.taxonomy ?? loadTaxonomy(taxonomyPath);
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
  const seen = new Set<string>();
  const idsThisRun = new Map<string, string>();
  const now = clock.now().toISOString();
  const touched: { path: string; stat: FileStat }[] = [];

  // Changed documents are written in batches: each batch is one transaction, so a reader sees every
  // document either wholly old or wholly new, and a full index does not pay a commit per file.
  let batch: {
    parsed: ParsedDocument;
    path: string;
    hash: string;
    stat: FileStat;
    claims: Claim[];
    before: boolean;
  }[] = [];
  let batchClaims = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const pending = batch;
    db.transaction(() =>
      pending.forEach((d) => store.writeDocument(d.parsed.meta, d.path, d.hash, d.stat, d.claims, now)),
    ).immediate();
    for (const d of pending) (d.before ? report.updated : report.added).push(d.path);
    batch = [];
    batchClaims = 0;
  };

  lap?.('setup');
  for (const file of listDocuments(root, report.warnings)) {
    lap?.('list'); // the listing is charged once, on the first file; later files only pay the loop
    const path = documentPath(root, file);
    const before = known.get(path);
    // Freshness by stat first: same size and mtime as when last read means unchanged, without reading it.
    const stat = fileStat(file);
    lap?.('stat');
    if (stat && before && sameGeneration && before.size === stat.size && before.mtimeMs === stat.mtimeMs) {
      seen.add(path);
      report.unchanged++;
      idsThisRun.set(before.id, path);
      continue;
    }
    const fromDisk = readDocument(file);
    lap?.('read');
    // Unreadable, not a regular file, too large, not text, or front matter that cannot be read: warn, and keep
    // the last good version of a document that was indexed before (a half-saved edit must not wipe it).
    const read =
      'problem' in fromDisk
        ? { broken: `${fromDisk.problem}; skipped` }
        : parseIfChanged(fromDisk.text, path, (hash) => !!before && before.sha256 === hash && sameGeneration, taxonomy);
    lap?.('parse');
    if (before || read === 'unchanged' || !('broken' in read)) seen.add(path);
    if (read === 'unchanged' || 'broken' in read) {
      if (read === 'unchanged') {
        // Touched but not changed (a checkout, a copy): remember the new stat so the next run skips it.
        if (stat) touched.push({ path, stat: stat.stored });
        report.unchanged++;
      } else {
        report.broken.push(path);
        report.warnings.push({
          path,
          message: `${read.broken}${before ? ', the last good version stays indexed' : ''}`,
        });
      }
      if (before) idsThisRun.set(before.id, path);
      continue;
    }
    const { parsed, hash } = read;
    const { claims, warnings } = extractClaims(parsed.meta.id, parsed.claims, taxonomy);
    lap?.('extract');
    for (const message of [...parsed.warnings, ...warnings]) report.warnings.push({ path, message });
    if (parsed.meta.id.startsWith(TEAM_ID_PREFIX)) {
      report.warnings.push({
        path,
        message: `document id "${parsed.meta.id}" starts with "${TEAM_ID_PREFIX}", kept for documents teams add; skipped (give it another id in its front matter)`,
      });
      continue;
    }
    const clash = idsThisRun.get(parsed.meta.id);
    if (clash !== undefined) {
      report.warnings.push({
        path,
        message: `document id "${parsed.meta.id}" is also used by ${clash}; skipped (give it a unique id in its front matter)`,
      });
      continue;
    }
    idsThisRun.set(parsed.meta.id, path);
    batch.push({ parsed, path, hash, stat: stat?.stored ?? UNKNOWN_STAT, claims, before: before !== undefined });
    batchClaims += claims.length;
    if (batchClaims >= BATCH_CLAIMS) flush();
    lap?.('write');
  }
  lap?.('list');
  flush();

  if (touched.length)
    db.transaction(() => {
      for (const t of touched) store.setStat(t.path, t.stat);
    }).immediate();
  const gone = [...known.keys()].filter((p) => !seen.has(p));
  if (gone.length) {
    db.transaction(() => {
      for (const p of gone) store.deleteByPath(p);
    }).immediate();
    report.removed.push(...gone);
  }
  store.setMeta('index_generation', generation);
  store.setMeta('indexed_at', now);
  // Caches keyed on the index contents (term frequencies) watch this value.
  if (report.added.length + report.updated.length + report.removed.length > 0 || !sameGeneration)
    store.setMeta('index_version', `${now}#${Math.random().toString(36).slice(2)}`);
  report.claims = store.claimCount();
  lap?.('write');
  report.ms = performance.now() - started;
  return report;
}
