import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Config, PostgresConfig } from './config.js';
import { loadMigrations } from './db/migrate.js';
import { POSTGRES_MIGRATIONS_DIR } from './db/migrate-postgres.js';
import type { Database } from './db/open.js';
import { MIGRATIONS_DIR, openDatabase } from './db/open.js';
import { indexKnowledge } from './knowledge/indexer.js';

/** SQLite's online backup: consistent even while the bot keeps writing. Returns the pages copied. */
export async function backupDatabase(db: Database, file: string): Promise<number> {
  const r = await db.backup(resolve(file));
  return r.totalPages;
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** What `versus backup` adds when shared state is on PostgreSQL: that part is backed up with PostgreSQL's tools. */
export const POSTGRES_BACKUP_HINT =
  'Polls, votes, schedules, walks and settings are on PostgreSQL (DATABASE_URL), not in that file: back them up with ' +
  'pg_dump --format=custom --file versus.dump "$DATABASE_URL" and restore with pg_restore --clean --dbname "$DATABASE_URL" versus.dump. ' +
  'The SQLite file then holds only the knowledge index, which is rebuilt from the knowledge folder at start.';

/** The PostgreSQL server in DATABASE_URL: reachable, and at the schema version this Versus expects. */
async function postgresChecks(cfg: PostgresConfig): Promise<Check[]> {
  const { default: pg } = await import('pg');
  const { connectionError, describeTarget } = await import('./store/postgres-errors.js');
  const client = new pg.Client({ connectionString: cfg.url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {}); // a broken socket fails the query in flight; that is reported below
  try {
    await client.connect();
  } catch (e) {
    return [{ name: 'postgresql', ok: false, detail: connectionError(cfg.url, e).message }];
  }
  try {
    const server =
      (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
    const table = (await client.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t"))
      .rows[0];
    const version = table?.t
      ? ((await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations'))
          .rows[0]?.v ?? 0)
      : 0;
    const latest = loadMigrations(POSTGRES_MIGRATIONS_DIR).at(-1)?.version ?? 0;
    return [
      {
        name: 'postgresql',
        ok: true,
        detail: `${describeTarget(cfg.url)}, PostgreSQL ${server}, pool ${cfg.poolSize}`,
      },
      {
        name: 'postgresql migrations',
        ok: version === latest,
        detail:
          version === latest
            ? `schema version ${version}`
            : version > latest
              ? `schema ${version} is newer than this Versus (${latest}): upgrade Versus`
              : `schema ${version}, this Versus has ${latest}: start the bot once to migrate`,
      },
    ];
  } catch (e) {
    return [{ name: 'postgresql', ok: false, detail: connectionError(cfg.url, e).message }];
  } finally {
    await client.end().catch(() => {});
  }
}

/** `versus doctor`: each check on its own line, exit 0 only when all pass. */
export async function runDoctor(config: Config, print: (s: string) => void): Promise<number> {
  const checks: Check[] = [];
  const adapters = [
    config.slack ? `Slack (${config.slack.appToken ? 'Socket Mode' : 'HTTP mode'})` : '',
    config.discord ? 'Discord' : '',
  ].filter(Boolean);
  checks.push({
    name: 'configuration',
    ok: true,
    detail: adapters.length ? `adapters: ${adapters.join(', ')}` : 'no chat credentials: npm start opens the console',
  });
  checks.push({ name: 'knowledge folder', ok: existsSync(config.knowledgeDir), detail: resolve(config.knowledgeDir) });
  if (!existsSync(config.dbPath)) {
    checks.push({
      name: 'database',
      ok: false,
      detail: `${config.dbPath} does not exist yet: run versus index or npm start`,
    });
  } else {
    const raw = new BetterSqlite3(config.dbPath, { readonly: true });
    try {
      const integrity = raw.pragma('integrity_check', { simple: true });
      checks.push({ name: 'database integrity', ok: integrity === 'ok', detail: String(integrity) });
      const version = (
        raw.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }
      ).v;
      const latest = loadMigrations(MIGRATIONS_DIR).at(-1)?.version ?? 0;
      checks.push({
        name: 'migrations',
        ok: version === latest,
        detail:
          version === latest
            ? `schema version ${version}`
            : `schema ${version}, this Versus has ${latest}: start the bot once to migrate`,
      });
    } catch (e) {
      const damaged = /^SQLITE_(CORRUPT|NOTADB)/.test((e as { code?: string }).code ?? '');
      checks.push({
        name: 'database',
        ok: false,
        detail: damaged
          ? `${(e as Error).message}: the file is damaged; restore your last backup (made with versus backup) over it, or move it aside to start empty`
          : (e as Error).message,
      });
    } finally {
      raw.close();
    }
    if (existsSync(config.knowledgeDir)) {
      // Index into a scratch copy of the schema to see what a re-index would change, without touching the real file.
      const probe = openDatabase(':memory:');
      try {
        const realDb = new BetterSqlite3(config.dbPath, { readonly: true });
        const rows = realDb.prepare('SELECT path, sha256 FROM documents').all() as { path: string; sha256: string }[];
        realDb.close();
        const report = indexKnowledge(probe, config.knowledgeDir);
        const now = new Map(
          (probe.prepare('SELECT path, sha256 FROM documents').all() as { path: string; sha256: string }[]).map((r) => [
            r.path,
            r.sha256,
          ]),
        );
        const stale = [...now].filter(([p, h]) => rows.find((r) => r.path === p)?.sha256 !== h).map(([p]) => p);
        const gone = rows.filter((r) => !now.has(r.path)).map((r) => r.path);
        const fresh = stale.length === 0 && gone.length === 0;
        checks.push({
          name: 'knowledge index',
          ok: fresh,
          detail: fresh
            ? `${report.claims} claims, up to date`
            : `stale: ${[...stale, ...gone].join(', ')} — run versus index`,
        });
      } catch (e) {
        checks.push({ name: 'knowledge index', ok: false, detail: (e as Error).message });
      } finally {
        probe.close();
      }
    }
  }
  if (config.postgres) checks.push(...(await postgresChecks(config.postgres)));
  for (const c of checks) print(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}
