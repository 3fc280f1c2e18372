import { join, resolve } from 'node:path';
import { exportButton } from './adr/adr-action.js';
import type { DecisionRecordService } from './adr/adr-service.js';
import { createAnswering } from './answers/answer-features.js';
import { AnswerPool } from './answers/answer-pool.js';
import { AnswersStore } from './answers/answers-store.js';
import { type AnswerEngine, inThreadEngine } from './answers/engine.js';
import type { Platform } from './chat/context.js';
import { ConversationStore } from './chat/conversation-store.js';
import type { Feature, FeatureDeps } from './chat/feature.js';
import { type Locale, Locales } from './chat/locales.js';
import type { ChatPort } from './chat/port.js';
import { Router } from './chat/router.js';
import { type Clock, systemClock } from './clock.js';
import { corruptionError, type Database, openDatabase } from './db/open.js';
import type { FeedbackStore } from './feedback/feedback-store.js';
import { createFeedback } from './feedback/index.js';
import { createHome } from './home/index.js';
import { AddressAllowList } from './ingest/addresses.js';
import { FETCH_LIMITS } from './ingest/fetch.js';
import { type IndexReport, indexKnowledge } from './knowledge/indexer.js';
import { KnowledgeStore } from './knowledge/knowledge-store.js';
import { loadTaxonomy, type Taxonomy } from './knowledge/taxonomy.js';
import { KnowledgeWatcher, recordBroken } from './knowledge/watch.js';
import { createLogger, type Logger } from './logger.js';
import { createMatrix } from './matrix/index.js';
import type { WalkService } from './matrix/walk-service.js';
import type { Metrics } from './metrics/metrics.js';
import { createPrometheusMetrics } from './metrics/prometheus.js';
import { timedShared } from './metrics/store-timing.js';
import { createPolls } from './polls/index.js';
import type { PollService } from './polls/poll-service.js';
import { PollStore } from './polls/poll-store.js';
import type { ScheduleService } from './polls/schedule-service.js';
import { Scheduler } from './runtime/scheduler.js';
import { createSettings } from './settings/index.js';
import { ChannelSettings } from './settings/settings-store.js';
import { sourcesFeature } from './sources/index.js';
import { inThreadPreparer, workerPreparer } from './sources/preparer.js';
import { TeamSources } from './sources/service.js';
import { SourceStore } from './sources/source-store.js';
import { TeamSourceSync } from './sources/sync.js';
import { RenderLeases } from './store/render-leases.js';
import { SharedSignatureStore, type SignatureStore } from './store/replay-store.js';
import { ReplyPages } from './store/reply-pages.js';
import { type SharedDb, sqliteShared } from './store/shared-db.js';
import { createVerdict } from './verdict/index.js';
import type { VerdictService } from './verdict/verdict-service.js';

export interface CoreOptions {
  /** The SQLite file: the knowledge index, and the shared state unless `shared` is given. */
  dbPath: string;
  /** Shared state elsewhere (PostgreSQL, see store/postgres.ts); the core closes it with itself. */
  shared?: SharedDb | undefined;
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
  /** Re-index the knowledge folder when a file in it changes, while the bot runs. Default false (the CLI). */
  watch?: boolean | undefined;
  /** Quiet time after a change before re-indexing. Default 300 ms. */
  watchDebounceMs?: number | undefined;
  /** Non-public addresses `sources add` may fetch from anyway (VERSUS_ALLOW_PRIVATE_FETCH). Default none. */
  fetchAllow?: AddressAllowList | undefined;
  /** How often a running bot picks up documents other replicas added. Default 1 s (only with `watch`). */
  sourcesPollMs?: number | undefined;
  /** Where counters and timings go; created once by the runtime. Default: a registry of this core's own. */
  metrics?: Metrics | undefined;
  /**
   * Worker threads that compute answers (answers/answer-pool.ts), each with its own read-only connection to
   * `dbPath`. 0 (the default, and always with ':memory:') computes them on this thread: the CLI's one-shot
   * commands and most tests.
   */
  answerWorkers?: number | undefined;
  /** With workers: an answer that would come later than this after its request is declined (busy). */
  busyAfterMs?: number | undefined;
  /** Versus' own words where the platform names no locale (VERSUS_LOCALE). Default English. */
  locale?: Locale | undefined;
}

export interface Core {
  handler: Router;
  /** The SQLite file: the knowledge index (and the shared state, on the SQLite backend). */
  db: Database;
  /** Polls, votes, schedules, walks, deliveries, …: SQLite or PostgreSQL. */
  shared: SharedDb;
  /** Pages of long replies, for the adapters' More buttons on any replica. */
  pages: ReplyPages;
  taxonomy: Taxonomy;
  knowledge: KnowledgeStore;
  answers: AnswersStore;
  conversations: ConversationStore;
  /** Answers given and the votes on them (the report; never used for ranking). */
  feedback: FeedbackStore;
  /** Per-channel settings (who sees answers, which language). */
  settings: ChannelSettings;
  polls: PollService;
  schedules: ScheduleService;
  scheduler: Scheduler;
  /** Verified Slack request signatures (replay guard), shared by every process on this database. */
  replays: SignatureStore;
  /** The decision-matrix walk; absent when the knowledge folder has no matrix.yaml. */
  walks?: WalkService | undefined;
  /** `/versus verdict`; absent without matrix.yaml and verdict.yaml. */
  verdicts?: VerdictService | undefined;
  /** Exported decision records (ADRs) of walks and verdicts. */
  records?: DecisionRecordService | undefined;
  /** Adapters register here so polls and schedules can post on their platform. */
  registerPort(port: ChatPort): void;
  /** Queues a redraw of every poll and walk message older than its state (call once ports are registered). */
  redrawStale(): Promise<{ polls: number; walks: number }>;
  clock: Clock;
  logger: Logger;
  indexReport?: IndexReport | undefined;
  /** Present when started with `watch`: re-indexes the knowledge folder as it changes. */
  knowledgeWatcher?: KnowledgeWatcher | undefined;
  /** Documents teams added (`/versus sources add`), and the sync that indexes them from the shared store. */
  sources: TeamSources;
  sourcesSync: TeamSourceSync;
  /** Counters and timings of this core, its adapters and its store (`GET /metrics`). */
  metrics: Metrics;
  /** Where answers are computed; `pool` is set when they run in worker threads. */
  engine: AnswerEngine;
  pool?: AnswerPool | undefined;
  /** Which catalogue of Versus' own words each place gets. */
  locales: Locales;
  close(): Promise<void>;
}

/** Database → knowledge index → services → router. Everything an adapter needs, with no platform in sight. */
export async function createCore(opts: CoreOptions): Promise<Core> {
  const logger = opts.logger ?? createLogger();
  const clock = opts.clock ?? systemClock;
  const knowledgeDir = resolve(opts.knowledgeDir);
  const db = openDatabase(opts.dbPath);
  const metrics = opts.metrics ?? createPrometheusMetrics();
  const shared = timedShared(opts.shared ?? sqliteShared(db), metrics);
  let pool: AnswerPool | undefined;
  try {
    const knowledge = new KnowledgeStore(db);
    const taxonomy = loadTaxonomy(join(knowledgeDir, 'taxonomy.yaml'), knowledge.taxonomyCache());
    const index = (d: Database, dir: string) =>
      indexKnowledge(d, dir, { clock, taxonomy, taxonomyPath: join(dir, 'taxonomy.yaml') });
    const indexReport = opts.index === false ? undefined : index(db, knowledgeDir);
    if (indexReport) {
      recordBroken(db, indexReport);
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
    // Workers open the file only now, after migrations and the start-up index.
    const workers = opts.answerWorkers ?? 0;
    pool =
      workers > 0 && opts.dbPath !== ':memory:'
        ? await AnswerPool.start({
            dbPath: opts.dbPath,
            taxonomyPath: join(knowledgeDir, 'taxonomy.yaml'),
            knowledgeDir,
            size: workers,
            busyAfterMs: opts.busyAfterMs,
            logger,
          })
        : undefined;
    const engine = pool ?? inThreadEngine(answers, taxonomy);
    // A bot (answers in workers) also reads team documents in a worker: a big page takes seconds.
    const prepare = pool ? workerPreparer(join(knowledgeDir, 'taxonomy.yaml')) : inThreadPreparer(taxonomy);
    const sourcesSync = new TeamSourceSync({ store: new SourceStore(shared), db, taxonomy, clock, prepare, logger });
    await sourcesSync.sync().catch((err: unknown) => logger.warn({ err }, 'team sources: not indexed at start'));
    const conversations = new ConversationStore(shared, clock);
    const ports = new Map<Platform, ChatPort>();
    // Channel settings come first: the channel's language (settings) decides every catalogue lookup.
    const channelSettings = new ChannelSettings(shared, clock);
    const locales = new Locales(opts.locale, ports, { channels: channelSettings });
    const replays = new SharedSignatureStore(shared);
    const leases = new RenderLeases(shared, clock);
    const pages = new ReplyPages(shared, clock);
    const deps: FeatureDeps = {
      shared,
      leases,
      knowledge,
      taxonomy,
      conversations,
      ports,
      clock,
      logger,
      knowledgeDir,
      updateIntervalMs: opts.pollUpdateIntervalMs,
      metrics,
      locales,
    };
    const feedback = createFeedback(deps);
    const settings = createSettings(deps, channelSettings);
    // Polls, walks and verdicts see the knowledge folder's documents; answers add the asker's workspace's own.
    const folderClaims = answers.visibleTo('');
    const answering = createAnswering(deps, {
      answers: folderClaims,
      feedback: feedback.feedback,
      settings: settings.settings,
      engine,
    });
    const polls = createPolls(deps, folderClaims);
    const pollStore = new PollStore(shared);
    metrics.watchOpenPolls(() => pollStore.openCounts());
    const matrix = createMatrix(deps, {
      answers: folderClaims,
      load: opts.walks !== false,
      exportButton: (id, t) => exportButton('w', id, t),
    });
    const verdict = createVerdict(deps, {
      matrix,
      answers: folderClaims,
      feedback: feedback.feedback,
      settings: settings.settings,
      offThread: pool,
    });
    // Every feature, in the order help lists them. A new feature is one folder and one entry here.
    const home = createHome(deps, { feedback: feedback.feedback, schedules: polls.schedules });
    const sources = new TeamSources({
      store: new SourceStore(shared),
      sync: sourcesSync,
      knowledge,
      taxonomy,
      clock,
      fetchLimits: { ...FETCH_LIMITS, allow: opts.fetchAllow ?? AddressAllowList.NONE },
      prepare,
      logger,
      locales,
    });
    const features: Feature[] = [
      ...answering.features,
      sourcesFeature(sources),
      ...polls.features,
      ...matrix.features,
      ...verdict.features,
      ...settings.features,
      ...feedback.features,
      ...home.features,
    ];
    const scheduler = new Scheduler(
      [
        ...features.flatMap((f) => f.tasks ?? []),
        {
          name: 'rowsPruned',
          run: async () => (await conversations.prune()) + (await leases.prune()) + (await pages.prune()),
        },
        { name: 'signaturesPruned', run: () => replays.prune(clock.now().getTime()) },
      ],
      features.flatMap((f) => f.renders ?? []),
      logger,
      opts.schedulerIntervalMs,
      metrics,
    );
    const verdicts = verdict.verdicts;
    const handler = new Router({
      features,
      answering: answering.answering,
      situations: verdicts && ((text, ctx) => verdicts.route(text, ctx)),
      knowledge,
      conversations,
      taxonomy,
      logger,
      sources,
      metrics,
      locales,
    });
    const knowledgeWatcher = opts.watch
      ? new KnowledgeWatcher({ db, dir: knowledgeDir, logger, index, debounceMs: opts.watchDebounceMs })
      : undefined;
    // Last, so nothing after it can fail and leave a watcher running.
    await knowledgeWatcher?.start();
    if (opts.watch) sourcesSync.start(opts.sourcesPollMs ?? 1000);
    return {
      handler,
      db,
      shared,
      pages,
      taxonomy,
      knowledge,
      answers,
      conversations,
      feedback: feedback.feedback,
      settings: settings.settings,
      polls: polls.polls,
      schedules: polls.schedules,
      scheduler,
      replays,
      walks: matrix.walks,
      verdicts: verdict.verdicts,
      records: verdict.records,
      clock,
      logger,
      indexReport,
      knowledgeWatcher,
      sources,
      sourcesSync,
      metrics,
      engine,
      pool,
      locales,
      registerPort: (port) => void ports.set(port.platform, port),
      redrawStale: async () => ({
        polls: await polls.polls.redrawStale(),
        walks: (await matrix.walks?.redrawStale()) ?? 0,
      }),
      close: async () => {
        // Stop re-indexing before the database closes; the watcher's own file handles close in the background.
        void knowledgeWatcher?.close();
        sourcesSync.stop();
        await engine.close();
        await prepare.close();
        await shared.close();
        db.close();
      },
    };
  } catch (e) {
    await pool?.close();
    await shared.close();
    db.close();
    throw corruptionError(opts.dbPath, e) ?? e;
  }
}
