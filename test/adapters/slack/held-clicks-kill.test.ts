import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldClicksDir, unsettled } from '../../../src/adapters/shared/click-journal.js';
import { ACK_DEADLINE_MS } from '../../../src/adapters/slack/actions.js';
import { FakeSlack } from '../../fakes/slack-fake.js';
import { SlackSender } from '../../fakes/slack-requests.js';
import { type BotProcess, startBot } from '../../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../../helpers/core.js';
import { type FreshPostgres, freshPostgres } from '../../helpers/postgres.js';

const SECRET = 'held-clicks-secret';
/** A pid no process has: the journal of a process that died long ago. */
const DEAD_PID = 2 ** 22 + 1;

/**
 * The database held still by a connection of the test's own: SQLite's write lock (BEGIN IMMEDIATE), or on
 * PostgreSQL a lock on the votes table that lets reads through but makes every vote wait.
 */
interface Slowdown {
  hold(): Promise<void>;
  release(): Promise<void>;
  votes(pollId: string): Promise<{ user_id: string; option_idx: number }[]>;
  close(): Promise<void>;
}

function sqliteSlowdown(file: string): Slowdown {
  const db = new BetterSqlite3(file);
  const select = 'SELECT user_id, option_idx FROM votes WHERE poll_id = ? ORDER BY user_id';
  return {
    hold: async () => void db.exec('BEGIN IMMEDIATE'),
    release: async () => void db.exec('ROLLBACK'),
    votes: async (pollId) => db.prepare(select).all(pollId) as { user_id: string; option_idx: number }[],
    close: async () => void db.close(),
  };
}

async function postgresSlowdown(url: string): Promise<Slowdown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    hold: async () => void (await client.query('BEGIN; LOCK TABLE votes IN EXCLUSIVE MODE')),
    release: async () => void (await client.query('ROLLBACK')),
    votes: async (pollId) =>
      (await client.query('SELECT user_id, option_idx FROM votes WHERE poll_id = $1 ORDER BY user_id', [pollId])).rows,
    close: () => client.end(),
  };
}

/** Issue 21 item 4: kill -9 while an acknowledged vote waits on a slowed database; real processes. */
describe.each(['sqlite', 'postgres'] as const)('a vote acknowledged before its commit, on %s', (backend) => {
  const tmp = tempDir('versus-held-');
  const dbPath = join(tmp.dir, 'versus.db');
  const journal = heldClicksDir(dbPath);
  let fake: FakeSlack;
  let pgDb: FreshPostgres | undefined;
  let env: Record<string, string>;
  let bot: BotProcess | undefined;
  let slow: Slowdown;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    pgDb = backend === 'postgres' ? await freshPostgres() : undefined;
    env = {
      VERSUS_DB: dbPath,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      SLACK_BOT_TOKEN: 'xoxb-held',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    };
    bot = await startBot(env, 90_000);
    slow = pgDb ? await postgresSlowdown(pgDb.url) : sqliteSlowdown(dbPath);
  }, 120_000);
  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await bot?.exited;
    await slow?.close();
    await fake.close();
    await pgDb?.drop();
    tmp.cleanup();
  });
  /** kill -9, then (with the bot gone) `meanwhile`, then start it again on the same database and journal. */
  async function restart(meanwhile: () => Promise<void> = async () => {}) {
    bot!.child.kill('SIGKILL');
    await bot!.exited;
    await meanwhile();
    bot = await startBot(env, 90_000);
  }

  it('kill -9 before the commit, restart: the vote is stored once, and the voter’s later click stands', async () => {
    const send = new SlackSender(bot!.endpoint, SECRET);
    const url = fake.responseUrl();
    await send.command('poll', { responseUrl: url, channel: 'CHELD' });
    // The reply to the command comes once the poll is posted and its message stored.
    await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname));
    const post = fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CHELD' && c.result)!;
    const button = (option: number) =>
      JSON.stringify(post.body.blocks).match(new RegExp(`v1:poll:vote:[^"]+:${option}`))![0];
    const pollId = button(0).split(':')[3]!;
    const click = (s: SlackSender, option: number, user: string) =>
      s.action(button(option), {
        user,
        channel: 'CHELD',
        messageTs: String(post.result!.ts),
        responseUrl: fake.responseUrl(),
      });

    // The database is held: the click is acknowledged at the deadline, from the journal, not from the database.
    await slow.hold();
    const acked = await click(send, 0, 'UHELD');
    expect(acked.status).toBe(200);
    expect(acked.ms).toBeGreaterThanOrEqual(ACK_DEADLINE_MS - 50);
    expect(await slow.votes(pollId)).toEqual([]);
    const [file] = readdirSync(journal);
    const held = unsettled(readFileSync(join(journal, file!), 'utf8'));
    expect(held.map((c) => [c.actionId, c.ctx.userId])).toEqual([[button(0), 'UHELD']]);
    copyFileSync(join(journal, file!), join(tmp.dir, 'held.copy'));
    await restart(() => slow.release());
    expect(await slow.votes(pollId)).toEqual([{ user_id: 'UHELD', option_idx: 0 }]);
    expect(readdirSync(journal)).toEqual([]);

    // The voter changes their mind; the same journal run again (as if the process had died after its
    // commit) finds the click's key stored and leaves the later vote alone.
    const again = new SlackSender(bot!.endpoint, SECRET);
    expect((await click(again, 1, 'UHELD')).status).toBe(200);
    copyFileSync(join(tmp.dir, 'held.copy'), join(journal, `${DEAD_PID}.jsonl`));
    await restart();
    expect(await slow.votes(pollId)).toEqual([{ user_id: 'UHELD', option_idx: 1 }]);
    expect(readdirSync(journal)).toEqual([]);
  }, 240_000);
});
