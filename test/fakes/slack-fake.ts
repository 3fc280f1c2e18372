import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (e.g. the ts of a posted message). */
  result?: Record<string, unknown> | undefined;
  /** When the call arrived (epoch ms). */
  at?: number | undefined;
  /** Order in which the fake answered (applied) calls: with delays it differs from arrival order. */
  answeredSeq?: number | undefined;
  /** The token the call carried (Authorization: Bearer, or a `token` field). */
  token?: string | undefined;
}

/** A workspace the fake knows: the bot token oauth.v2.access hands out for it, and its ids. */
export interface FakeTeam {
  teamId: string;
  enterpriseId?: string | undefined;
  token: string;
  botUserId: string;
  /** Token rotation on: the install hands out a refresh token and a bot token that expires within 2 hours. */
  rotating?: boolean | undefined;
  /** Refresh token currently valid (rotating teams). */
  refreshToken?: string | undefined;
  /** An org-wide install of Enterprise Grid organisation `enterpriseId`: one token for all its workspaces. */
  orgWide?: boolean | undefined;
}

interface Injection {
  status?: number;
  error?: string;
  retryAfter?: number;
  /** Never answer (the connection stays open until the client gives up or the fake closes). */
  hang?: boolean;
  /** Answer normally, but only after this long. */
  delayMs?: number;
  /** How many calls it applies to; Infinity for every call until cleared. */
  times: number;
}

/** Parses a Web API body the way Slack does: form-encoded (JSON-valued fields such as blocks decoded) or JSON. */
function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v)
      ? (() => {
          try {
            return JSON.parse(v) as unknown;
          } catch {
            return v;
          }
        })()
      : v;
  }
  return out;
}

/** An upload's file: the body itself, or the one file of a multipart form (as uploadV2 sends it). */
async function fileContent(raw: string, type: string | undefined): Promise<string> {
  if (!type?.startsWith('multipart/form-data')) return raw;
  const form = await new Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: raw,
  }).formData();
  const file = [...form.values()].find((v) => typeof v !== 'string');
  return file ? await file.text() : raw;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/**
 * A fake Slack on 127.0.0.1: the Web API under /api/ (auth.test, chat.*, users.info, files.* for
 * uploadV2), response_url endpoints and file upload URLs. Records every call; errors can be injected.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly uploads: { id: string; content: string }[] = [];
  readonly admins = new Set<string>();
  /** Files users uploaded, by id: files.info describes them, /files-private/ serves them to the bot token only. */
  readonly files = new Map<string, { name: string; mimetype: string; body: Buffer }>();
  /** The Authorization header of every file download. */
  readonly downloads: (string | undefined)[] = [];
  private readonly injections = new Map<string, Injection>();
  /** Workspaces by bot token; once any is added, a call with an unknown token gets invalid_auth. */
  private readonly teams = new Map<string, FakeTeam>();
  private server: Server | undefined;
  private seq = 1_700_000_000;
  private answered = 0;
  base = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.route(req, res));
    // Slack's API keeps connections alive; a 1 s keep-alive made undici (whose threshold is 1 s) close every
    // connection after one call, which charged the bot a TCP connect per confirmation in the storm bench.
    this.server.keepAliveTimeout = 10_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.base = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  private responseSeq = 0;

  responseUrl(id = `r${++this.responseSeq}`): string {
    return `${this.base}/response/${id}`;
  }

  /**
   * The next `times` calls of a method (or response_url posts, method 'response') fail: with an HTTP
   * status (429 carries Retry-After) or a Slack error, hang without an answer, or answer late.
   */
  inject(method: string, injection: Omit<Injection, 'times'> & { times?: number }): void {
    this.injections.set(method, { times: 1, ...injection });
  }

  clear(method?: string): void {
    if (method) this.injections.delete(method);
    else this.injections.clear();
    this.holds = this.holds.filter((h) => method !== undefined && h.method !== method);
  }

  private holds: { method: string; match: (body: Record<string, unknown>, path: string) => boolean }[] = [];

  /**
   * Leaves the calls of a method (or response_url posts, method 'response') that `match` picks hanging,
   * without an answer, until the client gives up or the fake closes; other calls are answered as usual.
   * E.g. one user's users.info, or the response_url of chosen commands.
   */
  hold(method: string, match: (body: Record<string, unknown>, path: string) => boolean): void {
    this.holds.push({ method, match });
  }

  /** Leaves the request hanging when a hold picks it. */
  private held(method: string, body: Record<string, unknown>, path: string, res: ServerResponse): boolean {
    if (!this.holds.some((h) => h.method === method && h.match(body, path))) return false;
    this.hanging++;
    res.once('close', () => this.hanging--);
    return true;
  }

  /** Calls of a method that are hanging right now. */
  hanging = 0;

  /**
   * A workspace that can install Versus: the OAuth code `code-<teamId>` is exchanged (oauth.v2.access) for
   * its bot token, and from then on Web API calls are answered per token (auth.test names its team).
   */
  addTeam(team: Omit<FakeTeam, 'token' | 'botUserId'> & Partial<FakeTeam>): FakeTeam {
    const full = { token: `xoxb-${team.teamId}`, botUserId: `UBOT${team.teamId}`, ...team };
    this.teams.set(full.token, full);
    return full;
  }

  /** The workspace a token belongs to: the added teams, or the single-token default (T0FAKE). */
  private teamOf(token: string | undefined): FakeTeam | undefined {
    if (this.teams.size === 0) return { teamId: 'T0FAKE', token: token ?? '', botUserId: 'UBOT' };
    return token ? this.teams.get(token) : undefined;
  }

  private rotations = 0;

  /** A refresh: the old bot token stops working, a new one (and refresh token) takes its place. */
  private refresh(refreshToken: unknown): Record<string, unknown> {
    const team = [...this.teams.values()].find((t) => t.refreshToken && t.refreshToken === refreshToken);
    if (!team) return { ok: false, error: 'invalid_refresh_token' };
    this.teams.delete(team.token);
    const n = ++this.rotations;
    Object.assign(team, { token: `xoxb-${team.teamId}-r${n}`, refreshToken: `xoxe-${team.teamId}-${n}` });
    this.teams.set(team.token, team);
    const access = { access_token: team.token, refresh_token: team.refreshToken, expires_in: 43_200 };
    return { ok: true, token_type: 'bot', ...access, team: { id: team.teamId } };
  }

  /** oauth.v2.access: Slack's answer for a workspace's installation, by the code its redirect carried. */
  private oauthAccess(body: Record<string, unknown>): Record<string, unknown> {
    if (body.grant_type === 'refresh_token') return this.refresh(body.refresh_token);
    const team = [...this.teams.values()].find((t) => `code-${t.teamId}` === body.code);
    if (!team) return { ok: false, error: 'invalid_code' };
    if (team.rotating) team.refreshToken = `xoxe-${team.teamId}-0`;
    const rotation = team.rotating ? { refresh_token: team.refreshToken, expires_in: 600 } : {};
    return {
      ...rotation,
      ok: true,
      app_id: 'A1',
      access_token: team.token,
      token_type: 'bot',
      scope: 'commands,chat:write',
      bot_user_id: team.botUserId,
      // An org-wide install names the organisation only: Slack gives it no team.
      team: team.orgWide ? null : { id: team.teamId, name: `Team ${team.teamId}` },
      enterprise: team.enterpriseId ? { id: team.enterpriseId, name: 'Grid' } : null,
      is_enterprise_install: !!team.orgWide,
      authed_user: { id: `UADMIN${team.teamId}` },
    };
  }

  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > until) throw new Error('FakeSlack.waitFor: timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Applies a hang or delay injection; true when the request was left hanging. */
  private async injected(method: string, res: import('node:http').ServerResponse): Promise<boolean> {
    const inj = this.injections.get(method);
    if (!inj || inj.times <= 0) return false;
    if (!inj.hang && !inj.delayMs && method !== 'response') return false;
    inj.times--;
    if (inj.hang) {
      this.hanging++;
      res.once('close', () => this.hanging--);
      return true;
    }
    if (inj.delayMs) await new Promise((r) => setTimeout(r, inj.delayMs));
    else if (inj.status) {
      res.writeHead(inj.status, inj.retryAfter ? { 'retry-after': String(inj.retryAfter) } : {}).end();
      return true;
    }
    return false;
  }

  private ts(): string {
    return `${++this.seq}.000100`;
  }

  private async route(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const raw = await read(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): void =>
      void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (path.startsWith('/response/')) {
      const posted = parseBody(raw, req.headers['content-type']);
      if (this.held('response', posted, path, res) || (await this.injected('response', res))) return;
      this.responses.push({ path, body: posted });
      return void res.writeHead(200).end('ok');
    }
    if (path.startsWith('/files-private/')) {
      const file = this.files.get(path.split('/')[2] ?? '');
      this.downloads.push(req.headers.authorization);
      if (!file || req.headers.authorization !== 'Bearer xoxb-test-token') return void res.writeHead(403).end();
      return void res.writeHead(200, { 'content-type': file.mimetype }).end(file.body);
    }
    if (path.startsWith('/upload/')) {
      this.uploads.push({ id: path.slice(8), content: await fileContent(raw, req.headers['content-type']) });
      return void res.writeHead(200).end('OK');
    }
    const method = path.replace(/^\/api\//, '');
    const body = parseBody(raw, req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    const call: SlackCall = { method, body, token, at: performance.timeOrigin + performance.now() };
    this.calls.push(call);
    if (this.held(method, body, path, res)) return;
    const answer = json;
    const jsonApi = (status: number, result: Record<string, unknown>, headers?: Record<string, string>) => {
      call.result = result;
      call.answeredSeq = ++this.answered;
      answer(status, result, headers);
    };
    const inj = this.injections.get(method);
    if (inj && inj.times > 0 && (inj.hang || inj.delayMs)) {
      if (await this.injected(method, res)) return;
    } else if (inj && inj.times > 0) {
      inj.times--;
      if (inj.status === 429)
        return jsonApi(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(inj.retryAfter ?? 1) });
      if (inj.status) return jsonApi(inj.status, { ok: false, error: inj.error ?? 'internal_error' });
      return jsonApi(200, { ok: false, error: inj.error ?? 'unknown_error' });
    }
    if (method === 'oauth.v2.access') return jsonApi(200, this.oauthAccess(body));
    const team = this.teamOf(token);
    if (!team) return jsonApi(200, { ok: false, error: 'invalid_auth' });
    const channel = body.channel ?? body.channel_id;
    switch (method) {
      case 'auth.test':
        return jsonApi(200, {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'versus',
          team_id: team.teamId,
          enterprise_id: team.enterpriseId,
          user_id: team.botUserId,
          bot_id: team.botUserId === 'UBOT' ? 'BBOT' : `B${team.botUserId}`,
        });
      case 'chat.postMessage':
        return jsonApi(200, { ok: true, channel, ts: this.ts(), message: { text: body.text } });
      case 'chat.update':
        return jsonApi(200, { ok: true, channel, ts: body.ts, text: body.text });
      case 'chat.postEphemeral':
        return jsonApi(200, { ok: true, message_ts: this.ts() });
      case 'users.info':
        return jsonApi(200, {
          ok: true,
          user: { id: body.user, is_admin: this.admins.has(String(body.user)), is_owner: false },
        });
      case 'files.getUploadURLExternal': {
        const id = `F${++this.seq}`;
        return jsonApi(200, { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id });
      }
      case 'files.info': {
        const file = this.files.get(String(body.file));
        if (!file) return jsonApi(200, { ok: false, error: 'file_not_found' });
        const url = `${this.base}/files-private/${body.file}/${encodeURIComponent(file.name)}`;
        return jsonApi(200, {
          ok: true,
          file: { id: body.file, name: file.name, url_private: url, url_private_download: url },
        });
      }
      case 'files.completeUploadExternal':
        return jsonApi(200, { ok: true, files: (body.files as { id: string }[] | undefined) ?? [] });
      default:
        return jsonApi(200, { ok: true });
    }
  }
}
