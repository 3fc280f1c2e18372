import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  /** The Slack HTTP port it listens on (PORT=0 picks a free one). */
  port: number;
  endpoint: string;
  logs: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resident set size in MB, from /proc. */
  rssMb(): number;
}

/**
 * Runs the real bot as its own process in Slack HTTP mode; resolves once it listens. By default from
 * source through tsx; `compiled` runs a `npm run build` output (main.js), as the Docker image does.
 */
export async function startBot(
  env: Record<string, string>,
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
  compiled?: string,
  /** Run as another OS user (tests that need permission errors cannot get them as root). */
  user?: { uid: number; gid: number },
): Promise<BotProcess> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && !k.startsWith('DISCORD_')),
  );
  const child = spawn(
    process.execPath,
    compiled
      ? [...nodeArgs, resolve(compiled, 'main.js')]
      : [...nodeArgs, '--import', 'tsx', resolve(ROOT, 'src/main.ts')],
    {
      cwd: ROOT,
      // One answer worker unless asked: the pool path, at half the start-up of one per core on a busy machine.
      env: { ...clean, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', VERSUS_ANSWER_WORKERS: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...user,
    },
  ) as ChildProcessWithoutNullStreams;
  const logs: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a bot that never listened must not outlive the test or bench that started it
      reject(new Error(`bot did not start within ${timeoutMs} ms:\n${logs.join('')}`));
    }, timeoutMs);
    const onLine = (line: string) => {
      logs.push(`${line}\n`);
      const m = /"port":(\d+).*slack: listening/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`bot exited (${code}) before listening:\n${logs.join('')}`));
    });
  });
  return {
    child,
    port,
    endpoint: `http://127.0.0.1:${port}/slack/events`,
    logs,
    exited,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
  };
}

/** A real bot process in Slack HTTP mode on a fresh database, a fake Slack, and a signed sender. */
export interface SlackBotRig {
  fake: import('../fakes/slack-fake.js').FakeSlack;
  bot: BotProcess;
  send: import('../fakes/slack-requests.js').SlackSender;
  dbPath: string;
  /** One row of a read-only query on the bot's database. */
  row<T>(sql: string, ...args: unknown[]): T;
  close(): Promise<void>;
}

export async function slackBotRig(
  secret: string,
  knowledgeDir: string,
  env: Record<string, string> = {},
): Promise<SlackBotRig> {
  const { FakeSlack } = await import('../fakes/slack-fake.js');
  const { SlackSender } = await import('../fakes/slack-requests.js');
  const { tempDir } = await import('./core.js');
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const tmp = tempDir('versus-bot-');
  const dbPath = resolve(tmp.dir, 'v.db');
  const fake = await new FakeSlack().start();
  const bot = await startBot({
    VERSUS_DB: dbPath,
    KNOWLEDGE_DIR: knowledgeDir,
    SLACK_BOT_TOKEN: 'xoxb-rig',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  return {
    fake,
    bot,
    dbPath,
    send: new SlackSender(bot.endpoint, secret),
    row<T>(sql: string, ...args: unknown[]): T {
      const db = new BetterSqlite3(dbPath, { readonly: true });
      try {
        return db.prepare(sql).get(...args) as T;
      } finally {
        db.close();
      }
    },
    async close() {
      bot.child.kill('SIGKILL');
      await bot.exited;
      await fake.close();
      tmp.cleanup();
    },
  };
}
