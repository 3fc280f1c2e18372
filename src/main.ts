// Start-up only: config → database → knowledge index → services → adapters.
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { loadConfig } from './config.js';
import { createCore, type Core } from './core.js';
import { isVersusError } from './errors.js';
import { startHealthServer, type Health } from './http/health-server.js';
import { createLogger, type Logger } from './logger.js';

interface Running {
  name: string;
  stop(): Promise<void>;
  ready(): boolean;
}

const CONNECT_HINT = `No Slack or Discord credentials found, so here is the console.
  Slack:   set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)
  Discord: set DISCORD_TOKEN and DISCORD_APPLICATION_ID, then run npm run discord:register
  (see README.md). Type /versus help, /versus compare concurrency, @versus <question>, or exit.`;

async function health(core: Core, adapters: Running[]): Promise<Health> {
  let database = false;
  try {
    database = core.db.prepare('SELECT 1 AS ok').get() !== undefined;
  } catch {
    database = false;
  }
  const states = Object.fromEntries(adapters.map((a) => [a.name, a.ready() ? 'connected' : 'not connected']));
  return { ok: database && adapters.every((a) => a.ready()), details: { database: database ? 'ok' : 'unreachable', adapters: states } };
}

export async function main(): Promise<void> {
  const config = loadConfig();
  const consoleMode = !config.slack && !config.discord;
  // In the console, logs would interleave with the conversation: send them to stderr, warnings only unless asked.
  const logger: Logger = consoleMode
    ? createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', process.stderr)
    : createLogger(config.logLevel);
  const core = await createCore({ dbPath: config.dbPath, knowledgeDir: config.knowledgeDir, logger });
  const running: Running[] = [];
  let healthServer: Server | undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Hard stop if something hangs: a supervisor expects us gone within 10 s.
    const timer = setTimeout(() => { logger.error('shutdown took over 10 s; exiting'); process.exit(1); }, 10_000);
    timer.unref();
    await core.scheduler.stop().catch((err: unknown) => logger.error({ err }, 'scheduler stop failed'));
    for (const a of running.reverse()) await a.stop().catch((err: unknown) => logger.error({ err, adapter: a.name }, 'adapter stop failed'));
    await new Promise<void>((r) => (healthServer ? healthServer.close(() => r()) : r()));
    core.close();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  if (consoleMode) {
    const consoleAdapter = new ConsoleAdapter({ handler: core.handler, banner: CONNECT_HINT, exportDir: join(dirname(config.dbPath), 'exports') });
    core.registerPort(consoleAdapter);
    core.scheduler.start();
    await consoleAdapter.start();
    await shutdown('end of input');
    return;
  }
  healthServer = await startHealthServer(() => health(core, running), config.port, config.host);
  logger.info({ port: config.port }, 'health endpoints on /healthz and /readyz');
}

main().catch((e: unknown) => {
  if (isVersusError(e)) process.stderr.write(`versus: ${e.message}\n`);
  else process.stderr.write(`versus: failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
