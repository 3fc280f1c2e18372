import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { loadMigrations, migrate } from './migrate.js';

export type { Database };

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface OpenOptions {
  migrationsDir?: string;
  readonly?: boolean;
}

/** Opens (creating folders as needed) and migrates the database. WAL so readers never block the writer. */
export function openDatabase(path: string, opts: OpenOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new BetterSqlite3(path, { readonly: opts.readonly ?? false });
  try {
    if (path !== ':memory:' && !opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Several processes may share the file (see README, Scale): wait for a lock instead of failing at once.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    if (!opts.readonly) migrate(db, loadMigrations(opts.migrationsDir ?? MIGRATIONS_DIR));
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
