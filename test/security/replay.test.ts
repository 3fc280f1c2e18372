import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcurrent } from '../../bench/load.js';
import { FakeSlack } from '../fakes/slack-fake.js';
import { SlackSender } from '../fakes/slack-requests.js';
import { type BotProcess, startBot } from '../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';

const SECRET = 'replay-secret';

/** Issue 11, items 1 and 2: two real bot processes on one SQLite file, signed HTTP requests. */
describe('replay guard across processes (real processes, real HTTP, one database)', () => {
  let fake: FakeSlack;
  let a: BotProcess;
  let b: BotProcess;
  let dbPath: string;
  const tmp = tempDir('versus-replay-');
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    dbPath = join(tmp.dir, 'versus.db');
    const env = {
      VERSUS_DB: dbPath,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      SLACK_BOT_TOKEN: 'xoxb-replay',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
    };
    a = await startBot(env);
    b = await startBot(env);
  });
  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await fake.close();
    tmp.cleanup();
  });
  const posts = (channel: string) => fake.callsOf('chat.postMessage').filter((c) => c.body.channel === channel);
  const signatures = () => {
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM request_signatures').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('refuses a replay with anything appended to the signature, and the same bytes sent to another process', async () => {
    const send = new SlackSender(a.endpoint, SECRET);
    expect((await send.command('poll', { responseUrl: fake.responseUrl(), channel: 'CR1' })).status).toBe(200);
    await fake.waitFor(() => posts('CR1').length === 1);
    const statuses = [];
    for (const suffix of ['=x', '=', '==', '=1', 'x', ' ', '0'])
      statuses.push((await send.replayLast({ signatureSuffix: suffix })).status);
    statuses.push((await send.replayLast()).status);
    statuses.push((await send.replayLast({ url: b.endpoint })).status);
    expect(statuses).toEqual(Array(9).fill(401));
    // A 401 is decided before the request reaches the app (receiver.ts), so nothing can post later.
    expect(posts('CR1')).toHaveLength(1);
  });

  it('a replayed vote click sent to the other process does not withdraw the vote', async () => {
    const send = new SlackSender(a.endpoint, SECRET);
    await send.command('poll', { responseUrl: fake.responseUrl(), channel: 'CR2' });
    const post = await fake.waitFor(() => posts('CR2').find((c) => c.result));
    const go = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+:0/)![0];
    const click = {
      user: 'UVOTER',
      channel: 'CR2',
      messageTs: String(post.result!.ts),
      responseUrl: fake.responseUrl(),
    };
    expect((await send.action(go, click)).status).toBe(200);
    expect((await send.replayLast({ url: b.endpoint })).status).toBe(401);
    // The vote was stored before its 200 (actions.ts), and the 401 never reached the app: nothing is pending.
    const db = new BetterSqlite3(dbPath, { readonly: true });
    const votes = db.prepare("SELECT user_id AS u FROM votes WHERE user_id = 'UVOTER'").all();
    db.close();
    expect(votes).toHaveLength(1);
  });

  it('junk signatures are never remembered, so a flood cannot evict a real one', async () => {
    const send = new SlackSender(a.endpoint, SECRET);
    await send.command('sources', { responseUrl: fake.responseUrl(), channel: 'CR3' });
    const before = signatures();
    const junk = new Set<number>();
    await runConcurrent(1500, 50, async (i) => {
      const r = await fetch(a.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
          'x-slack-signature': `v0=${i.toString(16).padStart(64, '0')}`,
        },
        body: 'command=%2Fversus&text=help',
      });
      junk.add(r.status);
    });
    expect(junk).toEqual(new Set([401]));
    expect(signatures()).toBe(before);
    expect((await send.replayLast()).status).toBe(401);
    expect((await send.replayLast({ url: b.endpoint })).status).toBe(401);
  }, 60_000);

  it('a signed block_actions payload without a user, or with unparsable JSON, is a 400, and the bot keeps serving', async () => {
    const send = new SlackSender(a.endpoint, SECRET);
    const form = (payload: string) => new URLSearchParams({ payload }).toString();
    const ct = 'application/x-www-form-urlencoded';
    const noUser = { type: 'block_actions', actions: [{ action_id: 'v1:poll:results:p1' }], channel: { id: 'C1' } };
    const statuses = [
      (await send.send(form(JSON.stringify(noUser)), ct)).status,
      (await send.send(form(JSON.stringify({ ...noUser, user: {} })), ct)).status,
      (await send.send(form('{not json'), ct)).status,
      (await send.send(form(JSON.stringify({ type: 'block_actions', user: { id: 'U1' } })), ct)).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 400]);
    const url = fake.responseUrl();
    expect((await send.command('help', { responseUrl: url })).status).toBe(200);
    await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname));
    expect(a.logs.join('')).not.toMatch(/TypeError|ERR_HTTP_HEADERS_SENT/);
  });
});
