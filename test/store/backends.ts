import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { openPostgres } from '../../src/store/postgres.js';
import type { SharedSchema } from '../../src/store/schema.js';
import { type SharedDb, sqliteShared } from '../../src/store/shared-db.js';
import { tempDir } from '../helpers/core.js';
import { type FreshPostgres, freshPostgres } from '../helpers/postgres.js';

/** A migrated shared store with no rows, and more handles on the same database as other replicas would hold. */
export interface Opened {
  shared: SharedDb;
  /**
   * `n` handles on the same database. PostgreSQL: `n` separate pools, as `n` replicas would have. SQLite: the
   * one handle `n` times — in one process its single connection serialises everything (true parallelism
   * would take separate processes), so concurrent promises on it are what the contract can check.
   */
  replicas(n: number): Promise<SharedDb[]>;
}

/**
 * One backend of the contract. `useStore` gives each test an empty store: SQLite a new file per test (cheap);
 * PostgreSQL one database per describe block, emptied before each test (creating and dropping
 * a database per test took most of the suite's time).
 */
export interface ContractBackend {
  name: 'sqlite' | 'postgres';
  /** Before the block's tests. */
  setUp(): Promise<void>;
  /** Before each test: an empty store. */
  fresh(): Promise<Opened>;
  /** After each test. */
  done(): Promise<void>;
  /** After the block's tests. */
  tearDown(): Promise<void>;
}

function sqlite(): ContractBackend {
  let cleanup: (() => Promise<void>) | undefined;
  return {
    name: 'sqlite',
    setUp: async () => {},
    fresh: async () => {
      // A file rather than ':memory:': WAL, busy timeout and locking as in production.
      const tmp = tempDir('versus-contract-');
      const database = openDatabase(join(tmp.dir, 'versus.db'));
      const shared = sqliteShared(database);
      cleanup = async () => {
        await shared.close();
        database.close();
        tmp.cleanup();
      };
      return { shared, replicas: async (n) => Array.from({ length: n }, () => shared) };
    },
    done: async () => {
      await cleanup?.();
      cleanup = undefined;
    },
    tearDown: async () => {},
  };
}

/** Every shared table, children before the tables their foreign keys point at. */
const EMPTY_ORDER: (keyof SharedSchema)[] = [
  'votes',
  'poll_options',
  'polls',
  'schedules',
  'motions_used',
  'matrix_answers',
  'matrix_skips',
  'matrix_sessions',
  'answer_feedback',
  'answer_log',
  'threads',
  'deliveries',
  'reply_contexts',
  'reply_pages',
  'request_signatures',
  'channel_settings',
  'render_leases',
  'matrix_weights',
  'decision_records',
  'team_sources',
  'slack_channels',
  'slack_org_workspaces',
  'slack_installations',
];

function postgres(): ContractBackend {
  let database: FreshPostgres | undefined;
  const pools: SharedDb[] = [];
  const pool = async (i: number) => {
    pools[i] ??= await openPostgres({ url: database!.url, poolSize: 4 });
    return pools[i];
  };
  return {
    name: 'postgres',
    setUp: async () => {
      database = await freshPostgres();
      // A table added by a later migration must join EMPTY_ORDER, or its rows would leak from test to test.
      const { rows } = await sql<{ name: string }>`
        SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
      `.execute((await pool(0)).db);
      const missing = rows.map((r) => r.name).filter((t) => !(EMPTY_ORDER as string[]).includes(t));
      if (missing.length > 0) throw new Error(`test/store/backends.ts: add ${missing.join(', ')} to EMPTY_ORDER`);
    },
    fresh: async () => {
      const shared = await pool(0);
      // DELETE, not TRUNCATE: on these few rows it is much cheaper (TRUNCATE makes and syncs new files).
      for (const table of EMPTY_ORDER) await shared.db.deleteFrom(table).execute();
      return {
        shared,
        replicas: (n) => Promise.all(Array.from({ length: n }, (_, i) => pool(i))),
      };
    },
    done: async () => {},
    tearDown: async () => {
      for (const p of pools.splice(0)) await p.close();
      await database?.drop();
    },
  };
}

/** Both backends, for `describe.each(BACKENDS)`; each call of a factory is independent state. */
export const BACKENDS = [
  { name: 'sqlite', make: sqlite },
  { name: 'postgres', make: postgres },
] as const;

/** An empty store for each test of the enclosing describe block; read `current()` inside the test. */
export function useStore(kind: (typeof BACKENDS)[number]): () => Opened {
  const backend = kind.make();
  let opened: Opened | undefined;
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());
  beforeEach(async () => {
    opened = await backend.fresh();
  });
  afterEach(async () => {
    opened = undefined;
    await backend.done();
  });
  return () => {
    if (!opened) throw new Error('no store open: call inside a test');
    return opened;
  };
}
