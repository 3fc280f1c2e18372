// Where a vote storm lands: one bot on its SQLite file, or N replicas on one PostgreSQL server behind a
// round-robin load balancer (the test suite's proxy, with keep-alive as a real one has). Each bot is the
// compiled build in its own process, in Slack HTTP mode, talking to the fake Slack process.
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { type BotProcess, startBot } from '../test/helpers/bot-process.js';
import { pgRows } from '../test/helpers/postgres.js';
import { RoundRobinProxy } from '../test/helpers/replicas.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';

export interface StormTarget {
  label: string;
  /** Where Slack sends requests: the bot, or the load balancer in front of the replicas. */
  endpoint: string;
  bots: BotProcess[];
  poll(channel: string): Promise<{ id: string; message_id: string | null } | undefined>;
  votes(pollId: string): Promise<Map<string, number>>;
  close(): Promise<void>;
}

interface TargetOptions {
  dir: string;
  dist: string;
  env: Record<string, string>;
  nodeArgs?: string[] | undefined;
}

type VoteRow = { u: string; o: number };

export async function sqliteTarget(o: TargetOptions): Promise<StormTarget> {
  const dbPath = join(o.dir, 'versus.db');
  const bot = await startBot({ ...o.env, VERSUS_DB: dbPath }, 30_000, o.nodeArgs, o.dist);
  const read = <T>(sql: string, ...args: unknown[]): T[] => {
    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      return db.prepare(sql).all(...args) as T[];
    } finally {
      db.close();
    }
  };
  return {
    label: 'SQLite, 1 process',
    endpoint: bot.endpoint,
    bots: [bot],
    poll: async (channel) => read<{ id: string; message_id: string | null }>(POLL_SQL, channel)[0],
    votes: async (id) => new Map(read<VoteRow>(VOTES_SQL, id).map((v) => [v.u, v.o])),
    close: async () => {
      bot.child.kill('SIGTERM');
      await bot.exited;
    },
  };
}

export async function postgresTarget(o: TargetOptions & { replicas: number }): Promise<StormTarget> {
  const server = await startEmbeddedPostgres('versus-bench-pg');
  const bots: BotProcess[] = [];
  let proxy: RoundRobinProxy | undefined;
  const client = new pg.Client({ connectionString: server.adminUrl });
  const close = async () => {
    for (const b of bots) b.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.exited));
    await proxy?.close();
    await client.end().catch(() => {});
    await server.stop();
  };
  try {
    await client.connect();
    const env = (i: number) => ({ ...o.env, DATABASE_URL: server.adminUrl, VERSUS_DB: join(o.dir, `index-${i}.db`) });
    // The first replica migrates; the others start together on the ready schema, as a rollout would.
    bots.push(await startBot(env(0), 60_000, o.nodeArgs, o.dist));
    for (const b of await Promise.all(
      Array.from({ length: o.replicas - 1 }, (_, i) => startBot(env(i + 1), 60_000, o.nodeArgs, o.dist)),
    ))
      bots.push(b);
    proxy = await new RoundRobinProxy(
      bots.map((b) => b.port),
      { keepAlive: true },
    ).start();
  } catch (e) {
    await close();
    throw e;
  }
  const rows = <T>(sql: string, ...args: unknown[]) => pgRows<T>(client, sql, args);
  return {
    label: `PostgreSQL, ${o.replicas} replicas behind a round-robin balancer`,
    endpoint: `${proxy.url}/slack/events`,
    bots,
    poll: async (channel) => (await rows<{ id: string; message_id: string | null }>(POLL_SQL, channel))[0],
    votes: async (id) => new Map((await rows<VoteRow>(VOTES_SQL, id)).map((v) => [v.u, v.o])),
    close,
  };
}

const POLL_SQL = 'SELECT id, message_id FROM polls WHERE channel_id = ?';
const VOTES_SQL = 'SELECT user_id AS u, option_idx AS o FROM votes WHERE poll_id = ?';
