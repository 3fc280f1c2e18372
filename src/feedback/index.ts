import type { ChatContext } from '../chat/context.js';
import { action, command, type Feature, type FeatureDeps } from '../chat/feature.js';
import type { ActionOutcome } from '../chat/handler.js';
import { usageReply } from '../chat/help.js';
import { ephemeral } from '../chat/reply.js';
import { err, ok } from '../chat/result.js';
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
    const t = deps.locales.strings(ctx);
    if (!(await feedback.vote(answerId, ctx, vote === 'up')))
      return { reply: usageReply(t.feedback.tooOld, undefined, t) };
    return { reply: ephemeral(vote === 'up' ? t.feedback.helpful : t.feedback.notHelpful()) };
  };
  const report: Feature = {
    name: 'report',
    visibility: async () => 'ephemeral',
    help: { usage: '/versus report', example: '/versus report' },
    command: command(
      (args, t) => (args.trim() ? err(t.usage.noArguments('report')) : ok(undefined)),
      async (_none, ctx) => {
        const t = deps.locales.strings(ctx);
        return (await ctx.isAdmin())
          ? reportReply(await feedback.report(REPORT_ROWS, ctx), t)
          : usageReply(t.feedback.onlyAdmins(t.usage.admin[ctx.platform]), undefined, t);
      },
    ),
    action: action(feedbackAction, vote),
  };
  return { feedback, features: [report] };
}
