import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Config } from './config.js';
import { loadMigrations } from './db/migrate.js';
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

/** `versus doctor`: each check on its own line, exit 0 only when all pass. */
export function runDoctor(config: Config, print: (s: string) => void): number {
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
  for (const c of checks) print(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}
