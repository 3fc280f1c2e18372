import { Kysely, SqliteDialect, type SqliteDialectConfig } from 'kysely';
import type { Database } from '../db/open.js';
import type { SharedSchema } from './schema.js';

export type Backend = 'sqlite' | 'postgres';

/**
 * Where the shared state lives: the one SQLite file (the default; one host, several processes at most)
 * or a PostgreSQL server (several replicas on several hosts). Stores get this and write one query for both.
 */
export interface SharedDb {
  readonly backend: Backend;
  readonly db: Kysely<SharedSchema>;
  /** A round trip to the database: readiness probes and `versus doctor`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The shared state in the same SQLite file as the knowledge index, through the same connection (its
 * migrations are in migrations/, applied by openDatabase). Kysely runs better-sqlite3's synchronous calls
 * one at a time; a transaction here only awaits its own statements, so no timer or socket callback (the
 * indexer, say) can run inside it.
 */
export function sqliteShared(database: Database): SharedDb {
  const db = new Kysely<SharedSchema>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) });
  return {
    backend: 'sqlite',
    db,
    ping: async () => {
      database.prepare('SELECT 1').get();
    },
    // The connection belongs to the core (the knowledge index uses it too), which closes it.
    close: async () => {},
  };
}

/** Distinct SQL texts kept prepared; values are always parameters, so the set is small and fixed. */
const STATEMENTS_KEPT = 500;

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running most of ours. The
 * same SQL text gets the same prepared statement back (better-sqlite3 statements are reusable).
 */
function reusingStatements(database: Database): SqliteDialectConfig['database'] {
  const kept = new Map<string, ReturnType<Database['prepare']>>();
  return {
    close: () => {}, // the core owns and closes the connection
    prepare: (sql: string) => {
      let stmt = kept.get(sql);
      if (!stmt) {
        if (kept.size >= STATEMENTS_KEPT) kept.clear();
        stmt = database.prepare(sql);
        kept.set(sql, stmt);
      }
      return stmt;
    },
  } as SqliteDialectConfig['database'];
}
