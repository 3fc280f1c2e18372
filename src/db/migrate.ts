import type { Database } from 'better-sqlite3';
import { VersusError } from '../errors.js';
import { type Migration, migrationFile } from './migration-files.js';

export { loadMigrations, type Migration } from './migration-files.js';

/**
 * Applies pending migrations, each in its own transaction, recorded in `schema_migrations`.
 * A database written by a newer Versus (a version we do not know) is refused rather than guessed at.
 */
export function migrate(db: Database, migrations: Migration[]): { applied: number[]; version: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const current = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new VersusError(
      'db_newer_schema',
      `This database has schema version ${current}, but this Versus only knows up to ${latest}. It was written by a newer Versus: upgrade Versus, or point VERSUS_DB at another file.`,
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const mig of migrations.filter((m) => m.version > current)) {
    try {
      db.transaction(() => {
        db.exec(mig.sql);
        record.run(mig.version, mig.name, new Date().toISOString());
      }).immediate();
    } catch (cause) {
      throw new VersusError(
        'db_migration_failed',
        `Migration ${migrationFile(mig)} failed: ${(cause as Error).message}`,
        { cause },
      );
    }
    applied.push(mig.version);
  }
  return { applied, version: Math.max(current, latest) };
}
