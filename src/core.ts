import { join, resolve } from 'node:path';
import { AnswersStore } from './answers/answers-store.js';
import { systemClock, type Clock } from './clock.js';
import { ConversationStore } from './chat/conversation-store.js';
import { Router, type RouterDeps } from './chat/router.js';
import { openDatabase, type Database } from './db/open.js';
import { indexKnowledge, type IndexReport } from './knowledge/indexer.js';
import { KnowledgeStore } from './knowledge/knowledge-store.js';
import { loadTaxonomy, type Taxonomy } from './knowledge/taxonomy.js';
import { createLogger, type Logger } from './logger.js';

export interface CoreOptions {
  dbPath: string;
  knowledgeDir: string;
  logger?: Logger | undefined;
  clock?: Clock | undefined;
  /** Re-index the knowledge folder at start (incremental: unchanged files are skipped). Default true. */
  index?: boolean | undefined;
}

export interface Core {
  handler: Router;
  db: Database;
  taxonomy: Taxonomy;
  knowledge: KnowledgeStore;
  answers: AnswersStore;
  conversations: ConversationStore;
  clock: Clock;
  logger: Logger;
  indexReport?: IndexReport | undefined;
  close(): void;
}

/** Database → knowledge index → services → router. Everything an adapter needs, with no platform in sight. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const logger = opts.logger ?? createLogger();
  const clock = opts.clock ?? systemClock;
  const knowledgeDir = resolve(opts.knowledgeDir);
  const db = openDatabase(opts.dbPath);
  try {
    const taxonomy = loadTaxonomy(join(knowledgeDir, 'taxonomy.yaml'));
    const indexReport = opts.index === false ? undefined : indexKnowledge(db, knowledgeDir, { clock, taxonomy, taxonomyPath: join(knowledgeDir, 'taxonomy.yaml') });
    if (indexReport) {
      for (const w of indexReport.warnings) logger.warn({ path: w.path }, w.message);
      logger.info({ added: indexReport.added.length, updated: indexReport.updated.length, removed: indexReport.removed.length,
        unchanged: indexReport.unchanged, claims: indexReport.claims, ms: Math.round(indexReport.ms) }, 'knowledge indexed');
    }
    const knowledge = new KnowledgeStore(db);
    const answers = new AnswersStore(db);
    const conversations = new ConversationStore(db, clock);
    const deps: RouterDeps = { answers, knowledge, conversations, taxonomy, logger };
    const handler = new Router(deps);
    return { handler, db, taxonomy, knowledge, answers, conversations, clock, logger, indexReport, close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}
