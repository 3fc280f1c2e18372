import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type webApi } from '@slack/bolt';
import type { VersusHandler } from '../../chat/handler.js';
import type { ChatPort } from '../../chat/port.js';
import { type Clock, systemClock } from '../../clock.js';
import type { SlackConfig } from '../../config.js';
import { VersusError } from '../../errors.js';
import { type HealthCheck, PROBE_PATHS, serveProbe } from '../../http/health-server.js';
import type { Logger } from '../../logger.js';
import { type Metrics, since } from '../../metrics/metrics.js';
import type { SignatureStore } from '../../security/replay-store.js';
import type { ReplyPages } from '../../store/reply-pages.js';
import { attachAddSource } from './add-source.js';
import { AnswerQueue } from './answer-queue.js';
import { attachAssistant } from './assistant.js';
import { attachForms } from './forms.js';
import { attachHome } from './home.js';
import { attachListeners } from './listeners.js';
import { boundedFetch, DEFAULT_LIMITS, type OutgoingLimits, RETRY_CONFIG } from './outgoing.js';
import { SlackPages } from './pages.js';
import { checkBody } from './payloads.js';
import { SlackPort } from './port.js';
import { RequestGate } from './request-gate.js';
import { sdkLogger } from './sdk-logger.js';
import { attachShortcuts } from './shortcuts.js';
import { stopSlack } from './stop.js';

export interface SlackAdapterOptions {
  config: SlackConfig;
  handler: VersusHandler;
  logger: Logger;
  /** Where verified request signatures are remembered (shared by every process on the database). */
  replays: SignatureStore;
  /** HTTP mode: the port for /slack/events, /healthz and /readyz (0 picks a free one). */
  port?: number | undefined;
  host?: string | undefined;
  health?: HealthCheck | undefined;
  /** Web API retries of failed attempts (5xx, network, timeout). Default: three attempts within 10 s. */
  retryConfig?: webApi.RetryOptions | undefined;
  /** Timeouts and the 429 cap for every outgoing call. */
  limits?: Partial<OutgoingLimits> | undefined;
  /** Ages the admin cache and the paged replies. Default: the system clock. */
  clock?: Clock | undefined;
  /** Pages of long replies in the shared store, so a More click works on any replica. */
  sharedPages?: ReplyPages | undefined;
  /** Acks, retries, 429s and queue depths go here, and HTTP mode serves them on GET /metrics. */
  metrics?: Metrics | undefined;
}

export interface SlackAdapter {
  /** Verifies the token (auth.test), then listens (HTTP) or connects (Socket Mode). Resolves with the HTTP port. */
  start(): Promise<{ port?: number | undefined }>;
  /** Refuses new requests from now on (503, connection closed); stop() does this too. */
  refuse(): void;
  /** Refuses new requests at once, lets in-flight work finish, aborts what still hangs; never takes over 7 s. */
  stop(): Promise<void>;
  port: ChatPort;
  ready(): boolean;
  /** Resolves when every request in progress has finished and every queued answer has gone out. */
  idle(): Promise<void>;
  app: App;
}

/** The Slack adapter: Bolt in HTTP mode (signed requests on one endpoint) or Socket Mode. */
export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const log = opts.logger.child({ adapter: 'slack' });
  const { config, metrics } = opts;
  const socketMode = !!config.appToken;
  if (!socketMode && !config.signingSecret)
    throw new VersusError(
      'config_invalid',
      'Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).',
    );
  const logger = sdkLogger(log);
  // Aborted at shutdown: every outgoing call still hanging then fails at once instead of holding the exit.
  const shutdown = new AbortController();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const retries = opts.retryConfig ?? RETRY_CONFIG;
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl.replace(/\/?$/, '/') } : {}),
    fetch: boundedFetch(limits, shutdown.signal, (status) => {
      if (status === 429) metrics?.apiRateLimited('slack');
    }),
    rejectRateLimitedCalls: true,
    maxRequestConcurrency: 32,
    // p-retry stops retrying when this throws: no backoff delays once shutting down.
    retryConfig: {
      ...retries,
      onFailedAttempt: (e: Error & { retriesLeft?: number }) => {
        if (shutdown.signal.aborted) throw e;
        if (e.retriesLeft) metrics?.apiRetry('slack');
      },
    } as unknown as webApi.RetryOptions,
  };
  const check = opts.health ?? (async () => ({ ok: true, details: {} }));
  const scrape = metrics && (() => metrics.scrape());
  const receiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret!,
        endpoints: '/slack/events',
        logger,
        customRoutes: PROBE_PATHS.map((path) => ({
          path,
          method: ['GET'],
          handler: (_req, res) => void serveProbe(path, res, check, scrape),
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
  const pages = new SlackPages({
    clock,
    shared: opts.sharedPages,
    onError: (err) => log.warn({ err }, 'slack: could not store reply pages'),
  });
  const answers = new AnswerQueue();
  const gate = new RequestGate({
    signingSecret: config.signingSecret ?? '',
    replays: opts.replays,
    log,
    onAccepted: (res) => {
      // Answers wait for acks (answer-queue.ts): count the request until its response is sent.
      answers.requestStarted();
      const began = performance.now();
      res.once('close', () => {
        answers.requestFinished();
        metrics?.ack('slack', since(began));
      });
    },
  });
  let botUserId: string | undefined;
  let started = false;
  let server: Server | undefined;
  const undelivered = { n: 0 };
  metrics?.watchQueue('slack', 'answers', () => answers.size);
  // Work continues after ack() (the answer goes out later); stop() waits for it so nothing is cut off.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next, body }) => {
    const began = performance.now();
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
            ms: Math.round(performance.now() - began),
          },
          'slack: request handled',
        );
    }
  });
  // In HTTP mode the request gate checks every payload's shape before Bolt; Socket Mode has no gate, so the
  // same zod check runs first here: a malformed payload is acknowledged, logged and dropped.
  if (socketMode)
    app.use(async ({ body, next, ...args }) => {
      const verdict = checkBody(body);
      if (verdict.ok === true) return next();
      log.warn({ reason: verdict.ok === false ? verdict.problem : verdict.reason }, 'slack: payload dropped');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    });
  // The assistant pane first: its messages are DMs in threads, which the generic listeners must not see.
  attachAssistant(app, { handler: opts.handler, answers, pages, log });
  attachListeners(app, {
    handler: opts.handler,
    answers,
    pages,
    log,
    botUserId: () => botUserId,
    undelivered: () => {
      undelivered.n++;
      metrics?.error('slack', 'delivery');
    },
  });
  attachShortcuts(app, { handler: opts.handler, answers, pages, log });
  attachAddSource(app, {
    handler: opts.handler,
    answers,
    pages,
    log,
    botToken: config.botToken,
    apiUrl: config.apiUrl,
  });
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
      server = (await app.start({ port: opts.port ?? 3000, host: opts.host ?? '0.0.0.0' })) as Server;
      // Bolt's listener goes behind the gate: strict signatures, replay guard, payload checks, shutdown refusals.
      const bolt = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
      server.removeAllListeners('request');
      server.on('request', gate.wrap(bolt.map((l) => l.bind(server))));
      started = true;
      const port = (server.address() as { port: number }).port;
      log.info({ botUserId, port }, 'slack: listening for /slack/events (HTTP mode)');
      return { port };
    },
    refuse() {
      started = false;
      gate.stop();
      server?.closeIdleConnections();
    },
    async stop() {
      started = false;
      await stopSlack({ app, server, gate, answers, inFlight, shutdown, undelivered, log });
    },
  };
}
