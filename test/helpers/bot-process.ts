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
      env: { ...clean, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...user,
    },
  ) as ChildProcessWithoutNullStreams;
  const logs: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bot did not start within ${timeoutMs} ms:\n${logs.join('')}`)),
      timeoutMs,
    );
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
