import { join, resolve } from 'node:path';
import { AnswersStore } from '../../src/answers/answers-store.js';
import { type Database, openDatabase } from '../../src/db/open.js';
import { indexKnowledge } from '../../src/knowledge/indexer.js';
import { loadTaxonomy, type Taxonomy } from '../../src/knowledge/taxonomy.js';

export const KNOWLEDGE_DIR = resolve(import.meta.dirname, '../../knowledge');

export interface EvalIndex {
  db: Database;
  store: AnswersStore;
  taxonomy: Taxonomy;
  /** Every indexed claim's text, for checking that each expectation can be met at all. */
  claimTexts: string[];
  close(): void;
}

/**
 * Indexes the shipped knowledge into a fresh in-memory database the same way the product does at start
 * (createCore → indexKnowledge), so the eval measures the claims users would actually be shown.
 */
export function buildIndex(knowledgeDir = KNOWLEDGE_DIR): EvalIndex {
  const db = openDatabase(':memory:');
  const taxonomyPath = join(knowledgeDir, 'taxonomy.yaml');
  const taxonomy = loadTaxonomy(taxonomyPath);
  const report = indexKnowledge(db, knowledgeDir, { taxonomy, taxonomyPath });
  if (report.claims === 0) throw new Error(`no claims indexed from ${knowledgeDir}`);
  const claimTexts = db.prepare('SELECT text FROM claims ORDER BY rowid').pluck().all() as string[];
  return { db, store: new AnswersStore(db), taxonomy, claimTexts, close: () => db.close() };
}
