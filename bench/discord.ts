// Discord adapter round trip: INTERACTION_CREATE sent by a fake gateway → the interaction callback received
// by a fake REST server, through the real discord.js client, the adapter and the core. 127.0.0.1 only.
// Standalone: npx tsx bench/discord.ts
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDiscordAdapter } from '../src/adapters/discord/index.js';
import { type Core, createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord, type Json } from '../test/fakes/discord-fake.js';
import { ms, report, summarize } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const N = 1000;
const BURST = 200;

/** The four kinds of interaction a user sends most, in rotation. */
function send(fake: FakeDiscord, n: number): Json {
  switch (n % 4) {
    case 0:
      return fake.slash('compare', { topic: 'concurrency' });
    case 1:
      return fake.slash('ask', { question: 'how much memory does a goroutine start with?' });
    case 2:
      return fake.autocomplete('compare', 'topic', 'per');
    default:
      return fake.slash('sources');
  }
}

export async function benchDiscord(core: Core): Promise<Record<string, number>> {
  const fake = await FakeDiscord.start();
  const adapter = createDiscordAdapter({
    config: fake.config(),
    handler: core.handler,
    logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
  });
  try {
    await adapter.start();
    for (let n = 0; n < 50; n++) await fake.waitForCallback(send(fake, n).id); // warm-up: JIT, statement cache

    // One at a time: the latency a user sees, without queueing behind others.
    const samples: number[] = [];
    for (let n = 0; n < N; n++) {
      const t0 = performance.now();
      const d = send(fake, n);
      const cb = await fake.waitForCallback(d.id);
      if (cb.body.type !== 4 && cb.body.type !== 8) throw new Error(`interaction ${n}: callback type ${cb.body.type}`);
      samples.push(cb.at - t0);
    }
    const seq = summarize(samples);

    // A burst: BURST interactions dispatched at once (a busy guild), each measured from its own dispatch.
    const t0 = performance.now();
    const sent = Array.from({ length: BURST }, (_, n) => ({ d: send(fake, n), at: performance.now() }));
    const done = await Promise.all(sent.map(async (s) => (await fake.waitForCallback(s.d.id)).at - s.at));
    const burstMs = performance.now() - t0;
    const burst = summarize(done);

    const figures = {
      discordRoundTripP50Ms: seq.p50,
      discordRoundTripP99Ms: seq.p99,
      discordRoundTripMaxMs: seq.max,
      discordBurstP50Ms: burst.p50,
      discordBurstP99Ms: burst.p99,
      discordBurstPerSecond: (BURST / burstMs) * 1000,
    };
    report(`Discord adapter (real discord.js against a fake gateway + REST on 127.0.0.1, ${N} interactions)`, [
      ['round trip p50 (gateway → callback)', ms(seq.p50)],
      ['round trip p99', ms(seq.p99), '< 50 ms'],
      ['round trip max', ms(seq.max)],
      [`burst of ${BURST}: p50`, ms(burst.p50)],
      [`burst of ${BURST}: p99`, ms(burst.p99)],
      [`burst of ${BURST}: interactions per second`, figures.discordBurstPerSecond.toFixed(0)],
    ]);
    return figures;
  } finally {
    await adapter.stop();
    await fake.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The real knowledge folder once it has its taxonomy; the test fixtures until then.
  const knowledgeDir = existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))
    ? join(ROOT, 'knowledge')
    : join(ROOT, 'test/fixtures/knowledge');
  const core = await createCore({ dbPath: ':memory:', knowledgeDir, logger: createLogger('warn') });
  process.stdout.write(`Versus Discord benchmark — Node ${process.version}, knowledge ${knowledgeDir}\n`);
  try {
    await benchDiscord(core);
  } finally {
    core.close();
  }
}
