import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import type { Reply } from '../../src/chat/reply.js';
import { TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { MatrixStore } from '../../src/matrix/matrix-store.js';
import { MatrixWeights } from '../../src/matrix/weights-store.js';
import { buttonOf } from '../helpers/chat.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';
import { DEV, loadSituations, OWN } from './situations.js';

const button = buttonOf;
const SITUATIONS = [...(loadSituations(DEV) ?? []), ...(loadSituations(OWN) ?? [])];

/**
 * The issue's promise: a verdict equals the walk's scorecard for the same answers. For every labelled
 * situation, a real solo walk is clicked through with the inferred answers (open factors left
 * unanswered) and its scorecard compared with the verdict, with the sources' weights and with a channel's.
 */
describe('a verdict equals the walk over the same answers', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE, ':memory:', { clock: new TestClock() });
  });
  afterAll(async () => core.close());

  async function walkCard(situation: string, where: ChatContext) {
    const v = await core.verdicts!.verdict(situation, where);
    const values = new Map(v.inference.inferred.map((f) => [f.factorId, f.value]));
    let step = (await core.handler.command('matrix solo', where)) as Reply;
    for (;;) {
      const factor = core.walks && v.channel.matrix.factors.find((f) => step.title?.endsWith(`: ${f.title}`));
      const value = factor && values.get(factor.id);
      if (value) {
        const label = new RegExp(`^${value === 'yes' ? 'Yes' : value === 'no' ? 'No' : value}\\b`);
        step = (await core.handler.action(button(step, label), where)).update!;
      }
      const nav = button(step, /^Next/) || button(step, /^Finish$/);
      step = (await core.handler.action(nav, where)).update!;
      if (!step.title?.startsWith('🧭 Step')) break;
    }
    const walkId = button(step, /Export/)
      .split(':')
      .at(-1)!;
    const session = (await new MatrixStore(core.shared).get(walkId))!;
    return { verdict: v.card, walk: (await core.walks!.outcome(session)).card };
  }

  it.each([
    ['the sources’ weights', 'plain'],
    ['a channel that switched ML off and doubled hiring', 'tuned'],
  ])('for every dev and own situation, under %s', async (_name, channelId) => {
    expect(SITUATIONS.length).toBeGreaterThanOrEqual(60);
    const where: ChatContext = {
      platform: 'console',
      workspaceId: 'w',
      channelId,
      userId: 'u1',
      isAdmin: fixedAdmin(false),
    };
    if (channelId === 'tuned') {
      const weights = new MatrixWeights(core.shared);
      await weights.set(where, 'ml-data', 0, 'admin', '2026-01-01T00:00:00.000Z');
      await weights.set(where, 'hiring', 200, 'admin', '2026-01-01T00:00:00.000Z');
    }
    for (const s of SITUATIONS) {
      const { verdict, walk } = await walkCard(s.text, where);
      const pick = (c: typeof verdict) => ({
        kind: c.verdict.kind,
        text: c.verdict.text,
        go: c.go,
        python: c.python,
        deciding: c.deciding.map((d) => d.factorId),
      });
      expect(pick(walk), s.text).toEqual(pick(verdict));
    }
  });
});
