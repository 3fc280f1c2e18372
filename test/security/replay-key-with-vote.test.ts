import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/postgres.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { tempDir } from '../helpers/core.js';
import { freshPostgres } from '../helpers/postgres.js';

/** SQL on the bot's database from a connection of the test's own, and the commits some work costs. */
interface Probe {
  exec(sql: string): Promise<void>;
  count(sql: string): Promise<number>;
  /** Commits that wrote a vote or a replay key while `work` ran. */
  commitsDuring(work: () => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

/** Commit frames in a SQLite WAL file: frames whose salts match the header, with a database size set. */
function walCommits(path: string): number {
  const wal = readFileSync(path);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== wal.readUInt32BE(16) || wal.readUInt32BE(at + 12) !== wal.readUInt32BE(20)) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

function sqliteProbe(path: string): Probe {
  const db = new BetterSqlite3(path);
  db.pragma('busy_timeout = 5000');
  return {
    exec: async (sql) => void db.exec(sql),
    count: async (sql) => (db.prepare(sql).get() as { n: number }).n,
    // Nothing else writes while the clicks run (renders wait a minute), so every commit frame is a click's.
    async commitsDuring(work) {
      expect(db.pragma('wal_checkpoint(TRUNCATE)', { simple: true })).toBe(0);
      await work();
      return walCommits(`${path}-wal`);
    },
    close: async () => void db.close(),
  };
}

async function postgresProbe(url: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
  return {
    exec: async (sql) => void (await client.query(sql)),
    count,
    // Each write to votes or request_signatures notes its transaction id; distinct ids are commits.
    async commitsDuring(work) {
      await client.query(`
        CREATE TABLE IF NOT EXISTS commit_probe (xid text);
        CREATE OR REPLACE FUNCTION note_xid() RETURNS trigger AS $$
          BEGIN INSERT INTO commit_probe VALUES (pg_current_xact_id()::text); RETURN NULL; END $$ LANGUAGE plpgsql;
        CREATE OR REPLACE TRIGGER probe_votes AFTER INSERT OR UPDATE OR DELETE ON votes
          FOR EACH ROW EXECUTE FUNCTION note_xid();
        CREATE OR REPLACE TRIGGER probe_keys AFTER INSERT ON request_signatures
          FOR EACH ROW EXECUTE FUNCTION note_xid();
        DELETE FROM commit_probe;`);
      await work();
      return count('SELECT count(DISTINCT xid) AS n FROM commit_probe');
    },
    close: () => client.end(),
  };
}

const FAIL_VOTES = {
  sqlite: `CREATE TRIGGER fail_votes BEFORE INSERT ON votes BEGIN SELECT RAISE(ABORT, 'votes refused by the test'); END`,
  postgres: `CREATE FUNCTION refuse_vote() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'votes refused by the test'; END $$
    LANGUAGE plpgsql; CREATE TRIGGER fail_votes BEFORE INSERT ON votes FOR EACH ROW EXECUTE FUNCTION refuse_vote()`,
};

/** Issue 21 item 4: a vote click's replay key commits with its vote, through the real Bolt app and core. */
describe.each(['sqlite', 'postgres'] as const)('a vote click on %s', (backend) => {
  let rig: SlackRig;
  let probe: Probe;
  let drop = async () => {};
  const tmp = tempDir('versus-vote-key-');
  beforeAll(async () => {
    const dbPath = join(tmp.dir, 'versus.db');
    const pgDb = backend === 'postgres' ? await freshPostgres() : undefined;
    if (pgDb) drop = pgDb.drop;
    const shared = pgDb && (await openPostgres({ url: pgDb.url, poolSize: 4 }));
    // Renders wait a minute, so the only writes while clicks run are the clicks'.
    rig = await slackRig({ dbPath, core: { shared, pollUpdateIntervalMs: 60_000 } });
    probe = pgDb ? await postgresProbe(pgDb.url) : sqliteProbe(dbPath);
  });
  afterAll(async () => {
    await probe?.close();
    await rig?.close();
    await drop();
    tmp.cleanup();
  });

  async function openPoll(channel: string) {
    // The reply to the command comes once the poll is posted and its message stored: no write is left over.
    const url = rig.fake.responseUrl();
    await rig.send.command('poll', { responseUrl: url, channel });
    await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    const post = rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === channel && c.result)!;
    const go = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+:0/)![0];
    const click = (user: string) =>
      rig.send.action(go, { user, channel, messageTs: String(post.result!.ts), responseUrl: rig.fake.responseUrl() });
    return { pollId: go.split(':')[3]!, click };
  }
  const votesOf = (pollId: string) => probe.count(`SELECT count(*) AS n FROM votes WHERE poll_id = '${pollId}'`);
  const keys = () => probe.count('SELECT count(*) AS n FROM request_signatures');

  it('ten clicks one after another are ten commits, each storing the key and the vote', async () => {
    const poll = await openPoll('CKEY1');
    const keysBefore = await keys();
    const commits = await probe.commitsDuring(async () => {
      for (let i = 0; i < 10; i++) expect((await poll.click(`UK${i}`)).status).toBe(200);
    });
    expect(commits).toBe(10);
    expect(await votesOf(poll.pollId)).toBe(10);
    expect((await keys()) - keysBefore).toBe(10);
  });

  it('a replayed vote click is refused with 401 and changes nothing', async () => {
    const poll = await openPoll('CKEY2');
    expect((await poll.click('UREPLAY')).status).toBe(200);
    expect((await rig.send.replayLast()).status).toBe(401);
    await rig.adapter.idle();
    expect(await votesOf(poll.pollId)).toBe(1);
  });

  it("a click whose vote fails leaves no key behind, so Slack's retry of the same request is served", async () => {
    const poll = await openPoll('CKEY3');
    const keysBefore = await keys();
    await probe.exec(FAIL_VOTES[backend]);
    try {
      expect((await poll.click('URETRY')).status).toBe(200);
      await rig.adapter.idle();
    } finally {
      await probe.exec(`DROP TRIGGER fail_votes${backend === 'postgres' ? ' ON votes' : ''}`);
    }
    expect(await votesOf(poll.pollId)).toBe(0);
    expect(await keys()).toBe(keysBefore);
    expect((await rig.send.replayLast()).status).toBe(200);
    expect(await votesOf(poll.pollId)).toBe(1);
  });
});
