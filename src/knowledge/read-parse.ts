import { createHash } from 'node:crypto';
import { extractClaims } from './extract.js';
import { readDocument } from './folder.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plaintext.js';
import type { Taxonomy } from './taxonomy.js';
import type { Claim, DocumentMeta, ParsedDocument } from './types.js';

/** A document by its file name: plain text (structure recovered; tables need the taxonomy's side words) or Markdown. */
export function parseDocument(source: string, path: string, taxonomy?: Taxonomy): ParsedDocument {
  return /\.txt$/i.test(path)
    ? parsePlainText(source, path, taxonomy && ((t) => taxonomy.sideOf(t)))
    : parseMarkdown(source, path);
}

/** One file to read and parse: `knownHash` is the content hash of its indexed version, if that may be kept. */
export interface ParseJob {
  file: string;
  path: string;
  knownHash: string | undefined;
}

/**
 * What reading one file found, as plain data (it crosses from a parse worker to the writer): its content
 * unchanged, broken (why), or parsed and extracted. The raw claims are left behind: only the writer's part travels.
 */
export type ParseOutcome =
  | { kind: 'unchanged' }
  | { kind: 'broken'; reason: string }
  | { kind: 'parsed'; meta: DocumentMeta; hash: string; claims: Claim[]; warnings: string[] };

/** Milliseconds per step, added to in place when given (the benchmark's phases). */
export type StepTimes = Record<'read' | 'parse' | 'extract', number>;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Reads, hashes, parses and extracts one file. A file that cannot be read (removed or half-written while
 * being indexed) or parsed is broken, never an error for the whole folder. Pure but for reading the file.
 */
export function readAndParse(job: ParseJob, taxonomy: Taxonomy, times?: StepTimes): ParseOutcome {
  let t = times && performance.now();
  const lap = (step: keyof StepTimes) => {
    if (!times || t === undefined) return;
    const now = performance.now();
    times[step] += now - t;
    t = now;
  };
  const fromDisk = readDocument(job.file);
  lap('read');
  // Unreadable, not a regular file, too large, not text: the caller warns and keeps the last good version.
  if ('problem' in fromDisk) return { kind: 'broken', reason: `${fromDisk.problem}; skipped` };
  const hash = sha(fromDisk.text);
  if (job.knownHash === hash) return { kind: 'unchanged' };
  const parsed = parseDocument(fromDisk.text, job.path, taxonomy);
  lap('parse');
  if (parsed.broken) return { kind: 'broken', reason: parsed.broken };
  const { claims, warnings } = extractClaims(parsed.meta.id, parsed.claims, taxonomy);
  lap('extract');
  return { kind: 'parsed', meta: parsed.meta, hash, claims, warnings: [...parsed.warnings, ...warnings] };
}
