import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { openPostgres } from '../../src/store/postgres.js';
import { type SharedDb, sqliteShared } from '../../src/store/shared-db.js';
import { tempDir } from '../helpers/core.js';
import { freshPostgres } from '../helpers/postgres.js';

/** One fresh, migrated shared store, and more handles on the same database as other replicas would hold. */
export interface Opened {
  shared: SharedDb;
  /**
   * `n` handles on the same database. PostgreSQL: `n` separate pools, as `n` replicas would have. SQLite: the
   * one handle `n` times — in one process its single connection serialises everything (true parallelism
   * would take separate processes), so concurrent promises on it are what the contract can check.
   */
  replicas(n: number): Promise<SharedDb[]>;
  close(): Promise<void>;
}

export interface ContractBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<Opened>;
}

const sqlite: ContractBackend = {
  name: 'sqlite',
  open: async () => {
    // A file rather than ':memory:': WAL, busy timeout and locking as in production.
    const tmp = tempDir('versus-contract-');
    const database = openDatabase(join(tmp.dir, 'versus.db'));
    const shared = sqliteShared(database);
    return {
      shared,
      replicas: async (n) => Array.from({ length: n }, () => shared),
      close: async () => {
        await shared.close();
        database.close();
        tmp.cleanup();
      },
    };
  },
};

const postgres: ContractBackend = {
  name: 'postgres',
  open: async () => {
    const fresh = await freshPostgres();
    const pools: SharedDb[] = [];
    const pool = async () => {
      const p = await openPostgres({ url: fresh.url, poolSize: 4 });
      pools.push(p);
      return p;
    };
    const shared = await pool();
    return {
      shared,
      replicas: async (n) => [shared, ...(await Promise.all(Array.from({ length: n - 1 }, pool)))],
      close: async () => {
        for (const p of pools) await p.close();
        await fresh.drop();
      },
    };
  },
};

export const BACKENDS: ContractBackend[] = [sqlite, postgres];

/** A fresh store per test on `backend`; read `current()` inside the test. */
export function useStore(backend: ContractBackend): () => Opened {
  let opened: Opened | undefined;
  beforeEach(async () => {
    opened = await backend.open();
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  return () => {
    if (!opened) throw new Error('no store open: call inside a test');
    return opened;
  };
}
