import { App, ErrorCode, type webApi } from '@slack/bolt';
import type { VersusHandler } from '../../chat/handler.js';
import type { ChatPort } from '../../chat/port.js';
import { type Clock, systemClock } from '../../clock.js';
import type { SlackConfig } from '../../config.js';
import { VersusError } from '../../errors.js';
import { type HealthCheck, type MetricsScrape, PROBE_PATHS, serveProbe } from '../../http/health-server.js';
import type { Logger } from '../../logger.js';
import { type Metrics, since } from '../../metrics/metrics.js';
import type { SignatureStore } from '../../store/replay-store.js';
import type { ReplyPages } from '../../store/reply-pages.js';
import type { SharedDb } from '../../store/shared-db.js';
import type { ClickJournal } from '../shared/click-journal.js';
import { attachActions } from './actions.js';
import { attachAddSource } from './add-source.js';
import { AnswerQueue } from './answer-queue.js';
import { attachAssistant } from './assistant.js';
import { clientOptions } from './client-options.js';
import { attachCommand } from './commands.js';
import { Delivery, slackErrorCode } from './deliver.js';
import type { SlackDeps } from './deps.js';
import { attachMessages } from './events.js';
import { attachForms } from './forms.js';
import { attachHome } from './home.js';
import { checkSocketPayloads, trackRequests } from './middleware.js';
import { attachInstallations, slackOAuth } from './oauth.js';
import { DEFAULT_LIMITS, type OutgoingLimits } from './outgoing.js';
import { SlackPages } from './pages.js';
import { SlackPort } from './port.js';
import { type Route, SlackReceiver } from './receiver.js';
import { sdkLogger } from './sdk-logger.js';
import { attachShortcuts } from './shortcuts.js';
import { stopSlack } from './stop.js';
import { WebApiPoster } from './web-api-post.js';

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
  /** The shared database: OAuth mode keeps installations there (required when config.oauth is set). */
  shared?: SharedDb | undefined;
  /** Vote clicks acknowledged before their commit are kept here until stored (see adapters/shared/click-journal.ts). */
  journal?: ClickJournal | undefined;
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
  /** HTTP mode's receiver (its counters show each body is read, verified and parsed once); undefined in Socket Mode. */
  receiver: SlackReceiver | undefined;
}

/** /healthz, /readyz and /metrics on the Slack port: the probe port's paths, answered the same way. */
function probeRoutes(health: HealthCheck | undefined, scrape: MetricsScrape | undefined): Record<string, Route> {
  const check = health ?? (async () => ({ ok: true, details: {} }));
  return Object.fromEntries(
    PROBE_PATHS.map((p) => [`GET ${p}`, (_req, res) => serveProbe(p, res, check, scrape)] as const),
  );
}

function needShared(shared: SharedDb | undefined): SharedDb {
  if (!shared) throw new VersusError('config_invalid', 'Slack OAuth mode needs the shared database for installations.');
  return shared;
}

/** A click on one button whose write stores the request's replay key itself (a vote). */
function keepsKey(handler: VersusHandler, body: Record<string, unknown>): boolean {
  const actions = body.actions as { action_id: string }[] | undefined;
  return body.type === 'block_actions' && actions?.length === 1 && handler.keepsRequestKey(actions[0]!.action_id);
}

/** Every listener of the adapter, the assistant pane first: its DMs in threads must not reach the generic ones. */
function attachAll(
  app: App,
  d: SlackDeps,
  extra: { botUserId: () => string | undefined; apiUrl?: string | undefined },
) {
  attachAssistant(app, d);
  attachCommand(app, d);
  attachMessages(app, { ...d, botUserId: extra.botUserId });
  attachActions(app, d);
  attachShortcuts(app, d);
  attachAddSource(app, { ...d, apiUrl: extra.apiUrl });
  attachHome(app, d);
  attachForms(app, d);
  app.error(async (err) => {
    const code = (err as { code?: string }).code;
    // A workspace with no installation: refused and logged once, as a warning, by the receiver.
    if (code === ErrorCode.AuthorizationError) return;
    d.log.error({ err: err.message, code }, 'slack: unhandled listener error');
  });
}

/** The Slack adapter: Bolt over our receiver in HTTP mode (signed requests on one endpoint) or in Socket Mode. */
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
  const clock = opts.clock ?? systemClock;
  // Aborted at shutdown: every outgoing call still hanging then fails at once instead of holding the exit.
  const shutdown = new AbortController();
  const answers = new AnswerQueue();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const client = clientOptions(config.apiUrl, limits, opts.retryConfig, shutdown.signal, metrics);
  const oauth =
    config.oauth && slackOAuth(config.oauth, { shared: needShared(opts.shared), clock, clientOptions: client, logger });
  const receiver = socketMode
    ? undefined
    : new SlackReceiver({
        signingSecret: config.signingSecret ?? '',
        replays: opts.replays,
        log,
        boltLogger: logger,
        routes: { ...probeRoutes(opts.health, metrics && (() => metrics.scrape())), ...oauth?.routes },
        refused: oauth?.refused,
        keepsKey: (body) => keepsKey(opts.handler, body),
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
  const app = new App({
    // OAuth: each request's token comes from its workspace's installation (refreshed when it expires).
    ...(oauth ? { authorize: (source, body) => oauth.authorize(source, body) } : { token: config.botToken }),
    ...(socketMode ? { appToken: config.appToken, socketMode: true } : { receiver }),
    logger,
    clientOptions: client,
    // Thread context lives in SQLite (ConversationStore); Bolt's in-memory one would only cost time per request.
    convoStore: false,
    // Verify the token in start(), where a failure becomes a clear error instead of an unhandled rejection.
    deferInitialization: true,
  });
  const pages = new SlackPages({
    clock,
    shared: opts.sharedPages,
    onError: (err) => log.warn({ err }, 'slack: could not store reply pages'),
  });
  const port = new SlackPort(app.client, pages, log, clock, oauth?.tokens);
  const poster = new WebApiPoster(limits, shutdown.signal, opts.retryConfig, metrics, log);
  const out = new Delivery(pages, log, () => metrics?.error('slack', 'delivery'), poster);
  metrics?.watchQueue('slack', 'answers', () => answers.size);
  let botUserId: string | undefined;
  let started = false;
  const inFlight = new Set<Promise<void>>();
  trackRequests(app, inFlight, log);
  if (socketMode) checkSocketPayloads(app, log);
  if (oauth) attachInstallations(app, oauth, log);
  attachAll(
    app,
    { handler: opts.handler, answers, pages, out, log, admins: port, journal: opts.journal },
    { botUserId: () => botUserId, apiUrl: config.apiUrl },
  );

  return {
    app,
    receiver,
    port,
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
        // OAuth mode has no token of its own: each request's context names its bot user.
        if (!oauth) botUserId = (await app.client.auth.test()).user_id;
      } catch (cause) {
        throw new VersusError(
          'config_invalid',
          `Slack rejected SLACK_BOT_TOKEN (${slackErrorCode(cause)}). Check the Bot User OAuth Token in your Slack app's OAuth & Permissions page.`,
          { cause },
        );
      }
      await app.start({ port: opts.port ?? 3000, host: opts.host ?? '0.0.0.0' });
      started = true;
      if (socketMode) log.info({ botUserId }, 'slack: connected in Socket Mode');
      else log.info({ botUserId, port: receiver?.port }, 'slack: listening for /slack/events (HTTP mode)');
      return { port: receiver?.port };
    },
    refuse() {
      started = false;
      receiver?.refuse();
    },
    async stop() {
      started = false;
      await stopSlack({ app, receiver, answers, inFlight, shutdown, failed: () => out.failed, log });
    },
  };
}
