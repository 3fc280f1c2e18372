import { action, command, type Feature } from '../chat/feature.js';
import { usageReply } from '../chat/help.js';
import { ok } from '../chat/result.js';
import { md } from '../chat/rich.js';
import { parseMatrixArgs } from './matrix-args.js';
import { walkAction } from './walk-action.js';
import type { WalkService } from './walk-service.js';
import { type WeightsDeps, weightsCommand } from './weights-command.js';

const help = { usage: '/versus matrix [solo|status|cancel|weights]', example: '/versus matrix' };

/** `/versus matrix`, its weights and the walk buttons; without a matrix.yaml, a feature that says it is not available. */
export function matrixFeature(walks: WalkService | undefined, weights?: WeightsDeps): Feature {
  if (!walks || !weights)
    return {
      name: 'matrix',
      help,
      command: {
        parse: () => ok(async () => usageReply(md`\`/versus matrix\` is not available on this Versus yet.`)),
      },
      action: {
        kind: walkAction.kind,
        parse: () => ok(async () => ({ reply: usageReply('This feature is not available on this Versus.') })),
      },
    };
  return {
    name: 'matrix',
    help,
    needsServer: true,
    command: command(parseMatrixArgs, (cmd, ctx) => {
      switch (cmd.op) {
        case 'start':
          return walks.start(ctx, cmd.mode);
        case 'status':
          return walks.status(ctx, cmd.mode);
        case 'cancel':
          return walks.cancel(ctx, cmd.mode);
        case 'weights':
          return weightsCommand(weights, cmd.change, ctx);
      }
    }),
    action: action(walkAction, (a, ctx) => walks.action(a, ctx)),
    tasks: [{ name: 'walksExpired', run: () => walks.expireIdle() }],
    renders: [walks.renders],
  };
}
