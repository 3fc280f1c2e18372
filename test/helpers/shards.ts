import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pgRows } from './postgres.js';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The shared state of the shard test. With a DATABASE_URL (the test passes a freshPostgres() one) the shards
 * share PostgreSQL and VERSUS_DB only holds the knowledge index; without, one SQLite file holds both.
 */
export interface SharedDb {
  /** Environment for the bot processes. */
  env: Record<string, string>;
  /** A statement with `?` placeholders, run on the shared state (the test's own reads and set-ups). */
  all<T>(sql: string, ...args: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function sharedDatabase(dir: string, databaseUrl?: string): Promise<SharedDb> {
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    return {
      // ShardingManager forks every shard with the manager's environment: `{shard}` gives each shard its own
      // knowledge index file; shared state is in PostgreSQL.
      env: { DATABASE_URL: databaseUrl, VERSUS_DB: join(dir, 'index-{shard}.db') },
      all: <T>(sql: string, ...args: unknown[]) => pgRows<T>(pool, sql, args),
      close: () => pool.end(),
    };
  }
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const path = join(dir, 'shared.db');
  return {
    env: { VERSUS_DB: path },
    all: async <T>(sql: string, ...args: unknown[]) => {
      const db = new BetterSqlite3(path);
      db.pragma('busy_timeout = 5000'); // the shards write to it at the same time
      try {
        const stmt = db.prepare(sql);
        if (stmt.reader) return stmt.all(...args) as T[];
        stmt.run(...args);
        return [];
      } finally {
        db.close();
      }
    },
    close: async () => undefined,
  };
}

export interface LogLine {
  msg: string;
  shard?: number;
  [key: string]: unknown;
}

export interface ShardedBot {
  child: ChildProcessWithoutNullStreams;
  /** JSON log lines of the manager and of every shard (the shards inherit its stdout). */
  lines: LogLine[];
  /** Everything printed, for failure messages. */
  text(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first line matching, re-checked on every new line; rejects at the deadline. */
  waitForLine(match: (l: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** pids of the shard processes the manager started (from its "shard process started" lines). */
  shardPids(): number[];
  /** SIGKILL to the manager and every shard still running (cleanup after a failure). */
  kill(): void;
}

/** Runs `src/main.ts` (through tsx) with the given environment: with DISCORD_SHARDS, the shard manager. */
export function startShardedBot(env: Record<string, string>): ShardedBot {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(SLACK_|DISCORD_|SHARD)/.test(k) && k !== 'DATABASE_URL' && k !== 'VERSUS_DB',
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...clean, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  const onLine = (line: string) => {
    raw.push(line);
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // not a log line (a stack trace on stderr): kept in raw only
    }
    for (const w of waiters) w();
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const shardPids = () => lines.filter((l) => l.msg === 'discord: shard process started').map((l) => l.pid as number);
  return {
    child,
    lines,
    exited,
    shardPids,
    text: () => raw.join('\n'),
    waitForLine(match, what, timeoutMs = 60_000) {
      return new Promise((resolveLine, reject) => {
        const check = () => {
          const found = lines.find(match);
          if (!found) return;
          done();
          resolveLine(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no log line for ${what} within ${timeoutMs} ms:\n${raw.join('\n')}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    kill() {
      for (const pid of [child.pid, ...shardPids()]) {
        try {
          if (pid) process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

/** A process is gone once /proc has no entry for it, or only a zombie waiting to be reaped. */
export function processGone(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return / Z /.test(readFileSync(stat, 'utf8').replace(/^.*\)/, ')'));
  } catch {
    return true;
  }
}

/** Polls `check` every 50 ms until it holds; rejects after `timeoutMs` naming what was awaited. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
