import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, type Logger as BoltLogger, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from '@slack/bolt';
import type { RequestKey } from '../../chat/context.js';
import type { Logger } from '../../logger.js';
import type { SignatureStore } from '../../store/replay-store.js';
import { checkBody } from './payloads.js';
import { parseSlackBody, readBody } from './request-body.js';
import { verifySlackSignature } from './signature.js';

export const EVENTS_PATH = '/slack/events';

const REPLAYED = 'replayed request (signature already served)';

/** A route served on the same port besides /slack/events (health, OAuth install), by `METHOD /path`. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface ReceiverOptions {
  signingSecret: string;
  replays: SignatureStore;
  log: Logger;
  /** Bolt's logger, for its acknowledgement helper. */
  boltLogger: BoltLogger;
  routes?: Record<string, Route> | undefined;
  now?: () => number;
  /** True when Bolt's authorize refused this body (no installation for its workspace): its ack says so. */
  refused?: ((body: object) => boolean) | undefined;
  /** A request passed the checks (Bolt will ack it); `res` closing means the ack went out. */
  onAccepted?: (res: ServerResponse) => void;
  /**
   * True for a body whose write stores its replay key itself (a vote click): the key is not remembered up
   * front but handed to the listener in the context (`KEY_PROPERTY`), with a way to refuse the request.
   */
  keepsKey?: ((body: Record<string, unknown>) => boolean) | undefined;
}

/** Bolt context property of a request whose replay key its write stores (ReceiverOptions.keepsKey). */
export const KEY_PROPERTY = 'versusRequestKey';

/** The key, and the refusal to send when the write finds it already stored (401, as the guard would). */
export interface DeferredKey extends RequestKey {
  refuse(): void;
}

/** How many bodies went through each step: one read, one verification, one parse per request. */
export interface ReceiverCounts {
  read: number;
  verified: number;
  parsed: number;
}

/**
 * Bolt's Receiver for HTTP mode, on its own node:http server. Each Slack request body is read once
 * (bounded), its signature verified once — strictly, see signature.ts — parsed once and checked with zod;
 * a malformed payload gets 400, a replay 401 (signatures are remembered in the shared database, so every
 * replica refuses it), and once stopping everything gets 503. The parsed body goes to `app.processEvent`.
 */
export class SlackReceiver implements Receiver {
  readonly counts: ReceiverCounts = { read: 0, verified: 0, parsed: 0 };
  private app: App | undefined;
  private server: Server | undefined;
  private stopping = false;
  private open = 0;
  private readonly drained: (() => void)[] = [];

  constructor(private readonly o: ReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** Listens on `port` (0 picks a free one); resolves with the server once it listens. */
  start({ port, host }: { port: number; host: string }): Promise<Server> {
    const server = createServer((req, res) => this.route(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  /** Refuses new requests from now on (503, connection closed); in-flight ones finish. */
  refuse(): void {
    this.stopping = true;
    this.server?.close();
    this.server?.closeIdleConnections();
  }

  /** Resolves when every admitted request has been answered, or after `ms`. */
  idle(ms: number): Promise<void> {
    if (this.open === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.drained.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Cuts every connection still open (the last step of a shutdown). */
  closeAll(): void {
    this.server?.closeAllConnections();
  }

  /** Bolt's app.stop(): refuse, give admitted requests a second, then cut what is left. */
  async stop(): Promise<void> {
    this.refuse();
    await this.idle(1_000);
    this.closeAll();
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    // Slack's requests, all of them to the events path, skip parsing a URL (thousands a second in a vote storm).
    if (req.method !== 'POST' || req.url !== EVENTS_PATH) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const custom = this.o.routes?.[`${req.method} ${url.pathname}`];
      if (custom) return void Promise.resolve(custom(req, res, url)).catch((err) => this.failed(res, err));
      if (req.method !== 'POST' || url.pathname !== EVENTS_PATH) return void res.writeHead(404).end();
    }
    if (this.stopping) return void res.writeHead(503, { connection: 'close', 'retry-after': '5' }).end();
    this.open++;
    res.once('close', () => this.closed());
    void this.admit(req, res)
      .then((admitted) => admitted && this.dispatch(req, res, admitted.body, admitted.key))
      .catch((err) => this.failed(res, err));
  }

  private failed(res: ServerResponse, err: unknown): void {
    this.o.log.error({ err: (err as Error).message }, 'slack: request failed');
    if (!res.headersSent) res.writeHead(500).end();
  }

  private closed(): void {
    this.open--;
    if (this.open === 0) for (const r of this.drained.splice(0)) r();
  }

  /**
   * Read, verify, parse and check the body, once each; undefined when the request was refused or dropped.
   * `key` when the body's write stores its replay key itself (ReceiverOptions.keepsKey).
   */
  private async admit(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ body: Record<string, unknown>; key?: RequestKey | undefined } | undefined> {
    const refuse = (status: number, reason: string) => this.refuseRequest(req, res, status, reason);
    const raw = await readBody(req);
    if (raw === 'too_large') return refuse(413, 'body over 4 MB');
    if (raw === 'aborted') return undefined;
    this.counts.read++;
    const check = verifySlackSignature(
      this.o.signingSecret,
      { signature: req.headers['x-slack-signature'], timestamp: req.headers['x-slack-request-timestamp'] },
      raw,
      (this.o.now ?? Date.now)(),
    );
    if (!check.ok) return refuse(401, `signature ${check.code}`);
    this.counts.verified++;
    const parsed = parseSlackBody(raw, req.headers['content-type']);
    if (!parsed.ok) return refuse(400, parsed.problem);
    this.counts.parsed++;
    const verdict = parsed.body.ssl_check === '1' ? ({ ok: true } as const) : checkBody(parsed.body);
    if (verdict.ok === false) return refuse(400, verdict.problem);
    const key = { key: check.signature, expiresAtMs: check.expiresAtMs };
    if (verdict.ok === true && this.o.keepsKey?.(parsed.body)) return { body: parsed.body, key };
    if (!(await this.o.replays.rememberSignature(key.key, key.expiresAtMs))) return refuse(401, REPLAYED);
    if (verdict.ok === 'ignore') {
      // Nothing listens for it: acknowledged now, rather than by Bolt's "unhandled request" 404 after 3 s.
      this.o.log.debug({ reason: verdict.reason }, 'slack: request acknowledged and dropped');
      res.writeHead(200).end();
      return undefined;
    }
    return { body: parsed.body };
  }

  private refuseRequest(req: IncomingMessage, res: ServerResponse, status: number, reason: string): undefined {
    this.o.log.warn({ ip: req.socket.remoteAddress, status, reason }, 'slack: request refused');
    if (!res.headersSent)
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 413 ? 'Payload too large' : '');
    return undefined;
  }

  /**
   * No installation for the request's workspace (never installed, or uninstalled): Bolt's authorize
   * refused it and nothing is posted. A slash command is told so privately; anything else gets 401.
   */
  private notInstalled(res: ServerResponse, body: Record<string, unknown>): void {
    this.o.log.warn({ team: body.team_id ?? (body.team as { id?: string } | undefined)?.id }, 'slack: not installed');
    if (typeof body.command !== 'string') return void res.writeHead(401).end();
    const text = 'Versus is not installed in this workspace (or was uninstalled). Ask an admin to install it again.';
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ response_type: 'ephemeral', text }));
  }

  /** The parsed body to Bolt, with an ack that writes the HTTP response. */
  private async dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    body: Record<string, unknown>,
    key?: RequestKey,
  ): Promise<void> {
    this.o.onAccepted?.(res);
    if (body.ssl_check === '1') return void res.writeHead(200).end();
    if (body.type === 'url_verification')
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ challenge: body.challenge }));
    const ack = new HTTPResponseAck({
      logger: this.o.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    const boltAck = ack.bind();
    const deferred: DeferredKey | undefined = key && {
      ...key,
      refuse: () => {
        ack.ack();
        this.refuseRequest(req, res, 401, REPLAYED);
      },
    };
    try {
      await this.app?.processEvent({
        body,
        ...(deferred ? { customProperties: { [KEY_PROPERTY]: deferred } } : {}),
        ack: async (response?: unknown) => {
          if (!this.o.refused?.(body)) return boltAck(response as Parameters<typeof boltAck>[0]);
          ack.ack();
          this.notInstalled(res, body);
        },
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (err) {
      ack.ack();
      if (res.headersSent) return this.o.log.error({ err: (err as Error).message }, 'slack: listener failed after ack');
      this.failed(res, err);
    }
  }
}
