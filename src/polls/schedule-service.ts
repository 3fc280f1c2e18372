import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext } from '../chat/context.js';
import type { Locales, Place } from '../chat/locales.js';
import { fixedAdmin, mayManage } from '../chat/manage.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { joinRich, md, type Rich } from '../chat/rich.js';
import { inScope, inWorkspace } from '../chat/scope.js';
import type { Strings } from '../chat/strings-en.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import { formatDuration } from './duration.js';
import { motionCandidates, pickMotion } from './motions.js';
import { teamPoll } from './poll-args.js';
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
  /** Replies in the place's language; a scheduled post has no request and uses its channel's workspace's. */
  locales: Locales;
}

const local = (iso: string, tz: string, locale: string) =>
  new Intl.DateTimeFormat(locale, {
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

  private t(place: Place): Strings {
    return this.deps.locales.strings(place);
  }

  async add(cmd: Extract<ScheduleCommand, { op: 'add' }>, ctx: ChatContext): Promise<Reply> {
    const now = this.deps.clock.now();
    const t = this.t(ctx);
    const gap = shortestGap(cmd.spec, cmd.timezone, now);
    if (gap < MIN_SCHEDULE_GAP_MS) return ephemeral(t.schedules.tooOften(cmd.when.slice(0, 40), formatDuration(gap)));
    const existing = (await this.deps.store.inChannel(ctx)).length;
    if (existing >= MAX_SCHEDULES_PER_CHANNEL) return ephemeral(t.schedules.tooMany(existing));
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
      title: t.schedules.scheduledTitle,
      blocks: [{ type: 'text', text: t.schedules.scheduled(this.describe(schedule, t), schedule.id) }],
    };
  }

  async list(ctx: ChatContext): Promise<Reply> {
    const all = await this.deps.store.inChannel(ctx);
    const t = this.t(ctx);
    if (all.length === 0) return ephemeral(t.schedules.none());
    return {
      visibility: 'ephemeral',
      title: t.schedules.listTitle,
      blocks: [
        {
          type: 'text',
          text: joinRich(
            all.map((s) => md`• ${this.describe(s, t)}`),
            '\n',
          ),
        },
      ],
    };
  }

  /** `/versus schedule remove <id>`: a schedule of the channel the command comes from. */
  async remove(id: string, ctx: ChatContext): Promise<Reply> {
    const s = await this.deps.store.get(id);
    if (!inScope(s, ctx)) return ephemeral(this.t(ctx).schedules.notInChannel(id.slice(0, 20)));
    return this.removeFound(s, ctx);
  }

  /**
   * Remove on the Home, which spans channels: it acts only on what it lists, the schedules this person
   * added in this workspace. Anything else is answered as an unknown id.
   */
  async removeOwn(id: string, ctx: ChatContext): Promise<Reply> {
    const s = await this.deps.store.get(id);
    if (!inWorkspace(s, ctx) || s.createdBy !== ctx.userId)
      return ephemeral(this.t(ctx).schedules.notYours(id.slice(0, 20)));
    return this.removeFound(s, ctx);
  }

  private async removeFound(s: Schedule, ctx: ChatContext): Promise<Reply> {
    const t = this.t(ctx);
    if (!(await mayManage(ctx, { ...s, ownerId: s.createdBy })))
      return ephemeral(t.schedules.onlyOwner(t.usage.admin[ctx.platform]));
    await this.deps.store.remove(s.id);
    return ephemeral(t.schedules.removed(s.id));
  }

  private describe(s: Schedule, t: Strings): Rich {
    const next = local(s.nextRunAt, s.timezone, t.schedules.dateLocale);
    return md`\`${s.id}\` ${s.spec} (${s.timezone}), ${t.schedules.lasting(formatDuration(s.durationMs), next)}`;
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
    // No request to carry a locale: the poll is asked in the language of the workspace it is posted in.
    const t = this.t(s);
    const team = teamPoll(t);
    const question = motion ? t.schedules.debateQuestion(motion.label) : team.question;
    await polls.create(
      { op: 'create', kind: 'team', question, options: team.options, anonymous: true, durationMs: s.durationMs },
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
