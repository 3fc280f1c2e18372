import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { VersusError } from '../errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in version order; a gap or duplicate version is a packaging bug, so fail loudly. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, m: FILE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({ version: Number(m[1]), name: m[2] ?? file, sql: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((mig, i) => {
    if (mig.version !== i + 1) {
      throw new VersusError(
        'db_migration_failed',
        `Migrations must be numbered 001, 002, … without gaps; found ${String(mig.version).padStart(3, '0')}_${mig.name}.sql at position ${i + 1} in ${dir}`,
      );
    }
  });
  return migrations;
}

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
        `Migration ${String(mig.version).padStart(3, '0')}_${mig.name}.sql failed: ${(cause as Error).message}`,
        { cause },
      );
    }
    applied.push(mig.version);
  }
  return { applied, version: Math.max(current, latest) };
}
