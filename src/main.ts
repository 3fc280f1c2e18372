// Start-up only: config → database → knowledge index → services → adapters.
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { ClickJournal, heldClicksDir, replayHeldClicks } from './adapters/shared/click-journal.js';
import type { Config } from './config.js';
import { type Core, createCore } from './core.js';
import { startConfig } from './env-file.js';
import { isVersusError } from './errors.js';
import { type Health, startHealthServer } from './http/health-server.js';
import { createLogger, type Logger } from './logger.js';
import { createPrometheusMetrics } from './metrics/prometheus.js';
import { boundHeapGrowth } from './runtime/heap.js';
import { SHUTDOWN_BUDGET_MS } from './runtime/shutdown.js';
import { shardOfThisProcess } from './shard-env.js';
import { openConfiguredShared } from './store/open-shared.js';

/** A started adapter, as start-up and shutdown see it. */
interface Running {
  name: string;
  /** Refuse new requests from now on (shutdown's first step, before anything is awaited). */
  refuse?(): void;
  stop(): Promise<void>;
  ready(): boolean;
}

const CONNECT_HINT = `No Slack or Discord credentials found, so here is the console.
  Slack:   set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)
  Discord: set DISCORD_TOKEN and DISCORD_APPLICATION_ID, then run npm run discord:register
  (see README.md). Type /versus help, /versus compare concurrency, @versus <question>, or exit.`;

/** Waits for `work`, but no longer than `ms`. */
function within(ms: number, work: Promise<unknown>): Promise<unknown> {
  return Promise.race([work, new Promise((r) => setTimeout(r, ms).unref())]);
}

/** Set when a ShardingManager spawned this process (DISCORD_SHARDS): which gateway shard(s) it runs. */
const shard = shardOfThisProcess();

async function health(core: Core, adapters: Running[]): Promise<Health> {
  let database = false;
  try {
    // The knowledge index (SQLite) and the shared state (the same file, or PostgreSQL) must both answer,
    // the shared state within 2 s.
    database =
      core.db.prepare('SELECT 1 AS ok').get() !== undefined &&
      (await within(
        2_000,
        core.shared.ping().then(() => true),
      )) === true;
  } catch {
    database = false;
  }
  const states = Object.fromEntries(adapters.map((a) => [a.name, a.ready() ? 'connected' : 'not connected']));
  return {
    ok: database && adapters.every((a) => a.ready()),
    details: {
      database: database ? 'ok' : 'unreachable',
      adapters: states,
      ...(core.pool ? { answers: core.pool.stats() } : {}),
      ...(shard ? { shard } : {}),
    },
  };
}

/** Starts the adapters whose credentials are present; the SDKs are imported only when used. */
async function startAdapters(
  config: Config,
  core: Core,
  logger: Logger,
  check: () => Promise<Health>,
): Promise<{ running: Running[]; ownsHttp: boolean }> {
  const running: Running[] = [];
  let ownsHttp = false;
  // Sharded, Slack runs once, in shard 0: every shard process is a full Versus, but Slack has one endpoint.
  if (config.slack && (!shard || shard.ids.includes(0))) {
    const { createSlackAdapter } = await import('./adapters/slack/index.js');
    // Before anything is served, so a voter's later clicks land after the ones held when a process died.
    const journal = new ClickJournal(heldClicksDir(config.dbPath));
    await replayHeldClicks(journal.dir, (c) => core.handler.action(c.actionId, c.ctx), logger);
    const slack = createSlackAdapter({
      journal,
      config: config.slack,
      handler: core.handler,
      replays: core.replays,
      logger,
      port: config.port,
      host: config.host,
      health: check,
      clock: core.clock,
      sharedPages: core.pages,
      metrics: core.metrics,
      shared: core.shared,
    });
    await slack.start();
    core.registerPort(slack.port);
    running.push({ name: 'slack', refuse: () => slack.refuse(), stop: () => slack.stop(), ready: () => slack.ready() });
    ownsHttp = !config.slack.appToken; // HTTP mode serves /healthz and /readyz on the same port
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/index.js');
    const discord = createDiscordAdapter({
      config: config.discord,
      handler: core.handler,
      logger,
      metrics: core.metrics,
      pages: {
        clock: core.clock,
        shared: core.pages,
        onError: (err) => logger.warn({ err }, 'discord: could not store reply pages'),
      },
    });
    core.registerPort(discord.port);
    await discord.start();
    running.push({ name: 'discord', stop: () => discord.stop(), ready: () => discord.ready() });
  }
  return { running, ownsHttp };
}

/** DISCORD_SHARDS set: this process only supervises one Versus process per shard (no database, no index). */
async function superviseShards(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel).child({ role: 'shard-manager' });
  const { startShardManager } = await import('./adapters/discord/shards.js');
  // The children run this same entry point (src/main.ts from source, dist/main.js compiled).
  const manager = await startShardManager({ config: config.discord!, file: fileURLToPath(import.meta.url), logger });
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down every shard');
    await manager.stop();
    logger.info('stopped');
    process.exit(process.exitCode ?? 0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await manager.ready;
}

export async function main(): Promise<void> {
  boundHeapGrowth();
  const config = startConfig();
  if (config.discord?.shards !== undefined && !shard) return superviseShards(config);
  const consoleMode = !config.slack && !config.discord;
  // In the console, logs would interleave with the conversation: send them to stderr, warnings only unless asked.
  const base: Logger = consoleMode
    ? createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', process.stderr)
    : createLogger(config.logLevel);
  // Every line of a shard process says which shard it is.
  const logger = shard ? base.child({ shard: shard.ids.length === 1 ? shard.ids[0] : shard.ids }) : base;
  const shared = await openConfiguredShared(config, logger);
  const core = await createCore({
    dbPath: config.dbPath,
    knowledgeDir: config.knowledgeDir,
    shared,
    logger,
    watch: true,
    schedulerIntervalMs: config.schedulerIntervalMs,
    pollUpdateIntervalMs: config.pollUpdateIntervalMs,
    fetchAllow: config.fetchAllow,
    sourcesPollMs: config.sourcesPollMs,
    // One registry for the process, with Node's own process metrics (memory, CPU, event loop lag).
    metrics: createPrometheusMetrics({ process: true }),
    answerWorkers: config.answerWorkers,
    busyAfterMs: config.busyAfterMs,
    locale: config.locale,
  });
  const running: Running[] = [];
  let healthServer: Server | undefined;

  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down');
      // A supervisor expects us gone within the budget; every stage below has its own budget inside it.
      const timer = setTimeout(() => {
        logger.error(`shutdown took over ${SHUTDOWN_BUDGET_MS / 1000} s; exiting`);
        process.exit(1);
      }, SHUTDOWN_BUDGET_MS);
      timer.unref();
      for (const a of running) a.refuse?.();
      // Stop the scheduler and flush pending re-renders while the platforms are still connected, stop
      // taking work (adapters finish what is in flight, abort what hangs), flush what that in-flight work
      // queued, close the database.
      const stopScheduler = (ms: number) =>
        within(ms, core.scheduler.stop()).catch((err: unknown) => logger.error({ err }, 'scheduler stop failed'));
      await stopScheduler(1_000);
      for (const a of [...running].reverse())
        await a.stop().catch((err: unknown) => logger.error({ err, adapter: a.name }, 'adapter stop failed'));
      await stopScheduler(1_000);
      await new Promise<void>((r) => (healthServer ? healthServer.close(() => r()) : r()));
      await core.close();
      clearTimeout(timer);
      logger.info('stopped');
      // Nothing may keep the process alive now (a socket the SDK still holds): leave with success.
      setTimeout(() => process.exit(process.exitCode ?? 0), 500).unref();
    })();
    return stopping;
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // A shard whose manager is gone (killed outright) would run unsupervised and be duplicated by the next one.
  if (shard) process.once('disconnect', () => void shutdown('shard manager gone'));

  if (consoleMode) {
    const consoleAdapter = new ConsoleAdapter({
      handler: core.handler,
      banner: CONNECT_HINT,
      exportDir: join(dirname(config.dbPath), 'exports'),
    });
    core.registerPort(consoleAdapter);
    running.push({ name: 'console', stop: () => consoleAdapter.stop(), ready: () => true });
    core.scheduler.start();
    await consoleAdapter.start();
    await shutdown('end of input');
    return;
  }
  const check = () => health(core, running);
  const started = await startAdapters(config, core, logger, check);
  running.push(...started.running);
  // Shard n probes on PORT + n, so shards on one host do not collide (PORT=0 picks a free port for each).
  const port = shard && config.port !== 0 ? config.port + shard.ids[0]! : config.port;
  if (!started.ownsHttp) healthServer = await startHealthServer(check, port, config.host, () => core.metrics.scrape());
  core.scheduler.start();
  // After a crash some messages may show fewer votes than are stored: redraw them now, not at the next vote.
  const stale = await core.redrawStale();
  if (stale.polls + stale.walks > 0) logger.info(stale, 'redrawing poll and walk messages older than their state');
  const address = healthServer?.address();
  const listening = address && typeof address === 'object' ? address.port : config.port;
  logger.info({ adapters: running.map((a) => a.name), port: listening }, 'versus is running');
}

main().catch((e: unknown) => {
  if (isVersusError(e)) process.stderr.write(`versus: ${e.message}\n`);
  else process.stderr.write(`versus: failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
