// `versus ask` without building the core: when the knowledge index is already up to date, the answer needs
// the index, the taxonomy and the answer pipeline, not the indexer, the shared store, the features or the
// chat adapters that createCore loads (most of a one-shot ask's time was loading them).
import { join, resolve } from 'node:path';
import { AnswersStore } from './answers/answers-store.js';
import { ask } from './answers/ask.js';
import { suggestTopics } from './answers/compare.js';
import { askReply } from './answers/present-answers.js';
import { loadCatalogue } from './chat/catalogue.js';
import { renderText } from './chat/render-text.js';
import { askLines } from './cli-lines.js';
import { askJson } from './cli-output.js';
import type { Config } from './config.js';
import { type Database, openDatabase } from './db/open.js';
import { folderIsIndexed } from './knowledge/freshness.js';
import { KnowledgeStore } from './knowledge/knowledge-store.js';
import { loadTaxonomy, type Taxonomy } from './knowledge/taxonomy.js';

type AskConfig = Pick<Config, 'dbPath' | 'knowledgeDir' | 'locale'>;

/**
 * Runs `use` on the database and taxonomy when the index is up to date, or returns undefined when it may
 * be stale (a document changed, the taxonomy or extraction changed, team documents exist): the caller then
 * takes the full path, which indexes first. Same store and taxonomy cache as that path.
 */
async function whenFresh<T>(
  config: AskConfig,
  use: (db: Database, taxonomy: Taxonomy) => Promise<T>,
): Promise<T | undefined> {
  const db = openDatabase(config.dbPath);
  try {
    const knowledge = new KnowledgeStore(db);
    const knowledgeDir = resolve(config.knowledgeDir);
    const taxonomy = loadTaxonomy(join(knowledgeDir, 'taxonomy.yaml'), knowledge.taxonomyCache());
    if (!folderIsIndexed(db, knowledgeDir, taxonomy)) return undefined;
    return await use(db, taxonomy);
  } finally {
    db.close();
  }
}

/** The answer as `versus ask` prints it (framed in VERSUS_LOCALE's words), or undefined: see whenFresh. */
export function quickAsk(
  config: AskConfig,
  question: string,
  opts: { json: boolean; context?: string | undefined },
): Promise<string | undefined> {
  return whenFresh(config, async (db, taxonomy) => {
    const r = ask(new AnswersStore(db), taxonomy, question, { context: opts.context });
    if (opts.json) return JSON.stringify(askJson(r), null, 2);
    const t = await loadCatalogue(config.locale);
    return renderText(askReply(r, { offset: 0 }, suggestTopics(taxonomy, question), t));
  });
}

/** `versus ask --jsonl` answered line by line; its exit code, or undefined: see whenFresh. */
export function quickAskLines(config: AskConfig): Promise<number | undefined> {
  return whenFresh(config, (db, taxonomy) => {
    const answers = new AnswersStore(db);
    return askLines((q, context) => ask(answers, taxonomy, q, { context }));
  });
}
