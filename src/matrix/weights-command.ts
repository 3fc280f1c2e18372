import type { ChatContext } from '../chat/context.js';
import { usageReply } from '../chat/help.js';
import { ADMIN } from '../chat/manage.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { code, joinRich, markup, md, mention } from '../chat/rich.js';
import type { Clock } from '../clock.js';
import type { Matrix } from './definition.js';
import { WEIGHTS_USAGE, type WeightArgs } from './matrix-args.js';
import { weightLabel } from './weights.js';
import type { MatrixWeights } from './weights-store.js';

export interface WeightsDeps {
  matrix: Matrix;
  weights: MatrixWeights;
  clock: Clock;
}

/** A factor by its id, or by the start of its id or title when that names exactly one. */
function findFactor(matrix: Matrix, name: string) {
  const exact = matrix.factors.find((f) => f.id === name);
  if (exact) return exact;
  const near = matrix.factors.filter((f) => f.id.startsWith(name) || f.title.toLowerCase().startsWith(name));
  return near.length === 1 ? near[0] : undefined;
}

/** `/versus matrix weights`: everyone sees the channel's weights; admins change or reset them. */
export async function weightsCommand(d: WeightsDeps, change: WeightArgs | undefined, ctx: ChatContext): Promise<Reply> {
  if (change) {
    if (!(await ctx.isAdmin()))
      return usageReply(`Only ${ADMIN[ctx.platform]} can change the matrix's weights in this channel.`);
    const now = d.clock.now().toISOString();
    if (change.factor === undefined) await d.weights.reset(ctx);
    else {
      const factor = findFactor(d.matrix, change.factor);
      if (!factor)
        return usageReply(
          md`There is no factor “${change.factor.slice(0, 40)}”. Factors: ${joinRich(
            d.matrix.factors.map((f) => [code(f.id)]),
            ', ',
          )}.`,
          {
            usage: '/versus matrix weights <factor> <weight|off|on|reset>',
            example: '/versus matrix weights hiring 2',
          },
        );
      await d.weights.set(ctx, factor.id, change.percent, ctx.userId, now);
    }
  }
  return weightsReply(d, ctx, change !== undefined);
}

async function weightsReply(d: WeightsDeps, ctx: ChatContext, changed: boolean): Promise<Reply> {
  const changes = new Map((await d.weights.get(ctx)).map((c) => [c.factorId, c]));
  const lines = d.matrix.factors.map((f) => {
    const c = changes.get(f.id);
    return c
      ? md`• *${f.title}* (\`${f.id}\`): ${weightLabel(c.percent)} — changed by ${mention(c.updatedBy)} on ${c.updatedAt.slice(0, 10)}`
      : md`• ${f.title} (\`${f.id}\`): ×1, the sources' weight`;
  });
  const reply = ephemeral(joinRich(lines, '\n'), changed ? 'Matrix weights changed here' : 'Matrix weights here');
  const about = md`A weight scales what a factor's answer adds to Go or Python; \`off\` leaves it out of walks and verdicts in this channel. ${markup(WEIGHTS_USAGE)}`;
  return { ...reply, blocks: [...reply.blocks, { type: 'context', text: about }] };
}
