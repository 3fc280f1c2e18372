// Start-up and CLI, each against `node -e ''` (the cost of starting Node at all) measured in the same run:
// `npm start` in Slack HTTP mode until it listens and its idle RSS, and `npx versus ask` cold (a new
// process on an already indexed database). Standalone: npx tsx bench/startup.ts [--quick]
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { FakeSlack } from '../test/fakes/slack-fake.js';
import { median, ms, parts, report } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const QUESTION = 'how much memory does a goroutine start with';

function wall(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  execFileSync(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - t;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** Spawns the bot, resolves with the time until it logs that Slack listens and its RSS after 2 s idle. */
async function startOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<[number, number]> {
  const t = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  try {
    const listening = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`${cmd} did not listen within 60 s`)), 60_000);
      createInterface({ input: child.stdout! }).on('line', (l) => {
        if (!/slack: listening/.test(l)) return;
        clearTimeout(timer);
        ok(performance.now() - t);
      });
      child.once('exit', (code) => fail(new Error(`${cmd} exited (${code}) before listening`)));
    });
    await new Promise((r) => setTimeout(r, 2000));
    // npm start is npm plus node: the bot is the node process whose parent chain leads to the child.
    const pids = execFileSync('pgrep', ['-g', String(child.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const bot = pids.map(Number).find((p) => /bin\/start\.js/.test(readFileSync(`/proc/${p}/cmdline`, 'utf8')));
    return [listening, rssMb(bot ?? child.pid!)];
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM'); // its own group: npm and the bot under it
    await exited;
  }
}

/** Median of each phase over runs of bench/startup-phases.mjs (one JSON object of phase → ms per run). */
// Asynchronous: the fake Slack that answers the bot's auth.test runs in this process.
async function phasesOf(mode: 'cli' | 'start', env: NodeJS.ProcessEnv, runs: number): Promise<Record<string, number>> {
  const all: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)('node', ['bench/startup-phases.mjs', mode, QUESTION], {
      cwd: ROOT,
      env,
    });
    all.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>);
  }
  return Object.fromEntries(Object.keys(all[0]!).map((k) => [k, median(all.map((p) => p[k] ?? 0))]));
}

export interface StartupFigures extends Record<string, unknown> {
  nodeFloorMs: number;
  npxAskMs: number;
  binAskMs: number;
  startListenMs: number;
  npmStartListenMs: number;
  idleRssMb: number;
  /** Phases of one `versus ask` and one start-up until listening, in ms (bench/startup-phases.mjs). */
  cliPhases: Record<string, number>;
  startPhases: Record<string, number>;
  /** "rss 120 MB: JS heap 40 MB, external 10 MB, …" from the same start-up processes. */
  startMemory: string;
}

export async function benchStartup(opts: { quick?: boolean } = {}): Promise<StartupFigures> {
  const n = opts.quick ? 3 : 7;
  const dir = mkdtempSync(join(tmpdir(), 'versus-startup-'));
  const fake = await new FakeSlack().start(); // the bot checks its token (auth.test) before it listens
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && !k.startsWith('DISCORD_')),
  );
  const env = { ...base, VERSUS_DB: join(dir, 'cli.db'), KNOWLEDGE_DIR: join(ROOT, 'knowledge'), LOG_LEVEL: 'warn' };
  const slack = {
    ...env,
    VERSUS_DB: join(dir, 'bot.db'),
    SLACK_BOT_TOKEN: 'xoxb-startup',
    SLACK_SIGNING_SECRET: 'startup-secret',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  try {
    // First runs build dist/ when stale and index the knowledge folder: not timed.
    await startOnce('node', ['bin/start.js'], slack);
    wall('node', ['bin/versus.js', 'ask', QUESTION], env);
    const floor: number[] = [];
    const npx: number[] = [];
    const bin: number[] = [];
    const start: [number, number][] = [];
    const npmStart: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      // Interleaved, so a burst of load from other work on the machine hits every series alike.
      floor.push(wall('node', ['-e', ''], env));
      npx.push(wall('npx', ['versus', 'ask', QUESTION], env));
      bin.push(wall('node', ['bin/versus.js', 'ask', QUESTION], env));
      if (i < Math.ceil(n / 2)) {
        start.push(await startOnce('node', ['bin/start.js'], slack));
        npmStart.push(await startOnce('npm', ['start', '--silent'], slack));
      }
    }
    // The same work split into phases, in processes of their own after the timed series.
    const cliPhases = await phasesOf('cli', env, n);
    const started = await phasesOf('start', slack, Math.ceil(n / 2));
    const startPhases = Object.fromEntries(Object.entries(started).filter(([k]) => !k.startsWith('mem:')));
    const mb = (k: string) => `${(started[`mem:${k}`] ?? 0).toFixed(0)} MB`;
    const startMemory = `RSS ${mb('rss')}, of which JS heap used ${mb('heapUsed')}, external ${mb('external')} (array buffers ${mb('arrayBuffers')}); the rest is Node, V8 code and native modules`;
    const f = median(floor);
    const r: StartupFigures = {
      cliPhases,
      startPhases,
      startMemory,
      nodeFloorMs: f,
      npxAskMs: median(npx),
      binAskMs: median(bin),
      startListenMs: median(start.map((s) => s[0])),
      npmStartListenMs: median(npmStart.map((s) => s[0])),
      idleRssMb: median(start.map((s) => s[1])),
    };
    const span = (xs: number[]) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;
    const x = (v: number) => `${(v / f).toFixed(1)}× floor`;
    report(`Start-up and CLI (medians of ${n}; floor: node -e '' = ${ms(f)})`, [
      ["floor: node -e ''", span(floor)],
      ['npx versus ask, cold process', span(npx), '≤ 300 ms'],
      ['  ÷ floor', x(r.npxAskMs)],
      ['  npx itself (npx − node bin/versus.js)', ms(r.npxAskMs - r.binAskMs)],
      ['  phases of node bin/versus.js ask', parts(cliPhases)],
      ['node bin/versus.js ask (npx excluded)', span(bin)],
      ['  ÷ floor', x(r.binAskMs)],
      ['npm start → Slack listening', span(npmStart.map((s) => s[0])), '≤ 1 s'],
      ['  npm itself (npm start − node bin/start.js)', ms(r.npmStartListenMs - r.startListenMs)],
      ['node bin/start.js → listening (npm excluded)', span(start.map((s) => s[0]))],
      ['  phases of start-up until listening', parts(startPhases)],
      ['  ÷ floor', x(r.startListenMs)],
      ['bot RSS idle, Slack HTTP mode', `${r.idleRssMb.toFixed(0)} MB`, '≤ 120 MB'],
      ['  just after listening', startMemory],
    ]);
    return r;
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await benchStartup({ quick: process.argv.includes('--quick') });
}
