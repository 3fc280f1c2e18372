import type { ChatContext } from '../chat/context.js';
import { action, command, type Feature, type FeatureDeps } from '../chat/feature.js';
import type { ActionOutcome } from '../chat/handler.js';
import { usageReply } from '../chat/help.js';
import { ADMIN } from '../chat/manage.js';
import { ephemeral } from '../chat/reply.js';
import { err, ok } from '../chat/result.js';
import { code, markup, md } from '../chat/rich.js';
import { feedbackAction } from './feedback-action.js';
import { FeedbackStore } from './feedback-store.js';
import { reportReply } from './report.js';

/** How many questions each list of the report shows. */
const REPORT_ROWS = 10;

/** The feedback buttons under answers, and `/versus report` (admins) listing what the sources miss. */
export function createFeedback(deps: FeatureDeps): { feedback: FeedbackStore; features: Feature[] } {
  const feedback = new FeedbackStore(deps.shared, deps.clock);
  const vote = async (
    { answerId, vote }: { answerId: string; vote: 'up' | 'down' },
    ctx: ChatContext,
  ): Promise<ActionOutcome> => {
    if (!(await feedback.vote(answerId, ctx, vote === 'up')))
      return { reply: usageReply('That answer is too old to rate. Ask again.') };
    return {
      reply: ephemeral(
        vote === 'up'
          ? 'Thanks: noted as helpful.'
          : md`Thanks: noted as not helpful. Admins see these in ${code('/versus report')} and add sources for them.`,
      ),
    };
  };
  const report: Feature = {
    name: 'report',
    visibility: async () => 'ephemeral',
    help: { usage: '/versus report', example: '/versus report' },
    command: command(
      (args) => (args.trim() ? err(markup('`/versus report` takes no arguments.')) : ok(undefined)),
      async (_none, ctx) =>
        (await ctx.isAdmin())
          ? reportReply(await feedback.report(REPORT_ROWS, ctx))
          : usageReply(`Only ${ADMIN[ctx.platform]} can see the report.`),
    ),
    action: action(feedbackAction, vote),
  };
  return { feedback, features: [report] };
}
