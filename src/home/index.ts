import type { ChatContext } from '../chat/context.js';
import { action, command, type Feature, type FeatureDeps } from '../chat/feature.js';
import { serverOnlyReply } from '../chat/help.js';
import { err, ok } from '../chat/result.js';
import { plain, type RichText } from '../chat/rich.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { reportReply } from '../feedback/report.js';
import { brokenFiles } from '../knowledge/watch.js';
import { pollFormReply } from '../polls/poll-form.js';
import type { ScheduleService } from '../polls/schedule-service.js';
import { sourcesReply } from '../sources/render-sources.js';
import { scopeKey } from '../sources/source-store.js';
import { homeAction } from './home-action.js';
import { HomeStore } from './home-store.js';
import { homeReply } from './render-home.js';

/**
 * `/versus home`: one person's polls, walks and schedules, the sources with their index times, and for
 * admins the questions Versus could not answer. Slack shows the same reply as the app's Home tab.
 */
export function createHome(
  deps: FeatureDeps,
  more: { feedback: FeedbackStore; schedules: ScheduleService },
): { features: Feature[] } {
  const store = new HomeStore(deps.shared);
  const build = async (ctx: ChatContext, note?: RichText) => {
    const { platform, workspaceId, userId } = ctx;
    const { knowledge } = deps;
    const t = deps.locales.strings(ctx);
    return homeReply(
      {
        polls: await store.openPolls(platform, workspaceId, userId, deps.clock.now().toISOString()),
        walks: await store.openWalks(platform, workspaceId, userId),
        schedules: await store.schedules(platform, workspaceId, userId),
        sources: sourcesReply(
          knowledge.documents().filter((d) => d.scope === '' || d.scope === scopeKey(ctx)),
          knowledge.getMeta('indexed_at'),
          brokenFiles(knowledge),
          undefined,
          t,
        ).blocks,
        report: (await ctx.isAdmin()) ? reportReply(await more.feedback.report(5, ctx), t).blocks : undefined,
        note,
      },
      t,
    );
  };
  const home: Feature = {
    name: 'home',
    help: { usage: '/versus home', example: '/versus home' },
    command: command(
      (args, t) => (args.trim() ? err(t.usage.noArguments('home')) : ok(undefined)),
      (_none, ctx) => build(ctx),
    ),
    action: action(homeAction, async ({ op, id }, ctx) => {
      // The home itself works anywhere; what its buttons do (a poll, a schedule) needs Versus installed there.
      const t = deps.locales.strings(ctx);
      if (ctx.serverInstall === false) return { reply: serverOnlyReply(op === 'newpoll' ? 'poll' : 'schedule', t) };
      if (op === 'newpoll' || !id) return { reply: pollFormReply(t) };
      // The home lists only the person's own schedules in this workspace, and removes nothing else.
      const done = await more.schedules.removeOwn(id, ctx);
      const note = done.blocks.find((b) => b.type === 'text');
      return { update: await build(ctx, note?.type === 'text' ? plain(note.text) : undefined) };
    }),
  };
  return { features: [home] };
}
