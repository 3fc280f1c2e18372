import { EventEmitter } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** Recorded JSON from the client under test. Its shape depends on the route, so tests read fields freely. */
// biome-ignore lint/suspicious/noExplicitAny: the fake reads whatever fields a route's client sent.
export type Json = any;

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/tok/callback. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Json;
  files: { name: string; content: string }[];
  status: number;
  /** performance.now() when the request had been read. */
  at: number;
}

export interface InjectedFailure {
  method: string;
  path: RegExp;
  status: number;
  retryAfter: number;
  global: boolean;
  times: number;
}

/** What the REST fake knows about the world (shared with the gateway fixtures). */
export interface RestState {
  /** The bot token the fake accepts (Authorization: Bot <token>). */
  token: string;
  botUser: Json;
  applicationId: string;
  gatewayUrl: () => string;
  channels: Map<string, Json>;
  guilds: Map<string, Json>;
  /** guildId:userId → member */
  members: Map<string, Json>;
  nextId(): string;
  /** What GET /gateway/bot recommends (DISCORD_SHARDS=auto uses it) and how many may IDENTIFY at once. Default 1, 1. */
  shards?: number;
  maxConcurrency?: number;
}

/**
 * Discord's REST API on 127.0.0.1, as much of it as Versus uses: records every request and answers like
 * Discord (ids, message objects, 204s), and can answer a route with a rate limit (429 + Retry-After,
 * X-RateLimit-* headers and retry_after JSON) a given number of times.
 */
export class FakeDiscordRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Successful interaction callbacks by interaction id: O(1) look-ups keep the fake cheap in the benchmark. */
  readonly callbacks = new Map<string, RecordedRequest>();
  private readonly failures: InjectedFailure[] = [];
  private server!: Server;
  apiUrl = '';

  constructor(private readonly state: RestState) {
    super();
    this.setMaxListeners(0); // one listener per pending waitFor(); a benchmark burst has hundreds
  }

  async start(): Promise<void> {
    this.server = createServer(
      (req, res) =>
        void this.handle(req, res).catch((err: unknown) => {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ message: String(err), code: 0 }));
        }),
    );
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests matching method + path get `status` (429 by default) instead of an answer. */
  failNext(method: string, path: RegExp, opts: Partial<Omit<InjectedFailure, 'method' | 'path'>> = {}): void {
    this.failures.push({
      method: method.toUpperCase(),
      path,
      status: 429,
      retryAfter: 0.05,
      global: false,
      times: 1,
      ...opts,
    });
  }

  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private async readBody(req: IncomingMessage): Promise<{ body: Json; files: { name: string; content: string }[] }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    if (raw.length === 0) return { body: undefined, files: [] };
    if (type.startsWith('multipart/form-data')) {
      // discord.js sends files as multipart: payload_json plus files[n].
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: { name: string; content: string }[] = [];
      let body: Json;
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json') body = JSON.parse(String(value));
        else if (typeof value !== 'string') files.push({ name: value.name, content: await value.text() });
      }
      return { body, files };
    }
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const method = req.method ?? 'GET';
    const { body, files } = await this.readBody(req);
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      files,
      status: 0,
      at: performance.now(),
    };
    // Interaction callbacks and webhooks are authorised by their token in the path; everything else needs the bot token.
    const needsToken = !/^\/(interactions|webhooks)\//.test(path);
    if (needsToken && req.headers.authorization !== `Bot ${this.state.token}`) {
      this.requests.push({ ...record, status: 401 });
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: '401: Unauthorized', code: 0 }));
      this.emit('change');
      return;
    }
    const failure = this.failures.find((f) => f.times > 0 && f.method === method && f.path.test(path));
    const answer: { status: number; body?: Json } = failure
      ? this.rateLimited(res, failure)
      : this.route(method, path, url.searchParams, body, files);
    record.status = failure ? failure.status : answer.status;
    this.requests.push(record);
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (callback && record.status < 300 && !this.callbacks.has(callback[1]!)) this.callbacks.set(callback[1]!, record);
    if (!failure) {
      res.writeHead(answer.status, answer.body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    }
    this.emit('change');
  }

  private rateLimited(res: ServerResponse, f: InjectedFailure): { status: number } {
    f.times--;
    res.writeHead(f.status, {
      'content-type': 'application/json',
      'retry-after': String(f.retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Date.now() / 1000 + f.retryAfter),
      'x-ratelimit-reset-after': String(f.retryAfter),
      'x-ratelimit-bucket': 'fake-bucket',
      'x-ratelimit-scope': f.global ? 'global' : 'user',
      ...(f.global ? { 'x-ratelimit-global': 'true' } : {}),
    });
    res.end(
      JSON.stringify({ message: 'You are being rate limited.', retry_after: f.retryAfter, global: f.global, code: 0 }),
    );
    return { status: f.status };
  }

  private message(channelId: string, body: Json, extra: Json = {}): Json {
    const id = this.state.nextId();
    const guildId = this.state.channels.get(channelId)?.guild_id;
    return {
      id,
      channel_id: channelId,
      ...(guildId ? { guild_id: guildId } : {}),
      author: this.state.botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      pinned: false,
      type: 0,
      flags: body?.flags ?? 0,
      ...extra,
    };
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Json,
    files: { name: string; content: string }[],
  ): { status: number; body?: Json } {
    const s = this.state;
    const key = `${method} ${path}`;
    let m: RegExpExecArray | null;
    // Messages are checked the way Discord checks them, so a renderer bug fails a test instead of production.
    if (/^(POST|PATCH) \/(interactions|webhooks|channels)\//.test(key) && !/\/threads$/.test(path)) {
      // A callback carries a message for types 4 (reply) and 7 (update); type 9 carries a modal.
      const callback = path.endsWith('/callback');
      const problem =
        callback && ![4, 7].includes(body?.type) ? undefined : messageProblem(callback ? body?.data : body);
      if (problem) return { status: 400, body: { code: 50035, message: `Invalid Form Body: ${problem}` } };
    }
    if (key === 'GET /gateway/bot') {
      return {
        status: 200,
        body: {
          url: s.gatewayUrl(),
          shards: s.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: s.maxConcurrency ?? 1 },
        },
      };
    }
    if (key === 'GET /gateway') return { status: 200, body: { url: s.gatewayUrl() } };
    if (key === 'GET /users/@me') return { status: 200, body: s.botUser };
    m = /^POST \/interactions\/(\d+)\/([^/]+)\/callback$/.exec(key);
    if (m) {
      if (query.get('with_response') !== 'true') return { status: 204 };
      const message = body?.data ? this.message('0', body.data, { interaction_metadata: { id: m[1] } }) : undefined;
      return {
        status: 200,
        body: { interaction: { id: m[1], type: 2 }, resource: { type: body?.type, ...(message ? { message } : {}) } },
      };
    }
    m = /^POST \/webhooks\/(\d+)\/([^/]+)$/.exec(key);
    if (m) return { status: 200, body: this.message('0', body, { webhook_id: m[1] }) };
    m = /^(PATCH|GET) \/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(key);
    if (m) {
      return {
        status: 200,
        body: { ...this.message('0', body, { webhook_id: m[2] }), id: m[4] === '@original' ? s.nextId() : m[4] },
      };
    }
    if (/^DELETE \/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.test(key)) return { status: 204 };
    m = /^POST \/channels\/(\d+)\/messages$/.exec(key);
    if (m) {
      const attachments = files.map((f, i) => ({
        id: s.nextId(),
        filename: f.name,
        size: f.content.length,
        url: `https://cdn.fake/attachments/${m![1]}/${i}/${f.name}`,
        proxy_url: 'https://cdn.fake/p',
      }));
      return {
        status: 200,
        body: this.message(m[1]!, body, {
          attachments,
          ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
        }),
      };
    }
    m = /^PATCH \/channels\/(\d+)\/messages\/(\d+)$/.exec(key);
    if (m) return { status: 200, body: { ...this.message(m[1]!, body), id: m[2] } };
    m = /^POST \/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(key);
    if (m) {
      const parent = s.channels.get(m[1]!);
      const thread = {
        id: m[2],
        type: 11,
        guild_id: parent?.guild_id,
        parent_id: m[1],
        owner_id: s.botUser.id,
        name: body?.name ?? 'thread',
        thread_metadata: {
          archived: false,
          auto_archive_duration: body?.auto_archive_duration ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
        member_count: 1,
        message_count: 0,
        total_message_sent: 0,
        rate_limit_per_user: 0,
        last_message_id: null,
        flags: 0,
        member: { id: m[2], user_id: s.botUser.id, join_timestamp: new Date().toISOString(), flags: 0 },
      };
      s.channels.set(thread.id!, thread);
      return { status: 201, body: thread };
    }
    m = /^GET \/channels\/(\d+)$/.exec(key);
    if (m) {
      const channel = s.channels.get(m[1]!);
      return channel
        ? { status: 200, body: channel }
        : { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    }
    m = /^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(key);
    if (m) {
      const cmds = (body as Json[]).map((c) => ({
        ...c,
        id: s.nextId(),
        application_id: m![1],
        version: s.nextId(),
        ...(m![2] ? { guild_id: m![2] } : {}),
      }));
      return { status: 200, body: cmds };
    }
    m = /^GET \/guilds\/(\d+)$/.exec(key);
    if (m) {
      const guild = s.guilds.get(m[1]!);
      return guild ? { status: 200, body: guild } : { status: 404, body: { message: 'Unknown Guild', code: 10004 } };
    }
    m = /^GET \/guilds\/(\d+)\/members\/(\d+)$/.exec(key);
    if (m) {
      const member = s.members.get(`${m[1]}:${m[2]}`);
      return member ? { status: 200, body: member } : { status: 404, body: { message: 'Unknown Member', code: 10007 } };
    }
    return { status: 404, body: { message: `404: Not Found (fake has no ${key})`, code: 0 } };
  }
}

/** What Discord would reject in a message body (Components V2 rules), or undefined. */
export function messageProblem(b: Json): string | undefined {
  if (!b || typeof b !== 'object') return undefined;
  const v2 = ((b.flags ?? 0) & (1 << 15)) !== 0;
  const top = (b.components ?? []) as Json[];
  if (!v2 && top.some((c) => c.type !== 1)) return 'layout components need the IS_COMPONENTS_V2 flag';
  if (!v2) return undefined;
  if (b.content || (b.embeds ?? []).length) return 'content and embeds cannot be sent with IS_COMPONENTS_V2';
  let components = 0;
  let chars = 0;
  const walk = (c: Json) => {
    components++;
    if (c.type === 10) chars += String(c.content ?? '').length;
    for (const child of (c.components ?? []) as Json[]) walk(child);
    if (c.accessory) walk(c.accessory);
  };
  for (const c of top) walk(c);
  if (components > 40) return `${components} components (at most 40)`;
  if (chars > 4000) return `${chars} characters of text (at most 4000)`;
  return undefined;
}
