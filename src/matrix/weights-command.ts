import type { ChatContext } from '../chat/context.js';
import { usageReply } from '../chat/help.js';
import type { Locales } from '../chat/locales.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { code, joinRich, mention, spans } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import type { Clock } from '../clock.js';
import type { Matrix } from './definition.js';
import type { WeightArgs } from './matrix-args.js';
import { weightLabel } from './weights.js';
import type { MatrixWeights } from './weights-store.js';
import { titleOf } from './words.js';

export interface WeightsDeps {
  matrix: Matrix;
  weights: MatrixWeights;
  clock: Clock;
  locales: Locales;
}

const FACTOR_USAGE = {
  usage: '/versus matrix weights <factor> <weight|off|on|reset>',
  example: '/versus matrix weights hiring 2',
};

/** A factor by its id, or by the start of its id or its title (as the place reads it) when that names exactly one. */
function findFactor(matrix: Matrix, name: string, t: Strings) {
  const exact = matrix.factors.find((f) => f.id === name);
  if (exact) return exact;
  const near = matrix.factors.filter(
    (f) =>
      f.id.startsWith(name) || f.title.toLowerCase().startsWith(name) || titleOf(t, f).toLowerCase().startsWith(name),
  );
  return near.length === 1 ? near[0] : undefined;
}

/** `/versus matrix weights`: everyone sees the channel's weights; admins change or reset them. */
export async function weightsCommand(d: WeightsDeps, change: WeightArgs | undefined, ctx: ChatContext): Promise<Reply> {
  const t = d.locales.strings(ctx);
  if (change) {
    if (!(await ctx.isAdmin())) return usageReply(t.weights.onlyAdmins(ctx.platform), undefined, t);
    const now = d.clock.now().toISOString();
    if (change.factor === undefined) await d.weights.reset(ctx);
    else {
      const factor = findFactor(d.matrix, change.factor, t);
      if (!factor) {
        const ids = joinRich(
          d.matrix.factors.map((f) => [code(f.id)]),
          ', ',
        );
        return usageReply(t.weights.noFactor(change.factor.slice(0, 40), ids), FACTOR_USAGE, t);
      }
      await d.weights.set(ctx, factor.id, change.percent, ctx.userId, now);
    }
  }
  return weightsReply(d, ctx, change !== undefined, t);
}

async function weightsReply(d: WeightsDeps, ctx: ChatContext, changed: boolean, t: Strings): Promise<Reply> {
  const changes = new Map((await d.weights.get(ctx)).map((c) => [c.factorId, c]));
  const lines = d.matrix.factors.map((f) => {
    const c = changes.get(f.id);
    const title = titleOf(t, f);
    return c
      ? t.weights.changedLine(title, f.id, weightLabel(c.percent, t), [mention(c.updatedBy)], c.updatedAt.slice(0, 10))
      : t.weights.defaultLine(title, f.id);
  });
  const reply = ephemeral(joinRich(lines, '\n'), t.weights.title(changed));
  const about = t.weights.about(spans(t.weights.usage()));
  return { ...reply, blocks: [...reply.blocks, { type: 'context', text: about }] };
}
