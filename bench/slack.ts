// Slack acknowledgement latency: signed slash commands against (a) Versus's Bolt app with the real core
// and (b) a bare Bolt app that only acks, in the same run, against a fake Slack on 127.0.0.1.
// Standalone: npx tsx bench/slack.ts
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackAdapter } from '../src/adapters/slack/index.js';
import { type Core, createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { LoadProcess } from './load-process.js';
import type { LoadResult } from './slack-load.js';
import { ms, report, summarize } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'bench-signing-secret';
const TOTAL = 2000;
const CONCURRENCY = 50;
const COMMANDS = [
  'compare concurrency',
  'ask how much memory does a goroutine start with?',
  'sources',
  'help',
  'compare performance',
  'ask is the GIL a problem for web backends?',
];

/** Versus and a bare Bolt app take the same signed commands from a load generator in another process. */
export async function benchSlack(core: Core): Promise<Record<string, number>> {
  const load = await LoadProcess.start();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const versus = createSlackAdapter({
    config: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: load.apiUrl },
    handler: core.handler,
    replays: core.replays,
    logger,
    port: 0,
    host: '127.0.0.1',
  });
  const bare = new App({
    token: 'xoxb-bench',
    receiver: new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events' }),
    botId: 'B1',
    botUserId: 'U1',
    clientOptions: { slackApiUrl: load.apiUrl },
  });
  bare.command(/.*/, async ({ ack }) => {
    await ack();
  });
  try {
    const { port } = await versus.start();
    core.registerPort(versus.port);
    const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' })) as import('node:http').Server;
    const job = (p: number) => ({
      kind: 'commands' as const,
      endpoint: `http://127.0.0.1:${p}/slack/events`,
      secret: SECRET,
      total: TOTAL,
      concurrency: CONCURRENCY,
      warmup: 100,
      commands: COMMANDS,
    });
    // Fair comparison: warm both (and the load generator's own JIT) first, then ABBA rounds, so
    // neither app always runs first or last. Versus's queued answers are flushed between rounds.
    const barePort = (bareServer.address() as { port: number }).port;
    const quarter = { total: TOTAL / 4, warmup: 0 };
    await load.run({ ...job(port!), total: 300 });
    await load.run({ ...job(barePort), total: 300 });
    await versus.idle();
    const rounds = { versus: [] as LoadResult[], bare: [] as LoadResult[] };
    let drainMs = 0;
    for (const who of ['versus', 'bare', 'bare', 'versus', 'versus', 'bare', 'bare', 'versus'] as const) {
      const r = await load.run({ ...job(who === 'versus' ? port! : barePort), ...quarter });
      rounds[who].push(r);
      if (who === 'versus') {
        const t = performance.now();
        await versus.idle();
        drainMs = Math.max(drainMs, performance.now() - t);
      }
    }
    const merge = (rs: LoadResult[]) => ({
      samples: rs.flatMap((r) => r.samples),
      ok: rs.reduce((n, r) => n + r.ok, 0),
    });
    const v = merge(rounds.versus);
    const b = merge(rounds.bare);
    const a1 = summarize(v.samples);
    const b1 = summarize(b.samples);
    report(
      `Slack: acknowledgement latency, ${TOTAL} signed slash commands at concurrency ${CONCURRENCY} (load from another process; ABBA rounds)`,
      [
        ['Versus ack p50 / p99', `${ms(a1.p50)} / ${ms(a1.p99)}`, 'p99 < 50 ms'],
        ['bare Bolt (ack only) p50 / p99', `${ms(b1.p50)} / ${ms(b1.p99)}`],
        ['ratio p99 (Versus ÷ bare)', `${(a1.p99 / b1.p99).toFixed(2)}`, '≤ 1.3'],
        ['ratio p50 (Versus ÷ bare)', `${(a1.p50 / b1.p50).toFixed(2)}`],
        ['commands acknowledged (Versus / bare)', `${v.ok} / ${b.ok} of ${TOTAL} each`],
        ['answers still queued after a round, all sent within', ms(drainMs)],
      ],
    );
    return {
      slackAnswerDrainMs: drainMs,
      slackAckP50: a1.p50,
      slackAckP99: a1.p99,
      bareAckP50: b1.p50,
      bareAckP99: b1.p99,
      ratioP99: a1.p99 / b1.p99,
    };
  } finally {
    await versus.stop();
    await bare.stop();
    await load.close();
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const knowledge = existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))
    ? join(ROOT, 'knowledge')
    : join(ROOT, 'test/fixtures/knowledge');
  const core = await createCore({ dbPath: ':memory:', knowledgeDir: knowledge, logger: createLogger('warn') });
  await benchSlack(core);
  core.close();
}
