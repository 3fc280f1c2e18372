// `/versus verdict` timed on the real knowledge: the labelled dev situations (test/verdict), each read,
// scored under a channel's weights (one store read) and rendered into its reply, several rounds. The
// first call counts: the lexicon is compiled at start, so no verdict should pay for it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { DEV, loadSituations } from '../test/verdict/situations.js';
import { ms, report, summarize } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface VerdictFigures {
  p50: number;
  p99: number;
  max: number;
  samples: number;
}

export async function benchVerdict({ quick }: { quick: boolean }): Promise<VerdictFigures | undefined> {
  const knowledge = join(ROOT, 'knowledge');
  const situations = loadSituations(DEV);
  if (!situations || !existsSync(join(knowledge, 'matrix.yaml'))) return undefined;
  const core = await createCore({ dbPath: ':memory:', knowledgeDir: knowledge, logger: createLogger('warn') });
  try {
    const verdicts = core.verdicts;
    if (!verdicts) return undefined;
    const where = { platform: 'console' as const, workspaceId: 'bench', channelId: 'bench' };
    const times: number[] = [];
    for (let round = 0; round < (quick ? 2 : 10); round++)
      for (const s of situations) {
        const t0 = performance.now();
        await verdicts.verdict(s.text, where);
        times.push(performance.now() - t0);
      }
    const f = summarize(times);
    report(`Verdicts (${situations.length} labelled situations × rounds, real knowledge, SQLite)`, [
      ['verdict p50 / p99', `${ms(f.p50)} / ${ms(f.p99)}`, 'p99 ≤ 100 ms'],
      ['slowest, the first call included', ms(f.max)],
    ]);
    return { p50: f.p50, p99: f.p99, max: f.max, samples: times.length };
  } finally {
    await core.scheduler.stop();
    await core.close();
  }
}
