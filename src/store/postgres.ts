import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PostgresConfig } from '../config.js';
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from '../db/migrate-postgres.js';
import { loadMigrations } from '../db/migration-files.js';
import { isVersusError } from '../errors.js';
import { connectionError } from './postgres-errors.js';
import type { SharedSchema } from './schema.js';
import type { SharedDb } from './shared-db.js';

export interface OpenPostgresOptions {
  migrationsDir?: string;
  /** An idle pooled connection broke (server restart, network): the pool drops it and reconnects on demand. */
  onIdleError?: (e: Error) => void;
}

/**
 * Shared state on a PostgreSQL server: a pool of `poolSize` connections, migrated before it is returned.
 * Connection problems become a VersusError that says what to fix and never prints the password.
 */
export async function openPostgres(cfg: PostgresConfig, opts: OpenPostgresOptions = {}): Promise<SharedDb> {
  const migrations = loadMigrations(opts.migrationsDir ?? POSTGRES_MIGRATIONS_DIR);
  const pool = new pg.Pool({
    connectionString: cfg.url,
    max: cfg.poolSize,
    connectionTimeoutMillis: 10_000,
    types: PARSERS,
  });
  // An 'error' with no listener crashes the process. Idle connections report through the pool; a checked-out
  // one (migrating here, or inside a Kysely transaction) has none of pg-pool's, so each gets a no-op for
  // life: the query in flight, or the next, fails too, and that is what the caller sees.
  pool.on('error', (e) => opts.onIdleError?.(e));
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw connectionError(cfg.url, e);
    }
    let failed = false;
    try {
      await migratePostgres(client, migrations);
    } catch (e) {
      failed = true;
      // Lock, BEGIN or schema_migrations failing (lost connection, no CREATE right) is not a broken migration.
      throw isVersusError(e) ? e : connectionError(cfg.url, e);
    } finally {
      client.release(failed); // true: destroy it rather than pool a connection in an unknown state
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  const db = new Kysely<SharedSchema>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    backend: 'postgres',
    db,
    ping: async () => {
      await sql`SELECT 1`.execute(db);
    },
    // Kysely's destroy ends the pool; a second close waits for the first instead of ending it twice.
    close: () => {
      closed ??= db.destroy();
      return closed;
    },
  };
}

/**
 * int8 (OID 20: BIGINT columns, count(*), sum of integers) as a JS number rather than node-postgres's
 * default string, so rows match SharedSchema and the SQLite backend. Our BIGINTs are epoch milliseconds
 * and durations, far below 2^53. Per pool, not pg.types.setTypeParser, so no other pg user is affected.
 */
const INT8 = 20;
const PARSERS: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};
