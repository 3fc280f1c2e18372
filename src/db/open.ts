import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { VersusError } from '../errors.js';
import { loadMigrations, migrate } from './migrate.js';

export type { Database };

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface OpenOptions {
  migrationsDir?: string;
  readonly?: boolean;
}

/** Opens (creating folders as needed) and migrates the database. WAL so readers never block the writer. */
export function openDatabase(path: string, opts: OpenOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path, { readonly: opts.readonly ?? false });
    // A damaged file can open fine and fail on the first page read: find out now, not mid-request.
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    if (path !== ':memory:' && !opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Several processes may share the file (see README, Scale): wait for a lock instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    if (!opts.readonly) migrate(db, loadMigrations(opts.migrationsDir ?? MIGRATIONS_DIR));
  } catch (e) {
    db?.close();
    throw corruptionError(path, e) ?? e;
  }
  return db;
}

/** SQLite's words for a damaged or foreign file, turned into one message that says what to do. */
export function corruptionError(path: string, e: unknown): VersusError | undefined {
  const code = (e as { code?: string }).code ?? '';
  if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return undefined;
  const file = resolve(path);
  return new VersusError(
    'db_corrupt',
    `The database file ${file} is damaged (${(e as Error).message}). Stop Versus, then either restore your last backup over it (made with \`versus backup <file>\`: cp <backup> ${file}) or move it aside to start with an empty database (polls, votes and schedules are lost; the knowledge index is rebuilt). \`versus doctor\` checks a database file.`,
    { cause: e },
  );
}
