import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackErrorCode } from '../../../src/adapters/slack/deliver.js';
import { DEFAULT_LIMITS } from '../../../src/adapters/slack/outgoing.js';
import { WebApiPoster } from '../../../src/adapters/slack/web-api-post.js';

type Reply = (res: ServerResponse) => void;

/** A Web API that answers each call with the next scripted reply (the last one repeats), and records what it got. */
class ScriptedApi {
  readonly calls: { auth: string | undefined; type: string | undefined; body: Record<string, unknown> }[] = [];
  private script: Reply[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => {
        raw += c;
      });
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown>;
        this.calls.push({ auth: req.headers.authorization, type: req.headers['content-type'], body });
        (this.script.length > 1 ? this.script.shift()! : this.script[0]!)(res);
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  play(...replies: Reply[]): void {
    this.script = replies;
    this.calls.length = 0;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => this.server!.close(() => r()));
  }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (res) =>
    void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const hang: Reply = () => {};
const fast = { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 5 };

describe('WebApiPoster (private replies over keep-alive HTTP)', () => {
  const api = new ScriptedApi();
  beforeAll(() => api.start());
  afterAll(() => api.close());

  const poster = (limits = DEFAULT_LIMITS, shutdown = new AbortController().signal) =>
    new WebApiPoster(limits, shutdown, fast);
  const post = (p: WebApiPoster) => p.call(api.url, 'chat.postEphemeral', 'xoxb-t', { channel: 'C1', user: 'U1' });

  it("posts the arguments as JSON with the bot's token and resolves with Slack's result", async () => {
    api.play(json(200, { ok: true, message_ts: '1.2' }));
    await expect(post(poster())).resolves.toEqual({ ok: true, message_ts: '1.2' });
    expect(api.calls).toEqual([
      { auth: 'Bearer xoxb-t', type: 'application/json; charset=utf-8', body: { channel: 'C1', user: 'U1' } },
    ]);
  });

  it("rejects with Slack's error code when ok is false, without retrying", async () => {
    api.play(json(200, { ok: false, error: 'user_not_in_channel' }));
    const err = await post(poster()).catch((e: unknown) => e);
    expect(slackErrorCode(err)).toBe('user_not_in_channel');
    expect(api.calls).toHaveLength(1);
  });

  it('waits out a 429 for its Retry-After, then sends again', async () => {
    api.play(json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' }), json(200, { ok: true }));
    await expect(post(poster())).resolves.toEqual({ ok: true });
    expect(api.calls).toHaveLength(2);
  });

  it('fails a call at once when Retry-After is over the cap, or after the 429s it may wait out', async () => {
    api.play(json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' }));
    expect(slackErrorCode(await post(poster()).catch((e: unknown) => e))).toBe('slack_webapi_rate_limited_error');
    expect(api.calls).toHaveLength(1);
    api.play(json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' }));
    await expect(post(poster())).rejects.toThrow(/rate limit/);
    expect(api.calls).toHaveLength(1 + DEFAULT_LIMITS.rateLimitRetries);
  });

  it('retries a 5xx and a hung attempt by the retry policy, then gives up', async () => {
    api.play(json(500, { ok: false }), json(200, { ok: true }));
    await expect(post(poster())).resolves.toEqual({ ok: true });
    api.play(json(503, { ok: false }));
    expect(slackErrorCode(await post(poster()).catch((e: unknown) => e))).toBe('slack_webapi_request_error');
    expect(api.calls).toHaveLength(3);
    api.play(hang, json(200, { ok: true }));
    await expect(post(poster({ ...DEFAULT_LIMITS, attemptTimeoutMs: 50 }))).resolves.toEqual({ ok: true });
    expect(api.calls).toHaveLength(2);
  });

  it('fails every call in flight at once when shutdown aborts, with no retry', async () => {
    const stop = new AbortController();
    const p = poster(DEFAULT_LIMITS, stop.signal);
    api.play(hang);
    const calls = [post(p), post(p)].map((c) => c.catch((e: unknown) => e));
    while (api.calls.length < 2) await new Promise((r) => setImmediate(r));
    const t0 = Date.now();
    stop.abort();
    for (const err of await Promise.all(calls)) expect(slackErrorCode(err)).toBe('slack_webapi_request_error');
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(api.calls).toHaveLength(2);
  });
});
