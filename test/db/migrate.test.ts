import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { MIGRATIONS_DIR, openDatabase } from '../../src/db/open.js';
import { isVersusError } from '../../src/errors.js';
import { tempDir } from '../helpers/core.js';

describe('database migrations', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const temp = () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };

  it('applies every migration in order, records it, and uses WAL for a file database', () => {
    const path = join(temp(), 'v.db');
    const db = openDatabase(path);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
    }[];
    expect(rows.map((r) => r.version)).toEqual(loadMigrations(MIGRATIONS_DIR).map((m) => m.version));
    expect(rows[0]).toEqual({ version: 1, name: 'init' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies nothing twice when reopened', () => {
    const path = join(temp(), 'v.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    const n = (db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n;
    expect(n).toBe(loadMigrations(MIGRATIONS_DIR).length);
    db.close();
  });

  it('refuses a database written by a newer Versus with a message that says what to do', () => {
    const path = join(temp(), 'v.db');
    openDatabase(path).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run();
    raw.close();
    try {
      openDatabase(path);
      expect.unreachable('opening a newer database must fail');
    } catch (e) {
      expect(isVersusError(e, 'db_newer_schema')).toBe(true);
      expect((e as Error).message).toMatch(/schema version 999.*upgrade Versus/s);
    }
  });

  it('rolls back a failing migration completely and names it', () => {
    const dir = temp();
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', '001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, 'm', '002_broken.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);');
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, loadMigrations(join(dir, 'm')))).toThrow(/002_broken\.sql failed/);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    expect((db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(1);
  });

  it('rejects a gap in migration numbers', () => {
    const dir = temp();
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
  });
});
