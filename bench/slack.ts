// Slack: what a user waits for. Signed slash commands from autocannon (its own process) against Versus's
// Bolt app with the real core and, in the same run, a bare Bolt app that only acks; a fake Slack in a
// third process receives the answers on response_url. Per concurrency 1, 10 and 50: ack p50/p99 for both
// apps (ABBA rounds) and the answer's time from command sent to response_url received, queue included.
// Standalone: npx tsx bench/slack.ts [--quick]
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../src/adapters/slack/index.js';
import type { VersusHandler } from '../src/chat/handler.js';
import { type Core, createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import type { CannonJob, CannonResult } from './cannon.js';
import { cannon, FakeSlackProcess } from './load-process.js';
import { ms, report, summarize } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'bench-signing-secret';
/** Mostly questions, as in a real channel; a few comparisons; help and sources rarely. */
export const COMMANDS = [
  'ask how much memory does a goroutine start with?',
  'ask is the GIL a problem for web backends?',
  'compare concurrency',
  'ask how many requests per second does fastapi serve compared to gin',
  'ask should a small team start with python or go for a crud api',
  'ask why is go faster for cpu bound work',
  'compare performance',
  'ask what does a rewrite from python to go cost',
  'ask does asyncio close the gap with goroutines for io bound services',
  'ask how long does a go build take compared to a python deploy',
  'ask which is easier to hire for',
  'ask p99 latency of django vs gin under load',
  'compare deployment',
  'ask memory footprint of a python worker vs a go binary',
  'ask is python fast enough for 10k requests per second',
  'ask how do errors work in go compared to python exceptions',
  'ask what year was go created',
  'ask does the gil matter for machine learning inference',
  'sources',
  'help',
];
/** The answers alone (ask and compare): what the open-loop sweep offers (bench/sweep.ts). */
export const ASK_COMMANDS = COMMANDS.filter((c) => c.startsWith('ask ') || c.startsWith('compare '));

async function waitForAnswers(fake: FakeSlackProcess, ids: string[], timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await fake.arrivals();
    if (ids.every((id) => got[id] !== undefined) || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The core's handler with each command's time from call to reply recorded: the answer's own compute. */
function timedHandler(handler: VersusHandler, samples: number[]): VersusHandler {
  return new Proxy(handler, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      if (key !== 'command') return value.bind(target);
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await value.apply(target, args);
        } finally {
          samples.push(performance.now() - t0);
        }
      };
    },
  });
}

export async function benchSlack(core: Core, opts: { quick?: boolean } = {}): Promise<Record<string, number>> {
  // An overload check now (no ack past 3 s, nothing lost); latency under load is the open-loop sweep's.
  const perApp = opts.quick ? 400 : 1000;
  const fake = await FakeSlackProcess.start();
  const handled: number[] = [];
  const versus = createSlackAdapter({
    config: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl },
    handler: timedHandler(core.handler, handled),
    replays: core.replays,
    logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
    port: 0,
    host: '127.0.0.1',
  });
  const bare = new App({
    token: 'xoxb-bench',
    receiver: new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events' }),
    botId: 'B1',
    botUserId: 'U1',
    clientOptions: { slackApiUrl: fake.apiUrl },
  });
  bare.command(/.*/, async ({ ack }) => {
    await ack();
  });
  const figures: Record<string, number> = {};
  try {
    const { port } = await versus.start();
    core.registerPort(versus.port);
    const barePort = ((await bare.start({ port: 0, host: '127.0.0.1' })) as Server).address() as { port: number };
    const url = (p: number) => `http://127.0.0.1:${p}/slack/events`;
    const job = (p: number, connections: number, amount: number, tag: string): CannonJob => ({
      kind: 'commands',
      url: url(p),
      secret: SECRET,
      amount,
      connections,
      tag,
      commands: COMMANDS,
      responseBase: fake.responseBase,
    });
    // Warm both apps (JIT, statement caches) before anything is timed.
    await cannon(job(port!, 10, 200, 'warm-v'));
    await cannon(job(barePort.port, 10, 200, 'warm-b'));
    await waitForAnswers(fake, [], 0);
    for (const c of [1, 10, 50]) {
      const rounds = { versus: [] as CannonResult[], bare: [] as CannonResult[] };
      const answers: number[] = [];
      let missing = 0;
      let appCpu = 0;
      let versusSeconds = 0;
      let r = 0;
      handled.length = 0;
      // How late the event loop runs its callbacks: a busy loop is where queued answers wait.
      const loop = monitorEventLoopDelay({ resolution: 10 });
      // ABBA: neither app always runs first or last. The timed window of a Versus round ends when its
      // last answer has arrived (or 120 s passed): queued answers count, none is drained off the clock.
      for (const who of ['versus', 'bare', 'bare', 'versus'] as const) {
        const tag = `c${c}-${r++}`;
        if (who === 'versus') loop.enable();
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const res = await cannon(job(who === 'versus' ? port! : barePort.port, c, perApp / 2, tag));
        rounds[who].push(res);
        if (who !== 'versus') continue;
        const ids = Object.keys(res.sent);
        const got = await waitForAnswers(fake, ids, 120_000);
        const cpu = process.cpuUsage(cpu0);
        loop.disable();
        versusSeconds += (performance.now() - t0) / 1000;
        appCpu += (cpu.user + cpu.system) / 1000;
        for (const id of ids) {
          if (got[id] === undefined) missing++;
          else answers.push(got[id]! - res.sent[id]!);
        }
      }
      const merge = (rs: CannonResult[]) => ({
        p50: Math.max(...rs.map((x) => x.ackP50)),
        p99: Math.max(...rs.map((x) => x.ackP99)),
        ok: rs.reduce((n, x) => n + x.ok, 0),
        failed: rs.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts, 0),
        cpu: Math.max(...rs.map((x) => x.cpuShare)),
      });
      const v = merge(rounds.versus);
      const b = merge(rounds.bare);
      const a = summarize(answers);
      const h = summarize(handled);
      const loopP99 = loop.percentile(99) / 1e6;
      const appShare = appCpu / 1000 / versusSeconds;
      Object.assign(figures, {
        [`ackP99c${c}`]: v.p99,
        [`bareAckP99c${c}`]: b.p99,
        [`answerP50c${c}`]: a.p50,
        [`answerP99c${c}`]: a.p99,
        [`answersMissingc${c}`]: missing,
        [`handlerP50c${c}`]: h.p50,
        [`handlerP99c${c}`]: h.p99,
        [`loopDelayP99c${c}`]: loopP99,
        [`appCpuSharec${c}`]: appShare,
        [`loadCpuSharec${c}`]: v.cpu,
      });
      const target = c === 10 ? '≤ 500 ms' : c === 50 ? '≤ 1.5 s' : undefined;
      report(
        `Slack at concurrency ${c}: ${perApp.toLocaleString('en-US')} signed commands per app (autocannon, ABBA rounds)`,
        [
          ['Versus ack p50 / p99 (worse round)', `${ms(v.p50)} / ${ms(v.p99)}`],
          ['bare Bolt ack p50 / p99 (worse round)', `${ms(b.p50)} / ${ms(b.p99)}`],
          ['ack p99 ratio (Versus ÷ bare)', (v.p99 / b.p99).toFixed(2), '≤ 1.3'],
          ['answer: command sent → response_url p50', ms(a.p50)],
          ['answer p99 / max', `${ms(a.p99)} / ${ms(a.max)}`, target],
          ['  handler (call → reply) p50 / p99', `${ms(h.p50)} / ${ms(h.p99)}`],
          ['  event-loop delay p99 (queue wait)', ms(loopP99)],
          ['answers received / lost', `${answers.length} / ${missing}`, '0 lost'],
          ['acks ok / failed (Versus, bare)', `${v.ok}/${v.failed}, ${b.ok}/${b.failed}`],
          ['commands answered per second', (answers.length / versusSeconds).toFixed(0)],
          [
            'CPU: app (in-process) / load generator',
            `${(appShare * 100).toFixed(0)} % / ${(v.cpu * 100).toFixed(0)} % of a core`,
          ],
        ],
      );
    }
    return figures;
  } finally {
    await versus.stop();
    await bare.stop();
    await fake.close();
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const knowledge = existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))
    ? join(ROOT, 'knowledge')
    : join(ROOT, 'test/fixtures/knowledge');
  const core = await createCore({ dbPath: ':memory:', knowledgeDir: knowledge, logger: createLogger('warn') });
  await benchSlack(core, { quick: process.argv.includes('--quick') });
  await core.scheduler.stop();
  core.close();
}
