import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<SharedSchema>({ dialect: new SqliteDialect({ database }) });
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
