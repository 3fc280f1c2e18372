import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from '../../src/db/migrate-postgres.js';
import { loadMigrations } from '../../src/db/migration-files.js';
import { openDatabase } from '../../src/db/open.js';
import { isVersusError } from '../../src/errors.js';
import { openPostgres } from '../../src/store/postgres.js';
import { tempDir } from '../helpers/core.js';
import { type FreshPostgres, freshPostgres } from '../helpers/postgres.js';

/** The knowledge index stays in SQLite; everything else in the SQLite file is shared state. */
const KNOWLEDGE_TABLES = ['meta', 'documents', 'claims', 'claim_topics', 'figures', 'schema_migrations'];

describe('PostgreSQL migrations', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const fresh = async (): Promise<FreshPostgres> => {
    const d = await freshPostgres();
    cleanups.push(d.drop);
    return d;
  };
  const query = async <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  };
  const open = async (url: string, migrationsDir?: string) => {
    const shared = await openPostgres({ url, poolSize: 2 }, migrationsDir ? { migrationsDir } : {});
    cleanups.push(() => shared.close());
    return shared;
  };
  const recorded = (url: string) =>
    query<{ version: number; name: string }>(url, 'SELECT version, name FROM schema_migrations ORDER BY version');

  it('applies every migration in order and records each one', async () => {
    const { url } = await fresh();
    await open(url);
    const expected = loadMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => ({ version: m.version, name: m.name }));
    expect(await recorded(url)).toEqual(expected);
    expect(expected[0]).toEqual({ version: 1, name: 'shared_state' });
  });

  it('applies nothing when a migrated database is opened again', async () => {
    const { url } = await fresh();
    await open(url);
    const before = await recorded(url);
    await open(url);
    expect(await recorded(url)).toEqual(before);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const again = await migratePostgres(client, loadMigrations(POSTGRES_MIGRATIONS_DIR)).finally(() => client.end());
    expect(again).toEqual({ applied: [], version: before.length });
  });

  it('refuses a database written by a newer Versus and says to upgrade or change DATABASE_URL', async () => {
    const { url } = await fresh();
    await open(url);
    await query(url, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')");
    const error = await openPostgres({ url, poolSize: 1 }).then(
      () => expect.unreachable('a newer database must be refused'),
      (e: unknown) => e,
    );
    expect(isVersusError(error, 'db_newer_schema')).toBe(true);
    expect((error as Error).message).toMatch(/schema version 999.*upgrade Versus.*DATABASE_URL/s);
  });

  it('lets replicas that start together all open a fresh database, each migration applied once', async () => {
    const { url } = await fresh();
    // Slow extra migrations widen the window in which the replicas overlap.
    const dir = tempDir('versus-pgmig-');
    cleanups.push(dir.cleanup);
    const real = loadMigrations(POSTGRES_MIGRATIONS_DIR);
    for (const m of real) writeFileSync(join(dir.dir, `${String(m.version).padStart(3, '0')}_${m.name}.sql`), m.sql);
    const n = real.length;
    writeFileSync(join(dir.dir, `${String(n + 1).padStart(3, '0')}_slow_a.sql`), 'SELECT pg_sleep(0.2);');
    writeFileSync(join(dir.dir, `${String(n + 2).padStart(3, '0')}_slow_b.sql`), 'CREATE TABLE raced (x int);');
    const replicas = await Promise.all([open(url, dir.dir), open(url, dir.dir), open(url, dir.dir)]);
    for (const r of replicas) await r.ping();
    const rows = await recorded(url);
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: n + 2 }, (_, i) => i + 1));
  });

  it('rolls a failing migration back completely and names its file', async () => {
    const { url } = await fresh();
    const dir = tempDir('versus-pgmig-');
    cleanups.push(dir.cleanup);
    mkdirSync(join(dir.dir, 'm'));
    writeFileSync(join(dir.dir, 'm', '001_ok.sql'), 'CREATE TABLE a (x int);');
    writeFileSync(join(dir.dir, 'm', '002_broken.sql'), 'CREATE TABLE b (x int); INSERT INTO nope VALUES (1);');
    await expect(openPostgres({ url, poolSize: 1 }, { migrationsDir: join(dir.dir, 'm') })).rejects.toThrow(
      /002_broken\.sql failed/,
    );
    const tables = await query<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((r) => r.t).sort()).toEqual(['a', 'schema_migrations']);
    expect((await recorded(url)).map((r) => r.version)).toEqual([1]);
  });

  it('creates the same shared tables and columns, with the same nullability, as the SQLite migrations', async () => {
    const { url } = await fresh();
    await open(url);
    const pgColumns = await query<{ t: string; c: string; nullable: string }>(
      url,
      `SELECT table_name AS t, column_name AS c, is_nullable AS nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    const sqlite = openDatabase(':memory:');
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
      .map((r) => r.name)
      .filter((t) => !KNOWLEDGE_TABLES.includes(t) && !t.startsWith('claims_fts') && !t.startsWith('sqlite_'));
    const sqliteColumns = tables.flatMap((t) =>
      (sqlite.pragma(`table_info(${t})`) as { name: string; notnull: number; pk: number }[]).map((c) => ({
        t,
        c: c.name,
        // SQLite lets a non-integer PRIMARY KEY column hold NULL unless NOT NULL; PostgreSQL never does.
        nullable: c.notnull || c.pk ? 'NO' : 'YES',
      })),
    );
    sqlite.close();
    const key = (x: { t: string; c: string; nullable: string }) => `${x.t}.${x.c} ${x.nullable}`;
    expect(pgColumns.map(key).sort()).toEqual(sqliteColumns.map(key).sort());
  });
});
