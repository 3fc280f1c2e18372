import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext } from '../chat/context.js';
import { ADMIN, fixedAdmin, mayManage } from '../chat/manage.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { joinRich, md, type Rich } from '../chat/rich.js';
import { inScope, inWorkspace } from '../chat/scope.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import { formatDuration } from './duration.js';
import { motionCandidates, pickMotion } from './motions.js';
import { TEAM_OPTIONS, TEAM_QUESTION } from './poll-args.js';
import type { PollService } from './poll-service.js';
import type { ScheduleCommand } from './schedule-args.js';
import type { Schedule, ScheduleStore } from './schedule-store.js';
import { MIN_SCHEDULE_GAP_MS, nextRun, shortestGap } from './when.js';

/** Schedules per channel: enough for a weekly ritual or two, not a flood. */
export const MAX_SCHEDULES_PER_CHANNEL = 5;

export interface ScheduleServiceDeps {
  store: ScheduleStore;
  polls: PollService;
  answers: AnswersStore;
  taxonomy: Taxonomy;
  clock: Clock;
  logger: Logger;
}

const local = (iso: string, tz: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** Recurring debate polls per channel. Runs are claimed atomically, so several processes never double-post. */
export class ScheduleService {
  constructor(private readonly deps: ScheduleServiceDeps) {}

  async add(cmd: Extract<ScheduleCommand, { op: 'add' }>, ctx: ChatContext): Promise<Reply> {
    const now = this.deps.clock.now();
    const gap = shortestGap(cmd.spec, cmd.timezone, now);
    if (gap < MIN_SCHEDULE_GAP_MS)
      return ephemeral(
        md`“${cmd.when.slice(0, 40)}” would post a poll every ${formatDuration(gap)}; debate polls may run at most once an hour. Try \`every monday at 10:00\` or \`0 10 * * 1-5\`.`,
      );
    const existing = (await this.deps.store.inChannel(ctx)).length;
    if (existing >= MAX_SCHEDULES_PER_CHANNEL)
      return ephemeral(
        md`This channel already has ${String(existing)} debate-poll schedules, the most allowed. See them with \`/versus schedule list\` and remove one with \`/versus schedule remove <id>\` first.`,
      );
    const next = nextRun(cmd.spec, cmd.timezone, now, now);
    const schedule: Schedule = {
      id: newId('s'),
      platform: ctx.platform,
      workspaceId: ctx.workspaceId,
      channelId: ctx.channelId,
      spec: cmd.when,
      cron: cmd.spec.cron,
      everyWeeks: cmd.spec.everyWeeks,
      timezone: cmd.timezone,
      durationMs: cmd.durationMs,
      createdBy: ctx.userId,
      createdAt: now.toISOString(),
      nextRunAt: next.toISOString(),
    };
    await this.deps.store.insert(schedule);
    return {
      visibility: 'channel',
      title: '🗓️ Debate poll scheduled',
      blocks: [
        {
          type: 'text',
          text: md`${this.describe(schedule)}\nEach poll debates a topic where the sources disagree, with a cited claim for each side. Remove it with \`/versus schedule remove ${schedule.id}\`.`,
        },
      ],
    };
  }

  async list(ctx: ChatContext): Promise<Reply> {
    const all = await this.deps.store.inChannel(ctx);
    if (all.length === 0)
      return ephemeral(
        md`No debate polls are scheduled in this channel. Add one with \`/versus schedule add every monday at 10:00\`.`,
      );
    return {
      visibility: 'ephemeral',
      title: 'Scheduled debate polls',
      blocks: [
        {
          type: 'text',
          text: joinRich(
            all.map((s) => md`• ${this.describe(s)}`),
            '\n',
          ),
        },
      ],
    };
  }

  /** `/versus schedule remove <id>`: a schedule of the channel the command comes from. */
  async remove(id: string, ctx: ChatContext): Promise<Reply> {
    const s = await this.deps.store.get(id);
    if (!inScope(s, ctx))
      return ephemeral(
        md`There is no schedule “${id.slice(0, 20)}” in this channel. \`/versus schedule list\` shows the ids.`,
      );
    return this.removeFound(s, ctx);
  }

  /**
   * Remove on the Home, which spans channels: it acts only on what it lists, the schedules this person
   * added in this workspace. Anything else is answered as an unknown id.
   */
  async removeOwn(id: string, ctx: ChatContext): Promise<Reply> {
    const s = await this.deps.store.get(id);
    if (!inWorkspace(s, ctx) || s.createdBy !== ctx.userId)
      return ephemeral(
        md`You have no schedule “${id.slice(0, 20)}” here. Admins remove others' schedules with \`/versus schedule remove <id>\` in their channel.`,
      );
    return this.removeFound(s, ctx);
  }

  private async removeFound(s: Schedule, ctx: ChatContext): Promise<Reply> {
    if (!(await mayManage(ctx, { ...s, ownerId: s.createdBy })))
      return ephemeral(md`Only the person who added this schedule or ${ADMIN[ctx.platform]} can remove it.`);
    await this.deps.store.remove(s.id);
    return ephemeral(md`Schedule ${s.id} removed.`);
  }

  private describe(s: Schedule): Rich {
    return md`\`${s.id}\` ${s.spec} (${s.timezone}), polls last ${formatDuration(s.durationMs)}; next: ${local(s.nextRunAt, s.timezone)}`;
  }

  /**
   * Posts every due occurrence once. After downtime a schedule that missed several occurrences posts
   * one poll, and its next run is computed from now.
   */
  async runDue(): Promise<number> {
    const now = this.deps.clock.now();
    let posted = 0;
    for (const s of await this.deps.store.due(now.toISOString())) {
      const next = nextRun({ cron: s.cron, everyWeeks: s.everyWeeks }, s.timezone, now, new Date(s.createdAt));
      if (!(await this.deps.store.claim(s, next.toISOString(), now.toISOString()))) continue; // another replica has it
      try {
        await this.post(s);
        posted++;
      } catch (error) {
        this.deps.logger.error({ err: error, schedule: s.id }, 'scheduled poll failed');
      }
    }
    return posted;
  }

  private async post(s: Schedule): Promise<void> {
    const { store, answers, taxonomy, polls, clock } = this.deps;
    const picked = pickMotion(motionCandidates(answers, taxonomy), await store.usedTopics(s.platform, s.channelId));
    if (picked.reset) await store.resetUsed(s.platform, s.channelId);
    const motion = picked.motion;
    if (motion) await store.markUsed(s.platform, s.channelId, motion.topic, clock.now().toISOString());
    const ctx: ChatContext = {
      platform: s.platform,
      workspaceId: s.workspaceId,
      channelId: s.channelId,
      userId: s.createdBy,
      isAdmin: fixedAdmin(false),
    };
    const question = motion ? `Debate: ${motion.label}. Team Go or Team Python?` : TEAM_QUESTION;
    await polls.create(
      { op: 'create', kind: 'team', question, options: [...TEAM_OPTIONS], anonymous: true, durationMs: s.durationMs },
      ctx,
      {
        ...(motion
          ? {
              motion: {
                topic: motion.topic,
                label: motion.label,
                goClaimId: motion.goClaimId,
                pythonClaimId: motion.pythonClaimId,
              },
            }
          : {}),
        scheduleId: s.id,
      },
    );
  }
}
