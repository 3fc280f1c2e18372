import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext } from '../chat/context.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { err, ok, type Result } from '../chat/result.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import { DEFAULT_DURATION_MS, formatDuration, parseDuration } from './duration.js';
import { motionCandidates, pickMotion } from './motions.js';
import { TEAM_OPTIONS, TEAM_QUESTION } from './poll-args.js';
import type { PollService } from './poll-service.js';
import type { Schedule, ScheduleStore } from './schedule-store.js';
import { MIN_SCHEDULE_GAP_MS, nextRun, parseWhen, shortestGap, validTimeZone, WHEN_EXAMPLES } from './when.js';

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

interface AddArgs {
  when: string;
  timezone: string;
  durationMs: number;
}

/** `add <when> [--tz Zone] [--duration 24h]` → validated arguments. */
export function parseAddArgs(args: string): Result<AddArgs, string> {
  const tokenized = tokenizeArgs(args);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  let timezone = 'UTC';
  let durationMs = DEFAULT_DURATION_MS;
  const when: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '--tz' || t === '--timezone') {
      timezone = tokens[++i] ?? '';
      if (!validTimeZone(timezone))
        return err(
          `Unknown time zone “${timezone.slice(0, 40)}”. Use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\`.`,
        );
    } else if (t === '--duration' || t === '--for') {
      const d = parseDuration(tokens[++i] ?? '');
      if (!d.ok) return err(d.error);
      durationMs = d.value;
    } else if (t.startsWith('--'))
      return err(`Unknown flag \`${t.slice(0, 20)}\`; use \`--tz Zone\` or \`--duration 24h\`.`);
    else when.push(t);
  }
  if (when.length === 0)
    return err(
      `Say when, e.g. \`/versus schedule add every monday at 10:00 --tz Europe/Berlin\`. Formats: ${WHEN_EXAMPLES}.`,
    );
  return ok({ when: when.join(' '), timezone, durationMs });
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

  async command(args: string, ctx: ChatContext): Promise<Reply> {
    const [sub, ...rest] = args.trim().split(/\s+/);
    switch ((sub ?? '').toLowerCase()) {
      case 'add':
        return this.add(rest.join(' '), ctx);
      case 'list':
      case '':
        return this.list(ctx);
      case 'remove':
      case 'delete':
        return this.remove(rest[0] ?? '', ctx);
      default:
        return ephemeral(
          `\`/versus schedule\` takes \`add <when>\`, \`list\` or \`remove <id>\`. Example: \`/versus schedule add every monday at 10:00 --tz Europe/Berlin\`.`,
        );
    }
  }

  private add(args: string, ctx: ChatContext): Reply {
    const parsed = parseAddArgs(args);
    if (!parsed.ok) return ephemeral(parsed.error);
    const spec = parseWhen(parsed.value.when);
    if (!spec.ok) return ephemeral(spec.error);
    const now = this.deps.clock.now();
    const gap = shortestGap(spec.value, parsed.value.timezone, now);
    if (gap < MIN_SCHEDULE_GAP_MS)
      return ephemeral(
        `“${parsed.value.when.slice(0, 40)}” would post a poll every ${formatDuration(gap)}; debate polls may run at most once an hour. Try \`every monday at 10:00\` or \`0 10 * * 1-5\`.`,
      );
    const existing = this.deps.store.inChannel(ctx.platform, ctx.channelId).length;
    if (existing >= MAX_SCHEDULES_PER_CHANNEL)
      return ephemeral(
        `This channel already has ${existing} debate-poll schedules, the most allowed. See them with \`/versus schedule list\` and remove one with \`/versus schedule remove <id>\` first.`,
      );
    const next = nextRun(spec.value, parsed.value.timezone, now, now);
    const schedule: Schedule = {
      id: newId('s'),
      platform: ctx.platform,
      workspaceId: ctx.workspaceId,
      channelId: ctx.channelId,
      spec: parsed.value.when,
      cron: spec.value.cron,
      everyWeeks: spec.value.everyWeeks,
      timezone: parsed.value.timezone,
      durationMs: parsed.value.durationMs,
      createdBy: ctx.userId,
      createdAt: now.toISOString(),
      nextRunAt: next.toISOString(),
    };
    this.deps.store.insert(schedule);
    return {
      visibility: 'channel',
      title: '🗓️ Debate poll scheduled',
      blocks: [
        {
          type: 'text',
          text: `${this.describe(schedule)}\nEach poll debates a topic where the sources disagree, with a cited claim for each side. Remove it with \`/versus schedule remove ${schedule.id}\`.`,
        },
      ],
    };
  }

  private list(ctx: ChatContext): Reply {
    const all = this.deps.store.inChannel(ctx.platform, ctx.channelId);
    if (all.length === 0)
      return ephemeral(
        'No debate polls are scheduled in this channel. Add one with `/versus schedule add every monday at 10:00`.',
      );
    return {
      visibility: 'ephemeral',
      title: 'Scheduled debate polls',
      blocks: [{ type: 'text', text: all.map((s) => `• ${this.describe(s)}`).join('\n') }],
    };
  }

  private remove(id: string, ctx: ChatContext): Reply {
    const s = this.deps.store.get(id);
    if (!s || s.platform !== ctx.platform || s.channelId !== ctx.channelId)
      return ephemeral(
        `There is no schedule “${id.slice(0, 20)}” in this channel. \`/versus schedule list\` shows the ids.`,
      );
    if (s.createdBy !== ctx.userId && !ctx.isAdmin)
      return ephemeral('Only the person who added this schedule or an admin can remove it.');
    this.deps.store.remove(id);
    return ephemeral(`Schedule ${id} removed.`);
  }

  private describe(s: Schedule): string {
    return `\`${s.id}\` ${s.spec} (${s.timezone}), polls last ${formatDuration(s.durationMs)}; next: ${local(s.nextRunAt, s.timezone)}`;
  }

  /**
   * Posts every due occurrence once. After downtime a schedule that missed several occurrences posts
   * one poll, and its next run is computed from now.
   */
  async runDue(): Promise<number> {
    const now = this.deps.clock.now();
    let posted = 0;
    for (const s of this.deps.store.due(now.toISOString())) {
      const next = nextRun({ cron: s.cron, everyWeeks: s.everyWeeks }, s.timezone, now, new Date(s.createdAt));
      if (!this.deps.store.claim(s, next.toISOString(), now.toISOString())) continue; // another process has it
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
    const picked = pickMotion(motionCandidates(answers, taxonomy), store.usedTopics(s.platform, s.channelId));
    if (picked.reset) store.resetUsed(s.platform, s.channelId);
    const motion = picked.motion;
    if (motion) store.markUsed(s.platform, s.channelId, motion.topic, clock.now().toISOString());
    const ctx: ChatContext = {
      platform: s.platform,
      workspaceId: s.workspaceId,
      channelId: s.channelId,
      userId: s.createdBy,
      isAdmin: false,
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
