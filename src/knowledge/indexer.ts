import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Database } from '../db/open.js';
import { VersusError } from '../errors.js';
import { extractClaims } from './extract.js';
import { type FileStat, KnowledgeStore } from './knowledge-store.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plaintext.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy.js';
import type { Claim, ParsedDocument } from './types.js';

/** Bump when extraction changes so every document is re-indexed once. */
export const INDEXER_VERSION = '2';
const BATCH_CLAIMS = 5_000;
const RACY_MS = 2_000;

export interface IndexReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  claims: number;
  warnings: { path: string; message: string }[];
  ms: number;
}

function listDocuments(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(md|markdown|txt)$/i.test(entry.name) && !/^readme\.md$/i.test(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out.sort();
}

export function parseDocument(source: string, path: string): ParsedDocument {
  return /\.txt$/i.test(path) ? parsePlainText(source, path) : parseMarkdown(source, path);
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Brings the index in step with a folder: unchanged documents (same size and mtime, else same content
 * hash; same taxonomy and indexer version) are skipped, changed ones are replaced in one transaction each, vanished ones removed.
 */
export function indexKnowledge(
  db: Database,
  dir: string,
  opts: { clock?: Clock; taxonomy?: Taxonomy; taxonomyPath?: string } = {},
): IndexReport {
  const started = performance.now();
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
  // Tagging depends on the taxonomy: when it changes, every document is stale.
  const generation = sha(
    `${INDEXER_VERSION}\n${JSON.stringify({ topics: taxonomy.topics, sides: taxonomy.sides, metrics: taxonomy.metricsSource })}`,
  );
  const sameGeneration = store.getMeta('index_generation') === generation;

  const report: IndexReport = { added: [], updated: [], removed: [], unchanged: 0, claims: 0, warnings: [], ms: 0 };
  const known = new Map(store.documents().map((d) => [d.path, d]));
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

  for (const file of listDocuments(root)) {
    const path = relative(root, file).split('\\').join('/');
    seen.add(path);
    const before = known.get(path);
    // Freshness by stat first: same size and mtime as when last read means unchanged, without reading it.
    const { size, mtimeMs } = statSync(file);
    // A file written in the last moments may change again within the same mtime tick: keep no mtime for
    // it, so the next run compares its content (as git does with "racy" files).
    const stat: FileStat = { size, mtimeMs: Date.now() - mtimeMs < RACY_MS ? null : mtimeMs };
    if (before && sameGeneration && before.size === size && before.mtimeMs === mtimeMs) {
      report.unchanged++;
      idsThisRun.set(before.id, path);
      continue;
    }
    const source = readFileSync(file, 'utf8');
    const hash = sha(source);
    if (before && before.sha256 === hash && sameGeneration) {
      // Touched but not changed (a checkout, a copy): remember the new stat so the next run skips it.
      touched.push({ path, stat });
      report.unchanged++;
      idsThisRun.set(before.id, path);
      continue;
    }
    const parsed = parseDocument(source, path);
    const { claims, warnings } = extractClaims(parsed.meta.id, parsed.claims, taxonomy);
    for (const message of [...parsed.warnings, ...warnings]) report.warnings.push({ path, message });
    const clash = idsThisRun.get(parsed.meta.id);
    if (clash !== undefined) {
      report.warnings.push({
        path,
        message: `document id "${parsed.meta.id}" is also used by ${clash}; skipped (give it a unique id in its front matter)`,
      });
      continue;
    }
    idsThisRun.set(parsed.meta.id, path);
    batch.push({ parsed, path, hash, stat, claims, before: before !== undefined });
    batchClaims += claims.length;
    if (batchClaims >= BATCH_CLAIMS) flush();
  }
  flush();

  if (touched.length)
    db.transaction(() => {
      for (const t of touched) store.setStat(t.path, t.stat);
    }).immediate();
  const gone = [...known.keys()].filter((p) => !seen.has(p));
  if (gone.length) {
    db.transaction(() => gone.forEach((p) => store.deleteByPath(p))).immediate();
    report.removed.push(...gone);
  }
  store.setMeta('index_generation', generation);
  store.setMeta('indexed_at', now);
  // Caches keyed on the index contents (term frequencies) watch this value.
  if (report.added.length + report.updated.length + report.removed.length > 0 || !sameGeneration)
    store.setMeta('index_version', `${now}#${Math.random().toString(36).slice(2)}`);
  report.claims = store.claimCount();
  report.ms = performance.now() - started;
  return report;
}
