import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, type webApi } from '@slack/bolt';
import type { VersusHandler } from '../../chat/handler.js';
import type { ChatPort } from '../../chat/port.js';
import { type Clock, systemClock } from '../../clock.js';
import type { SlackConfig } from '../../config.js';
import { VersusError } from '../../errors.js';
import { type HealthCheck, healthResponse } from '../../http/health-server.js';
import type { Logger } from '../../logger.js';
import { ADAPTER_DRAIN_MS } from '../../runtime/shutdown.js';
import { AnswerQueue } from './answer-queue.js';
import { attachAssistant } from './assistant.js';
import { attachForms } from './forms.js';
import { attachHome } from './home.js';
import { attachListeners } from './listeners.js';
import { SlackPages } from './pages.js';
import { SlackPort } from './port.js';
import { ReplayGuard } from './replay-guard.js';
import { attachShortcuts } from './shortcuts.js';

export interface SlackAdapterOptions {
  config: SlackConfig;
  handler: VersusHandler;
  logger: Logger;
  /** HTTP mode: the port for /slack/events, /healthz and /readyz (0 picks a free one). */
  port?: number | undefined;
  host?: string | undefined;
  health?: HealthCheck | undefined;
  /** Web API retries (429s are waited out per Retry-After). Default: Slack's five retries in five minutes. */
  retryConfig?: webApi.RetryOptions | undefined;
  /** Ages the admin cache and the paged replies. Default: the system clock. */
  clock?: Clock | undefined;
}

export interface SlackAdapter {
  /** Verifies the token (auth.test), then listens (HTTP) or connects (Socket Mode). Resolves with the HTTP port. */
  start(): Promise<{ port?: number | undefined }>;
  stop(): Promise<void>;
  port: ChatPort;
  ready(): boolean;
  /** Resolves when every request in progress has finished and every queued answer has gone out. */
  idle(): Promise<void>;
  app: App;
}

/** Bolt's logger interface on top of pino, so Bolt's own messages are structured like ours. */
function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  // Bolt logs several debug lines per request: format them only when debug is on.
  return {
    debug: (...msg) => {
      if (log.isLevelEnabled('debug')) log.debug(text(msg));
    },
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => log.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** The Slack adapter: Bolt in HTTP mode (signed requests on one endpoint) or Socket Mode. */
export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const log = opts.logger.child({ adapter: 'slack' });
  const { config } = opts;
  const socketMode = !!config.appToken;
  if (!socketMode && !config.signingSecret)
    throw new VersusError(
      'config_invalid',
      'Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  const logger = boltLogger(log);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.replace(/\/?$/, '/') } : {}),
    ...(opts.retryConfig ? { retryConfig: opts.retryConfig } : {}),
  };
  const health = async (path: string, res: import('node:http').ServerResponse) => {
    const h = opts.health ? await opts.health() : { ok: true, details: {} };
    const r = healthResponse(path, h)!;
    res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.body);
  };
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret!,
        endpoints: '/slack/events',
        logger,
        customRoutes: ['/healthz', '/readyz'].map((path) => ({
          path,
          method: ['GET'],
          handler: (_req, res) => void health(path, res),
        })),
      });
  const app = new App({
    token: config.botToken,
    ...(socketMode ? { appToken: config.appToken, socketMode: true } : { receiver }),
    logger,
    clientOptions,
    // Thread context lives in SQLite (ConversationStore); Bolt's in-memory one would only cost time per request.
    convoStore: false,
    // Verify the token in start(), where a failure becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
  });
  const clock = opts.clock ?? systemClock;
  const pages = new SlackPages({ clock });
  const answers = new AnswerQueue();
  const replays = new ReplayGuard();
  let botUserId: string | undefined;
  let started = false;
  // Work continues after ack() (the answer goes out later); stop() waits for it so nothing is cut off.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next, body }) => {
    const started = performance.now();
    const b = body as { type?: string; trigger_id?: string; event_id?: string; command?: string };
    const run = next();
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
      // One line per request with its Slack id (trigger_id or event_id); the text itself is not logged.
      if (log.isLevelEnabled('debug'))
        log.debug(
          {
            requestId: b.trigger_id ?? b.event_id,
            type: b.command ? 'command' : b.type,
            ms: Math.round(performance.now() - started),
          },
          'slack: request handled',
        );
    }
  });
  // The assistant pane first: its messages are DMs in threads, which the generic listeners must not see.
  attachAssistant(app, { handler: opts.handler, answers, pages, log });
  attachListeners(app, { handler: opts.handler, answers, pages, log, botUserId: () => botUserId });
  attachShortcuts(app, { handler: opts.handler, answers, pages, log });
  attachHome(app, { handler: opts.handler, log });
  attachForms(app, { handler: opts.handler, pages, log });
  app.error(async (err) =>
    log.error({ err: err.message, code: (err as { code?: string }).code }, 'slack: unhandled listener error'),
  );

  return {
    app,
    port: new SlackPort(app.client, pages, log, clock),
    ready: () => started,
    // Listeners still running (an event is acknowledged before its listener finishes) may queue more answers.
    async idle() {
      while (inFlight.size > 0 || answers.size > 0) {
        await Promise.allSettled([...inFlight]);
        await answers.drain();
      }
    },
    async start() {
      try {
        await app.init();
        botUserId = (await app.client.auth.test()).user_id;
      } catch (cause) {
        const code = (cause as { data?: { error?: string } }).data?.error ?? (cause as Error).message;
        throw new VersusError(
          'config_invalid',
          `Slack rejected SLACK_BOT_TOKEN (${code}). Check the Bot User OAuth Token in your Slack app's OAuth & Permissions page.`,
          { cause },
        );
      }
      if (socketMode) {
        await app.start();
        started = true;
        log.info({ botUserId }, 'slack: connected in Socket Mode');
        return {};
      }
      const server = (await app.start({
        port: opts.port ?? 3000,
        host: opts.host ?? '0.0.0.0',
      })) as import('node:http').Server;
      // Count requests until their response (the ack) is sent: answers wait for them (answer-queue.ts).
      server.prependListener(
        'request',
        (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
          if (req.method !== 'POST') return;
          const sig = req.headers['x-slack-signature'];
          if (typeof sig === 'string' && !replays.first(sig)) {
            // Runs before Bolt reads the request: a spoiled signature makes Bolt refuse it with 401.
            req.headers['x-slack-signature'] = 'v0=replayed';
            log.warn({ ip: req.socket.remoteAddress }, 'slack: replayed request refused');
          }
          // Stopping: answer this request, then close its connection. Otherwise a client that keeps
          // reusing a keep-alive connection holds server.close() (and the shutdown) open.
          if (!started) res.setHeader('connection', 'close');
          answers.requestStarted();
          res.once('close', () => answers.requestFinished());
        },
      );
      started = true;
      const port = (server.address() as { port: number }).port;
      log.info({ botUserId, port }, 'slack: listening for /slack/events (HTTP mode)');
      return { port };
    },
    async stop() {
      started = false;
      await app.stop();
      const drained = Promise.allSettled([...inFlight, answers.drain()]);
      // Half the shutdown budget: leave room for the scheduler and the database.
      await Promise.race([drained, new Promise((r) => setTimeout(r, ADAPTER_DRAIN_MS).unref())]);
      // Votes and commands are already stored; only these confirmations or answers go unsent.
      if (answers.size > 0) log.warn({ unsent: answers.size }, 'slack: stopped with answers still queued');
    },
  };
}
