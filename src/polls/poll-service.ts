import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext, Platform } from '../chat/context.js';
import type { LiveMessageDeps } from '../chat/feature.js';
import type { ActionOutcome } from '../chat/handler.js';
import type { Locales } from '../chat/locales.js';
import { mayManage } from '../chat/manage.js';
import type { ChatPort } from '../chat/port.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { channel, code, link } from '../chat/rich.js';
import { inScope } from '../chat/scope.js';
import { HOUR_MS } from '../clock.js';
import { newId } from '../ids.js';
import { cited } from '../knowledge/cited.js';
import type { Metrics } from '../metrics/metrics.js';
import { Coalescer } from '../runtime/coalescer.js';
import type { PollCommand } from './poll-args.js';
import type { Motion, Poll, PollStore } from './poll-store.js';
import { type PollEvidence, renderPoll, votesCsv } from './render-poll.js';

export interface PollServiceDeps extends LiveMessageDeps {
  store: PollStore;
  answers: AnswersStore;
  metrics: Metrics;
  /** Poll text is in the language of the poll's channel (else workspace), whoever's click redraws it. */
  locales: Locales;
}

type Create = Extract<PollCommand, { op: 'create' }>;

/**
 * A Team Go vs Team Python poll without a motion shows, once closed, the strongest claim of each side
 * on the topic the sources measure most (performance), from its best-ranked claims.
 */
const FALLBACK_EVIDENCE = { topic: 'performance', pool: 50 } as const;

/** Polls on any platform: create and post, vote/change/retract, coalesced live results, close, export. */
export class PollService {
  readonly renders: Coalescer;

  constructor(private readonly deps: PollServiceDeps) {
    this.renders = new Coalescer(deps.updateIntervalMs ?? 1000, (id) => this.rerender(id), deps.logger);
  }

  private port(platform: Platform): ChatPort | undefined {
    return this.deps.ports.get(platform);
  }

  async create(cmd: Create, ctx: ChatContext, extra: { motion?: Motion; scheduleId?: string } = {}): Promise<Reply> {
    const port = this.port(ctx.platform);
    const say = this.deps.locales.strings(ctx).pollCommands;
    if (!port) return ephemeral(say.notHere);
    const now = this.deps.clock.now();
    const poll: Poll = {
      id: newId('p'),
      platform: ctx.platform,
      workspaceId: ctx.workspaceId,
      channelId: ctx.channelId,
      threadId: ctx.threadId,
      creatorId: ctx.userId,
      question: cmd.question,
      kind: cmd.kind,
      anonymous: cmd.anonymous,
      motion: extra.motion,
      scheduleId: extra.scheduleId,
      createdAt: now.toISOString(),
      closesAt: new Date(now.getTime() + cmd.durationMs).toISOString(),
      options: cmd.options,
    };
    await this.deps.store.create(poll);
    try {
      const ref = await port.post(poll, await this.render(poll));
      await this.deps.store.setMessage(poll.id, ref.messageId, ref.threadId);
    } catch (err) {
      this.deps.logger.warn({ err, poll: poll.id, channel: poll.channelId }, 'could not post poll');
      await this.deps.store.close(poll.id, now.toISOString(), 'post_failed');
      return ephemeral(say.postFailed);
    }
    return ephemeral(say.posted(poll.id, Math.round((cmd.durationMs / HOUR_MS) * 10) / 10));
  }

  /** The poll, only when asked from the workspace and channel it lives in; otherwise as if unknown. */
  private async scoped(pollId: string, ctx: ChatContext): Promise<Poll | undefined> {
    const poll = await this.deps.store.get(pollId);
    return inScope(poll, ctx) ? poll : undefined;
  }

  async vote(pollId: string, option: number, ctx: ChatContext): Promise<ActionOutcome> {
    // Its place only, cached: whether it is still open is the vote's own transaction's to say.
    const place = await this.deps.store.place(pollId);
    const poll = inScope(place, ctx) ? place : undefined;
    // The clicker's place: the router has read its channel's language into ctx.
    const t = this.deps.locales.strings(ctx).polls;
    if (!poll) return { reply: ephemeral(t.gone) };
    // A click run again from the click journal counts at the time it was acknowledged.
    const now = new Date(ctx.requestKey?.heldAt ?? this.deps.clock.now().getTime()).toISOString();
    const { requestKey } = ctx;
    const outcome = await this.deps.store.vote(pollId, ctx.userId, option, now, {
      knownOptions: poll.options,
      requestKey,
    });
    if (outcome.kind === 'replayed') return { replayed: true };
    this.deps.metrics.vote(ctx.platform, outcome.kind);
    switch (outcome.kind) {
      case 'no_such_poll':
        return { reply: ephemeral(t.gone) };
      case 'no_such_option':
        return { reply: ephemeral(t.noSuchOption) };
      case 'closed':
        return { reply: ephemeral(t.tooLate()) };
      default: {
        this.renders.request(pollId);
        const label = outcome.label;
        const team = label.replace(/^\p{Extended_Pictographic}\s*/u, '');
        const text =
          outcome.kind === 'retracted'
            ? t.withdrawn(team)
            : label.match(/Go|Python/) && !/depends/i.test(label)
              ? t.onTeam(team)
              : t.voted(team);
        return { reply: ephemeral(text) };
      }
    }
  }

  async close(pollId: string, ctx: ChatContext): Promise<Reply> {
    const poll = await this.scoped(pollId, ctx);
    const t = this.deps.locales.strings(ctx);
    if (!poll) return ephemeral(t.pollCommands.noSuchPoll(pollId));
    if (poll.closedAt) return ephemeral(t.pollCommands.alreadyClosed(pollId));
    if (!(await mayManage(ctx, { ...poll, ownerId: poll.creatorId })))
      return ephemeral(t.pollCommands.onlyOwner(t.usage.admin[ctx.platform]));
    await this.finish(poll, ctx.userId);
    return ephemeral(t.pollCommands.closed(pollId));
  }

  /** Closes every poll whose end time has passed — also those that ended while the bot was down. */
  async closeDue(): Promise<number> {
    let closed = 0;
    for (const id of await this.deps.store.dueForClosing(this.deps.clock.now().toISOString())) {
      const poll = await this.deps.store.get(id);
      if (poll && (await this.finish(poll, 'schedule'))) closed++;
    }
    return closed;
  }

  async results(pollId: string, ctx: ChatContext): Promise<Reply> {
    const poll = await this.scoped(pollId, ctx);
    if (!poll) return ephemeral(this.deps.locales.strings(ctx).pollCommands.noSuchPoll(pollId));
    return { ...(await this.render(poll)), buttons: undefined, visibility: 'ephemeral' };
  }

  async export(pollId: string, ctx: ChatContext): Promise<Reply> {
    const poll = await this.scoped(pollId, ctx);
    const say = this.deps.locales.strings(ctx).pollCommands;
    if (!poll) return ephemeral(say.noSuchPoll(pollId));
    const port = this.port(ctx.platform);
    if (!port?.upload) return ephemeral(say.noExports);
    const name = `poll-${poll.id}.csv`;
    const where = await port.upload(
      { workspaceId: poll.workspaceId, channelId: ctx.channelId, threadId: ctx.threadId },
      name,
      votesCsv(poll, await this.deps.store.voters(poll.id)),
    );
    const file = where.url ? link(where.url, name) : where.path ? code(where.path) : name;
    return ephemeral(say.exported(poll.id, file, channel(where.channelId), poll.anonymous));
  }

  /** At start: redraw every poll message older than its votes (e.g. after kill -9 mid-storm). */
  async redrawStale(): Promise<number> {
    const ids = await this.deps.store.staleRenders();
    for (const id of ids) this.renders.request(id);
    return ids.length;
  }

  find(pollId: string): Promise<Poll | undefined> {
    return this.deps.store.get(pollId);
  }

  async render(poll: Poll): Promise<Reply> {
    const tally = await this.deps.store.tally(poll.id, poll.options.length);
    const voters = poll.anonymous ? [] : await this.deps.store.voters(poll.id);
    // Often drawn with no request in sight (redraws, scheduled polls): the channel's language is looked up.
    return renderPoll(poll, tally, voters, this.evidence(poll), await this.deps.locales.at(poll));
  }

  private async finish(poll: Poll, by: string): Promise<boolean> {
    if (!(await this.deps.store.close(poll.id, this.deps.clock.now().toISOString(), by))) return false;
    this.renders.request(poll.id);
    return true;
  }

  /**
   * Edits the poll's message to its latest state, holding the poll's lease so that of all processes
   * sharing the database one edits at a time, at the platform's pace; when another holds it, asks again.
   */
  private async rerender(pollId: string): Promise<void> {
    const edited = await this.deps.leases.exclusive(`poll:${pollId}`, this.renders.intervalMs, async () => {
      // Read after taking the lease: this edit shows at least what the previous holder's showed.
      const poll = await this.deps.store.get(pollId);
      const port = poll && this.port(poll.platform);
      if (!poll?.messageId || !port || (poll.renderedVersion ?? 0) >= (poll.version ?? 0)) return;
      const { workspaceId, channelId, messageId, threadId } = poll;
      await port.update({ workspaceId, channelId, messageId, threadId }, await this.render(poll));
      await this.deps.store.markRendered(poll.id, poll.version ?? 0);
    });
    if (!edited) this.renders.request(pollId);
  }

  /** The strongest cited claim for each side: of the motion's topic, else the best-evidenced topic. */
  private evidence(poll: Poll): PollEvidence {
    if (poll.kind !== 'team' && !poll.motion) return {};
    const ids = [poll.motion?.goClaimId, poll.motion?.pythonClaimId].filter((x): x is string => !!x);
    if (ids.length) {
      const found = this.deps.answers.claimsByIds(ids);
      return { go: found.find((c) => c.favors === 'go'), python: found.find((c) => c.favors === 'python') };
    }
    // Evidence *for* each side: a slow Python timing is about Python but favors Go.
    const pool = this.deps.answers
      .claimsForTopic(FALLBACK_EVIDENCE.topic, FALLBACK_EVIDENCE.pool)
      .filter((c) => !c.derived);
    const go = pool.find((c) => c.favors === 'go');
    const python = pool.find((c) => c.favors === 'python');
    return { go: go && cited(go), python: python && cited(python) };
  }
}
