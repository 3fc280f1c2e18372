import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack-fake.js';
import { SlackSender } from '../fakes/slack-requests.js';
import { type BotProcess, startBot } from '../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';

const SECRET = 'webapi-fault-secret';

/**
 * Issue 11, items 4–6: the real bot as a process, a fake Slack that hangs, fails and rate-limits on
 * demand. One hung or failing call must not delay other users; shutdown must be quick and clean.
 */
describe('Web API faults and shutdown (real process, real HTTP)', () => {
  let fake: FakeSlack;
  let bot: BotProcess | undefined;
  const tmp = tempDir('versus-webapi-');
  let n = 0;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterEach(async () => {
    fake.clear();
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  });
  afterAll(async () => {
    await fake.close();
    tmp.cleanup();
  });

  async function start(env: Record<string, string> = {}): Promise<{ b: BotProcess; send: SlackSender }> {
    bot = await startBot({
      VERSUS_DB: join(tmp.dir, `v${++n}.db`),
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      SLACK_BOT_TOKEN: 'xoxb-faults',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...env,
    });
    return { b: bot, send: new SlackSender(bot.endpoint, SECRET) };
  }
  async function poll(send: SlackSender, channel: string, args = '') {
    await send.command(`poll ${args}`.trim(), { responseUrl: fake.responseUrl(), channel });
    const post = await fake.waitFor(() =>
      fake.callsOf('chat.postMessage').find((c) => c.body.channel === channel && c.result),
    );
    const ids = JSON.stringify(post.body.blocks).match(/v1:poll:[a-z]+:[^"]+/g) ?? [];
    return {
      ts: String(post.result!.ts),
      vote: ids.filter((i) => i.includes(':vote:')),
      close: ids.find((i) => i.includes(':close:'))!,
    };
  }
  /** Sends /versus help as `user` and resolves with ms until its answer reached response_url. */
  async function helpLatency(send: SlackSender, user: string): Promise<number> {
    const url = fake.responseUrl();
    const t0 = performance.now();
    await send.command('help', { responseUrl: url, user });
    await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname), 8000);
    return performance.now() - t0;
  }

  it('anonymous votes never reach a log line, even at LOG_LEVEL=trace', async () => {
    const { b, send } = await start({ LOG_LEVEL: 'trace' });
    const p = await poll(send, 'CANON');
    await send.action(p.vote[1]!, {
      user: 'UANONVOTER1',
      channel: 'CANON',
      messageTs: p.ts,
      responseUrl: fake.responseUrl(),
    });
    await fake.waitFor(() => fake.callsOf('chat.postEphemeral').find((c) => c.body.user === 'UANONVOTER1'));
    await fake.waitFor(() => fake.callsOf('chat.update').find((c) => c.body.ts === p.ts));
    // Every call the bot made has also finished on its side (the SDK logs each call's end, and so does the
    // poster of private replies, web-api-post.ts): nothing is left to log.
    const ends = (method: string) =>
      b.logs.filter((l) => l.includes(`apiCall('${method}') end`) || l.includes(`"method":"${method}"`)).length;
    await fake.waitFor(() => ['chat.postEphemeral', 'chat.update'].every((m) => ends(m) === fake.callsOf(m).length));
    const logs = b.logs.join('');
    expect(logs).toMatch(/"level":20/); // debug lines (the SDK's included) were written
    expect(logs).not.toMatch(/UANONVOTER1|Team Python/);
  });

  it('with chat.postMessage hanging, other users are answered at once and votes are confirmed', async () => {
    const { send } = await start();
    const p = await poll(send, 'CHANG');
    fake.inject('chat.postMessage', { hang: true, times: Number.POSITIVE_INFINITY });
    await send.command('poll', { responseUrl: fake.responseUrl(), channel: 'CHANG2', user: 'USTUCK' });
    await fake.waitFor(() => fake.hanging > 0);
    const latencies = await Promise.all(['UH1', 'UH2', 'UH3'].map((u) => helpLatency(send, u)));
    const t0 = performance.now();
    await send.action(p.vote[0]!, { user: 'UHV', channel: 'CHANG', messageTs: p.ts, responseUrl: fake.responseUrl() });
    await fake.waitFor(() => fake.callsOf('chat.postEphemeral').find((c) => c.body.user === 'UHV'));
    const vote = performance.now() - t0;
    console.info(
      `hung postMessage: help answered in ${latencies.map(Math.round).join('/')} ms, vote confirmed in ${Math.round(vote)} ms`,
    );
    // A hung call is aborted only after 5 s per attempt (3 attempts): answers well inside that were not queued behind it.
    expect(Math.max(...latencies, vote)).toBeLessThan(2500);
  });

  it('with chat.postMessage failing 500 every time, it gives up after 3 attempts, says so, and others are answered', async () => {
    const { send } = await start();
    fake.inject('chat.postMessage', { status: 500, times: Number.POSITIVE_INFINITY });
    const url = fake.responseUrl();
    const t0 = performance.now();
    await send.command('poll', { responseUrl: url, channel: 'C500' });
    const latencies = await Promise.all(['U51', 'U52', 'U53'].map((u) => helpLatency(send, u)));
    const failed = await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname), 15_000);
    const gaveUp = performance.now() - t0;
    expect(JSON.stringify(failed.body)).toMatch(/could not post the poll/);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C500')).toHaveLength(3);
    console.info(
      `500s: gave up after ${Math.round(gaveUp)} ms; help answered in ${latencies.map(Math.round).join('/')} ms`,
    );
    expect(Math.max(...latencies)).toBeLessThan(2500);
    expect(gaveUp).toBeLessThan(12_000);
  });

  it('a click is acknowledged within 3 s while users.info hangs or is rate-limited for 30 s', async () => {
    const { b, send } = await start();
    const p = await poll(send, 'CADM', '');
    fake.inject('users.info', { hang: true });
    const hung = await send.action(p.close, {
      user: 'UNOTADMIN',
      channel: 'CADM',
      messageTs: p.ts,
      responseUrl: fake.responseUrl(),
    });
    fake.inject('users.info', { status: 429, retryAfter: 30 });
    const limited = await send.action(p.close, {
      user: 'UNOTADMIN2',
      channel: 'CADM',
      messageTs: p.ts,
      responseUrl: fake.responseUrl(),
    });
    expect([hung.status, limited.status]).toEqual([200, 200]);
    expect(Math.max(hung.ms, limited.ms)).toBeLessThan(3000);
    // Both still get their answer: not an admin (the check failed), so they may not close it.
    for (const u of ['UNOTADMIN', 'UNOTADMIN2'])
      await fake.waitFor(
        () =>
          fake
            .callsOf('chat.postEphemeral')
            .find((c) => c.body.user === u && /Only the person/.test(JSON.stringify(c.body))),
        10_000,
      );
    console.info(
      `admin check hung: acked in ${Math.round(hung.ms)} ms; 429 Retry-After 30: acked in ${Math.round(limited.ms)} ms`,
    );
    expect(b.logs.join('')).not.toMatch(/ERR_HTTP_HEADERS_SENT/);
  }, 20_000);

  it('SIGTERM with confirmations hanging: new requests refused at once, undelivered ones counted, exit 0 within 10 s', async () => {
    const { b, send } = await start();
    const p = await poll(send, 'CSTOP');
    fake.inject('chat.postEphemeral', { hang: true, times: Number.POSITIVE_INFINITY });
    for (let i = 0; i < 5; i++)
      expect(
        (
          await send.action(p.vote[0]!, {
            user: `US${i}`,
            channel: 'CSTOP',
            messageTs: p.ts,
            responseUrl: fake.responseUrl(),
          })
        ).status,
      ).toBe(200);
    await fake.waitFor(() => fake.hanging >= 5);
    const t0 = Date.now();
    b.child.kill('SIGTERM');
    // Logged in the same step that makes the receiver refuse new requests (main.ts shutdown).
    await fake.waitFor(() => b.logs.some((l) => /"msg":"shutting down"/.test(l)));
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      try {
        const r = await send.action(p.vote[1]!, {
          user: `UL${i}`,
          channel: 'CSTOP',
          messageTs: p.ts,
          responseUrl: fake.responseUrl(),
        });
        if (r.status === 200) accepted++;
        else refused++;
      } catch {
        refused++; // connection refused: the listener is closed
      }
    }
    const exit = await b.exited;
    const took = Date.now() - t0;
    console.info(
      `SIGTERM with 5 hanging confirmations: exit ${exit.code} after ${took} ms; ${accepted} accepted, ${refused} refused after SIGTERM`,
    );
    expect(exit).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(10_000);
    expect(accepted).toBe(0);
    expect(b.logs.join('')).toMatch(/"undelivered":5[,}].*not delivered/);
  }, 20_000);
});
