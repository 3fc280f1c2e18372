import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { POSTGRES_MIGRATIONS_DIR } from '../../src/db/migrate-postgres.js';
import { loadMigrations } from '../../src/db/migration-files.js';
import { openPostgres } from '../../src/store/postgres.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';
import { type FreshPostgres, freshPostgres } from '../helpers/postgres.js';
import { freePort } from '../support/free-port.js';

/** `versus doctor` and `versus backup` as an operator runs them, with DATABASE_URL on a real PostgreSQL server. */
const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/versus.js');
const exec = promisify(execFile);
const tmp = tempDir();
const LATEST = loadMigrations(POSTGRES_MIGRATIONS_DIR).at(-1)!.version;
/** A password no other part of the output could contain by chance. */
const PASSWORD = 'Pw-9f3kQz7x';

const base: NodeJS.ProcessEnv = {
  ...process.env,
  VERSUS_DB: join(tmp.dir, 'ops.db'),
  KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
  LOG_LEVEL: 'warn',
};
for (const k of Object.keys(base))
  if (k.startsWith('SLACK_') || k.startsWith('DISCORD_') || k === 'DATABASE_URL') delete base[k];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function versus(args: string[], databaseUrl: string): Promise<Run> {
  try {
    const r = await exec(process.execPath, [BIN, ...args], { env: { ...base, DATABASE_URL: databaseUrl } });
    return { code: 0, ...r };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function asAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('versus doctor and backup with DATABASE_URL (real PostgreSQL, real process)', () => {
  let database: FreshPostgres;
  /** The fresh database, reached as its own role with PASSWORD, so the output can be searched for it. */
  let url: string;
  const role = `versus_ops_${process.pid}_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await freshPostgres();
    const name = new URL(database.url).pathname.slice(1);
    await asAdmin(`CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}'`);
    await asAdmin(`ALTER DATABASE ${name} OWNER TO ${role}`);
    const u = new URL(database.url);
    u.username = role;
    u.password = PASSWORD;
    url = u.toString();
    // The SQLite side (knowledge index) exists and is current, so only the PostgreSQL lines can fail.
    expect((await versus(['index'], url)).code).toBe(0);
  });

  afterAll(async () => {
    await database?.drop();
    await asAdmin(`DROP ROLE IF EXISTS ${role}`);
    tmp.cleanup();
  });

  it('before the first start: connection ✓, migrations ✗ saying to start the bot once', async () => {
    const r = await versus(['doctor'], url);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^✓ postgresql: postgres://${role}@127\\.0\\.0\\.1:\\d+/\\w+, PostgreSQL \\d+[.\\d]*.*, pool 10$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(
      new RegExp(`^✗ postgresql migrations: schema 0, this Versus has ${LATEST}: start the bot once to migrate$`, 'm'),
    );
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('after openPostgres migrated the schema: ✓ postgresql and ✓ migrations at the latest version, exit 0', async () => {
    const shared = await openPostgres({ url, poolSize: 2 });
    await shared.close();
    const r = await versus(['doctor'], url);
    expect(r.stdout).toMatch(/^✓ postgresql: .*PostgreSQL \d+/m);
    expect(r.stdout).toMatch(new RegExp(`^✓ postgresql migrations: schema version ${LATEST}$`, 'm'));
    expect(r.stdout).not.toMatch(/^✗/m);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it('a closed port: ✗ postgresql naming the target and what to check, never the password', async () => {
    const port = await freePort();
    const r = await versus(['doctor'], `postgres://versus:${PASSWORD}@127.0.0.1:${port}/versus`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^✗ postgresql: Cannot use PostgreSQL at postgres://versus@127\\.0\\.0\\.1:${port}/versus: ` +
          'the server cannot be reached: is PostgreSQL running, and are the host and port in DATABASE_URL right\\?',
        'm',
      ),
    );
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a result, not a crash
  });

  it('backup copies the SQLite file and says to pg_dump the shared state, without printing the URL', async () => {
    const file = join(tmp.dir, 'backup.db');
    const r = await versus(['backup', file], url);
    expect(r.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).toMatch(/^backed up .*ops\.db to .*backup\.db \(\d+ pages\)$/m);
    expect(r.stdout).toContain('pg_dump --format=custom --file versus.dump "$DATABASE_URL"');
    expect(r.stdout).toContain('pg_restore');
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });
});
