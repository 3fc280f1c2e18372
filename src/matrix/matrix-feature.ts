import { action, command, type Feature } from '../chat/feature.js';
import { usageReply } from '../chat/help.js';
import type { Locales } from '../chat/locales.js';
import { ok } from '../chat/result.js';
import { parseMatrixArgs } from './matrix-args.js';
import { walkAction } from './walk-action.js';
import type { WalkService } from './walk-service.js';
import { type WeightsDeps, weightsCommand } from './weights-command.js';

const help = { usage: '/versus matrix [solo|status|cancel|weights]', example: '/versus matrix' };

/** `/versus matrix`, its weights and the walk buttons; without a matrix.yaml, a feature that says it is not available. */
export function matrixFeature(locales: Locales, walks: WalkService | undefined, weights?: WeightsDeps): Feature {
  if (!walks || !weights)
    return {
      name: 'matrix',
      help,
      command: {
        parse: (_args, t) => ok(async () => usageReply(t.walk.notAvailable(), undefined, t)),
      },
      action: {
        kind: walkAction.kind,
        parse: () =>
          ok(async (ctx) => {
            const t = locales.strings(ctx);
            return { reply: usageReply(t.walk.buttonNotAvailable, undefined, t) };
          }),
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
