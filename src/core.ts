import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnswersStore } from './answers/answers-store.js';
import type { Platform } from './chat/context.js';
import { ConversationStore } from './chat/conversation-store.js';
import type { ChatPort } from './chat/port.js';
import { Router, type RouterDeps } from './chat/router.js';
import { type Clock, systemClock } from './clock.js';
import { type Database, openDatabase } from './db/open.js';
import { VersusError } from './errors.js';
import { type IndexReport, indexKnowledge } from './knowledge/indexer.js';
import { KnowledgeStore } from './knowledge/knowledge-store.js';
import { loadTaxonomy, type Taxonomy } from './knowledge/taxonomy.js';
import { createLogger, type Logger } from './logger.js';
import { loadMatrix, type Matrix, missingClaims } from './matrix/definition.js';
import { MatrixStore } from './matrix/matrix-store.js';
import { WalkService } from './matrix/walk-service.js';
import { pollFeature } from './polls/poll-feature.js';
import { PollService } from './polls/poll-service.js';
import { PollStore } from './polls/poll-store.js';
import { ScheduleService } from './polls/schedule-service.js';
import { ScheduleStore } from './polls/schedule-store.js';
import { Scheduler } from './polls/scheduler.js';

export interface CoreOptions {
  dbPath: string;
  knowledgeDir: string;
  logger?: Logger | undefined;
  clock?: Clock | undefined;
  /** Re-index the knowledge folder at start (incremental: unchanged files are skipped). Default true. */
  index?: boolean | undefined;
  /** Minimum time between two edits of one poll message; platforms rate-limit edits. Default 1 s. */
  pollUpdateIntervalMs?: number | undefined;
  /** Load knowledge/matrix.yaml for the decision-matrix walk. One-shot CLI commands skip it. Default true. */
  walks?: boolean | undefined;
  /** How often the scheduler closes due polls and posts due debate polls. Default 15 s. */
  schedulerIntervalMs?: number | undefined;
}

export interface Core {
  handler: Router;
  db: Database;
  taxonomy: Taxonomy;
  knowledge: KnowledgeStore;
  answers: AnswersStore;
  conversations: ConversationStore;
  polls: PollService;
  schedules: ScheduleService;
  scheduler: Scheduler;
  /** The decision-matrix walk; absent when the knowledge folder has no matrix.yaml. */
  walks?: WalkService | undefined;
  /** Adapters register here so polls and schedules can post on their platform. */
  registerPort(port: ChatPort): void;
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
    const knowledge = new KnowledgeStore(db);
    const taxonomy = loadTaxonomy(join(knowledgeDir, 'taxonomy.yaml'), {
      get: (k) => knowledge.getMeta(k),
      set: (k, v) => knowledge.setMeta(k, v),
    });
    const indexReport =
      opts.index === false
        ? undefined
        : indexKnowledge(db, knowledgeDir, { clock, taxonomy, taxonomyPath: join(knowledgeDir, 'taxonomy.yaml') });
    if (indexReport) {
      for (const w of indexReport.warnings) logger.warn({ path: w.path }, w.message);
      logger.info(
        {
          added: indexReport.added.length,
          updated: indexReport.updated.length,
          removed: indexReport.removed.length,
          unchanged: indexReport.unchanged,
          claims: indexReport.claims,
          ms: Math.round(indexReport.ms),
        },
        'knowledge indexed',
      );
    }
    const answers = new AnswersStore(db);
    const conversations = new ConversationStore(db, clock);
    const ports = new Map<Platform, ChatPort>();
    const polls = new PollService({
      store: new PollStore(db),
      answers,
      ports,
      clock,
      logger,
      updateIntervalMs: opts.pollUpdateIntervalMs,
    });
    const schedules = new ScheduleService({ store: new ScheduleStore(db), polls, answers, taxonomy, clock, logger });
    const matrix = opts.walks === false ? undefined : loadMatrixChecked(knowledgeDir, answers);
    const walks =
      matrix &&
      new WalkService({
        matrix,
        store: new MatrixStore(db),
        answers,
        ports,
        clock,
        logger,
        updateIntervalMs: opts.pollUpdateIntervalMs,
      });
    const scheduler = new Scheduler(
      [
        { name: 'pollsClosed', run: () => polls.closeDue() },
        { name: 'debatesPosted', run: () => schedules.runDue() },
        ...(walks ? [{ name: 'walksExpired', run: () => walks.expireIdle() }] : []),
        { name: 'rowsPruned', run: async () => conversations.prune() },
      ],
      [polls.renders, ...(walks ? [walks.renders] : [])],
      logger,
      opts.schedulerIntervalMs,
    );
    const deps: RouterDeps = {
      answers,
      knowledge,
      conversations,
      taxonomy,
      logger,
      features: {
        poll: pollFeature(polls),
        schedule: { command: (args, ctx) => schedules.command(args, ctx) },
        ...(walks
          ? { matrix: { command: (args, ctx) => walks.command(args, ctx), action: (id, ctx) => walks.action(id, ctx) } }
          : {}),
      },
    };
    const handler = new Router(deps);
    return {
      handler,
      db,
      taxonomy,
      knowledge,
      answers,
      conversations,
      polls,
      schedules,
      scheduler,
      walks,
      clock,
      logger,
      indexReport,
      registerPort: (port) => void ports.set(port.platform, port),
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** knowledge/matrix.yaml, validated, with every cited claim checked against the index. */
function loadMatrixChecked(knowledgeDir: string, answers: AnswersStore): Matrix | undefined {
  const path = join(knowledgeDir, 'matrix.yaml');
  if (!existsSync(path)) return undefined;
  const matrix = loadMatrix(path);
  const missing = missingClaims(matrix, (ids) => new Set(answers.claimsByIds(ids).map((c) => c.id)));
  if (missing.length) {
    const list = missing
      .slice(0, 8)
      .map((m) => `  factor ${m.factor}: claim ${m.claim}`)
      .join('\n');
    throw new VersusError(
      'knowledge_invalid',
      `${path} cites claims that are not in the index (a digest changed?):\n${list}\nFind current ids with: versus ask --json "<words of the claim>"`,
    );
  }
  return matrix;
}
