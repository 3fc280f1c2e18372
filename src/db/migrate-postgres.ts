import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientBase } from 'pg';
import { VersusError } from '../errors.js';
import { type Migration, migrationFile } from './migration-files.js';

/** Beside the SQLite migrations (src/db/open.ts MIGRATIONS_DIR), in both the checkout and the build. */
export const POSTGRES_MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations/postgres');

/**
 * Advisory lock key every Versus replica takes while migrating (an arbitrary constant, 'VRSS' in ASCII):
 * replicas that start together queue on it, so one applies each migration and the rest find it recorded.
 */
const MIGRATION_LOCK = 0x5652_5353;

/**
 * Applies pending PostgreSQL migrations with the same rules as the SQLite runner (src/db/migrate.ts): in
 * order, each in its own transaction, recorded in `schema_migrations`, and a database written by a newer
 * Versus refused. Each step takes a transaction-scoped advisory lock and re-reads the version under it,
 * so the lock is released by COMMIT or ROLLBACK even if this process dies mid-way.
 */
export async function migratePostgres(
  client: ClientBase,
  migrations: Migration[],
): Promise<{ applied: number[]; version: number }> {
  const latest = migrations.at(-1)?.version ?? 0;
  const applied: number[] = [];
  for (;;) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const current = await currentVersion(client);
      if (current > latest) throw newerSchema(current, latest);
      const next = migrations.find((m) => m.version === current + 1);
      if (!next) {
        await client.query('COMMIT');
        return { applied, version: current };
      }
      await apply(client, next);
      await client.query('COMMIT');
      applied.push(next.version);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    }
  }
}

async function currentVersion(client: ClientBase): Promise<number> {
  // Under the lock, so two replicas never race to create it.
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const { rows } = await client.query<{ v: number }>(
    'SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations',
  );
  return rows[0]?.v ?? 0;
}

async function apply(client: ClientBase, mig: Migration): Promise<void> {
  try {
    // No parameters: the simple query protocol, so a file may hold many statements.
    await client.query(mig.sql);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
      mig.version,
      mig.name,
      new Date().toISOString(),
    ]);
  } catch (cause) {
    throw new VersusError(
      'db_migration_failed',
      `PostgreSQL migration ${migrationFile(mig)} failed: ${(cause as Error).message}`,
      { cause },
    );
  }
}

function newerSchema(current: number, latest: number): VersusError {
  return new VersusError(
    'db_newer_schema',
    `This PostgreSQL database has schema version ${current}, but this Versus only knows up to ${latest}. It was written by a newer Versus: upgrade Versus, or point DATABASE_URL at another database.`,
  );
}
