import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VersusError } from '../errors.js';

/** One `NNN_name.sql` file; the SQLite and PostgreSQL runners read the same layout from their own folders. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** `001_init.sql`: how messages name a migration, as the operator sees it on disk. */
export function migrationFile(mig: Pick<Migration, 'version' | 'name'>): string {
  return `${String(mig.version).padStart(3, '0')}_${mig.name}.sql`;
}

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
        `Migrations must be numbered 001, 002, … without gaps; found ${migrationFile(mig)} at position ${i + 1} in ${dir}`,
      );
    }
  });
  return migrations;
}
