// Start-up only: config → database → knowledge index → services → adapters.
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { type Config, loadConfig } from './config.js';
import { type Core, createCore } from './core.js';
import { isVersusError } from './errors.js';
import { type Health, startHealthServer } from './http/health-server.js';
import { createLogger, type Logger } from './logger.js';
import { SHUTDOWN_BUDGET_MS } from './runtime/shutdown.js';

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

async function health(core: Core, adapters: Running[]): Promise<Health> {
  let database = false;
  try {
    database = core.db.prepare('SELECT 1 AS ok').get() !== undefined;
  } catch {
    database = false;
  }
  const states = Object.fromEntries(adapters.map((a) => [a.name, a.ready() ? 'connected' : 'not connected']));
  return {
    ok: database && adapters.every((a) => a.ready()),
    details: { database: database ? 'ok' : 'unreachable', adapters: states },
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
  if (config.slack) {
    const { createSlackAdapter } = await import('./adapters/slack/index.js');
    const slack = createSlackAdapter({
      config: config.slack,
      handler: core.handler,
      replays: core.replays,
      logger,
      port: config.port,
      host: config.host,
      health: check,
      clock: core.clock,
      sharedPages: core.pages,
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

export async function main(): Promise<void> {
  const config = loadConfig();
  const consoleMode = !config.slack && !config.discord;
  // In the console, logs would interleave with the conversation: send them to stderr, warnings only unless asked.
  const logger: Logger = consoleMode
    ? createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', process.stderr)
    : createLogger(config.logLevel);
  const core = await createCore({ dbPath: config.dbPath, knowledgeDir: config.knowledgeDir, logger, watch: true });
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
  if (!started.ownsHttp) healthServer = await startHealthServer(check, config.port, config.host);
  core.scheduler.start();
  // After a crash some messages may show fewer votes than are stored: redraw them now, not at the next vote.
  const stale = await core.redrawStale();
  if (stale.polls + stale.walks > 0) logger.info(stale, 'redrawing poll and walk messages older than their state');
  logger.info({ adapters: running.map((a) => a.name), port: config.port }, 'versus is running');
}

main().catch((e: unknown) => {
  if (isVersusError(e)) process.stderr.write(`versus: ${e.message}\n`);
  else process.stderr.write(`versus: failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
