import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres } from '../../src/store/postgres.js';
import type { SharedDb } from '../../src/store/shared-db.js';
import { tempDir } from './core.js';

export interface FreshPostgres {
  /** URL of a new, empty database only this caller uses. */
  url: string;
  /** Drops it, closing any connections a test left open. */
  drop(): Promise<void>;
}

/**
 * A new database on the run's PostgreSQL server (test/support/postgres-global.ts), uniquely named so test
 * files running in parallel never share state. Call drop() in afterEach/afterAll.
 */
export async function freshPostgres(): Promise<FreshPostgres> {
  const admin = inject('postgresAdminUrl');
  const name = `versus_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await asAdmin(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await asAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function asAdmin(admin: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Rows of SQL written with SQLite's `?` placeholders, run on PostgreSQL (node-postgres numbers them $1, $2…),
 * so a test's SQL reads the same on both backends. Counts come back as strings there: Number() them.
 */
export async function pgRows<T>(db: Pick<pg.Pool, 'query'>, sql: string, args: unknown[]): Promise<T[]> {
  let n = 0;
  return (
    await db.query(
      sql.replace(/\?/g, () => `$${++n}`),
      args,
    )
  ).rows as T[];
}

/**
 * The core's shared state for a test, for `describe.each`: SQLite (`shared` undefined: the core's own
 * file) or a fresh PostgreSQL database, dropped by `drop()`.
 */
export interface SharedBackend {
  name: string;
  open(): Promise<{ shared?: SharedDb; drop(): Promise<void> }>;
}
export const SHARED_BACKENDS: SharedBackend[] = [
  { name: 'SQLite', open: async () => ({ drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await freshPostgres();
      return { shared: await openPostgres({ url: db.url, poolSize: 4 }), drop: db.drop };
    },
  },
];

/**
 * Shared state several cores open one after another or side by side (a restart, two processes), for
 * `describe.each`: `options()` gives each core its slackRig/createCore options — one SQLite file, or its own
 * pool on one PostgreSQL database (each core then keeps its knowledge index in memory).
 */
export const REOPENABLE_BACKENDS = [
  {
    name: 'SQLite',
    async open() {
      const tmp = tempDir();
      return { options: async () => ({ dbPath: join(tmp.dir, 'versus.db') }), drop: async () => tmp.cleanup() };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const db = await freshPostgres();
      const options = async () => ({ core: { shared: await openPostgres({ url: db.url, poolSize: 2 }) } });
      return { options, drop: db.drop };
    },
  },
];
