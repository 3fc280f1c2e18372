import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from '../db/open.js';
import { documentPath, listDocuments } from './folder.js';
import { indexGeneration } from './generation.js';
import { KnowledgeStore } from './knowledge-store.js';
import type { Taxonomy } from './taxonomy.js';

/**
 * True when indexing the folder now would change nothing: the same index generation, every document
 * listed with the size and mtime stored for it, none vanished, and no team documents (their sync reads
 * the shared store). Stats only, like the indexer's own first check, so a one-shot `versus ask` can skip
 * loading the parser. False means "maybe stale": the caller indexes as usual.
 */
export function folderIsIndexed(db: Database, dir: string, taxonomy: Taxonomy): boolean {
  const store = new KnowledgeStore(db);
  if (store.getMeta('index_generation') !== indexGeneration(taxonomy)) return false;
  const docs = store.documents();
  // Team documents are kept in step with the shared store's team_sources (sources/sync.ts), not the folder.
  if (docs.some((d) => d.scope !== '') || db.prepare('SELECT 1 FROM team_sources LIMIT 1').get()) return false;
  const root = resolve(dir);
  const known = new Map(docs.map((d) => [d.path, d]));
  const files = listDocuments(root, []);
  if (files.length !== known.size) return false;
  return files.every((file) => {
    const before = known.get(documentPath(root, file));
    if (!before || before.mtimeMs === null) return false;
    try {
      const { size, mtimeMs } = statSync(file);
      return before.size === size && before.mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}
