import { type Kysely, sql } from 'kysely';
import { BUSY_TIMEOUT_MS } from '../db/open.js';
import { VersusError } from '../errors.js';
import type { SharedSchema } from './schema.js';
import type { SharedDb } from './shared-db.js';

/** The handle a write transaction's statements run on. */
export type WriteTrx = Kysely<SharedSchema>;

/** Longest pause between two tries for SQLite's write lock. */
const MAX_LOCK_PAUSE_MS = 25;

/**
 * Runs `fn` in one transaction that commits, or rolls back when `fn` throws.
 *
 * PostgreSQL waits for row locks on its own socket. SQLite's driver is synchronous: a statement that meets
 * another process's write lock makes the whole event loop wait inside SQLite's busy handler (up to
 * BUSY_TIMEOUT_MS), so no timer fires and no request is acknowledged meanwhile. Here the lock is taken up
 * front (BEGIN IMMEDIATE) without waiting, and while another process holds it the tries are spaced by
 * timers: the event loop keeps running (acks, the click journal's deadline), and work that arrives in the
 * meantime joins the next transaction. It gives up after BUSY_TIMEOUT_MS, as a blocking wait would.
 */
export async function writeTransaction<T>(shared: SharedDb, fn: (trx: WriteTrx) => Promise<T>): Promise<T> {
  if (shared.backend === 'postgres') return shared.db.transaction().execute(fn);
  const gaveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_LOCK_PAUSE_MS)) {
    const done = await shared.db.connection().execute(async (conn) => {
      if (!(await beganImmediate(conn))) return undefined;
      try {
        const value = await fn(conn);
        await sql`commit`.execute(conn);
        return { value };
      } catch (e) {
        await sql`rollback`.execute(conn);
        throw e;
      }
    });
    if (done) return done.value;
    if (Date.now() >= gaveUpAt)
      throw new VersusError(
        'db_unreachable',
        `The SQLite file stayed locked by another process for ${BUSY_TIMEOUT_MS / 1000} s; check for a stuck \`versus\` command or backup.`,
      );
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** BEGIN IMMEDIATE without waiting: false when another connection holds the write lock. */
async function beganImmediate(conn: WriteTrx): Promise<boolean> {
  // The connection is ours until released (Kysely's mutex), and nothing awaits I/O in between, so the
  // zero timeout applies to this one statement only.
  await sql.raw('pragma busy_timeout = 0').execute(conn);
  try {
    await sql`begin immediate`.execute(conn);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw e;
  } finally {
    await sql.raw(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`).execute(conn);
  }
}
