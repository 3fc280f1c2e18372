import type { ChatContext } from '../chat/context.js';
import type { LiveMessageDeps } from '../chat/feature.js';
import type { ActionOutcome } from '../chat/handler.js';
import { capitalized } from '../chat/labels.js';
import type { ChannelPlace } from '../chat/locales.js';
import { mayManage } from '../chat/manage.js';
import { ephemeral, type Reply } from '../chat/reply.js';
import { md, mention, type Rich } from '../chat/rich.js';
import { inScope } from '../chat/scope.js';
import type { Strings } from '../chat/strings-en.js';
import { newId } from '../ids.js';
import { Coalescer } from '../runtime/coalescer.js';
import type { Session } from './matrix-store.js';
import { answerChoices, closedWalkReply, staleClickReply, startNote } from './render-walk.js';
import { askedSteps, nextStep, type Prefill, position, previousStep } from './steps.js';
import type { WalkAction } from './walk-action.js';
import { expireIdleWalks } from './walk-expiry.js';
import { channelMatrix, type WalkOutcome, walkOutcome } from './walk-outcome.js';
import { askedOf, scorecardView, stepView, type ViewDeps } from './walk-views.js';
import { titleOf } from './words.js';

export { IDLE_EXPIRY_DAYS, IDLE_EXPIRY_MS } from './walk-expiry.js';

/** What the walk service needs: the live message's deps and what drawing a walk reads. */
export interface WalkDeps extends LiveMessageDeps, ViewDeps {}

/** Refine on a verdict: its answers fill the walk, which asks only what the situation left open. */
export interface Refinement {
  prefill: Prefill;
  situation: string;
  recordId: string;
}

/** The decision-matrix walk: one step at a time, answers per person, starter-driven navigation, a cited scorecard. */
export class WalkService {
  readonly renders: Coalescer;

  constructor(private readonly deps: WalkDeps) {
    this.renders = new Coalescer(deps.updateIntervalMs ?? 1000, (id) => this.rerender(id), deps.logger);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /**
   * The catalogue of the walk's channel (or the request's, before there is a walk): its channel setting
   * included, which the request that brought us here has just refreshed (Locales.at).
   */
  private t(place: ChannelPlace): Promise<Strings> {
    return this.deps.locales.at(place);
  }

  private async openFor(ctx: ChatContext, mode: Session['mode']): Promise<Session | undefined> {
    const s = await this.deps.store.open(
      ctx.platform,
      ctx.channelId,
      mode,
      mode === 'channel' ? ctx.channelId : ctx.userId,
    );
    return inScope(s, ctx) ? s : undefined;
  }

  /**
   * The walk `status` and `cancel` act on: the one named, else your own solo walk, else the channel's.
   * Both commands use this one lookup, and both say which walk they mean.
   */
  private async target(ctx: ChatContext, mode?: Session['mode']): Promise<Session | undefined> {
    if (mode) return this.openFor(ctx, mode);
    return (await this.openFor(ctx, 'solo')) ?? (await this.openFor(ctx, 'channel'));
  }

  private async describe(s: Session): Promise<string> {
    return (await this.t(s)).walk.describe(s.mode, s.id);
  }

  private async otherNote(ctx: ChatContext, s: Session, verb: string): Promise<Rich> {
    const other = await this.openFor(ctx, s.mode === 'solo' ? 'channel' : 'solo');
    return other ? (await this.t(s)).walk.otherOpen(await this.describe(other), verb, other.mode) : [];
  }

  async start(ctx: ChatContext, mode: Session['mode'], refine?: Refinement): Promise<Reply> {
    const now = this.now();
    const existing = await this.openFor(ctx, mode);
    const t = await this.t(existing ?? ctx);
    if (existing && refine) return startNote({ busy: await this.describe(existing), mode }, t);
    const { off } = await channelMatrix(this.deps.matrix, this.deps.weights, ctx);
    const asked = askedSteps(this.deps.matrix, refine?.prefill, off);
    if (!existing && asked.length === 0) return startNote({ nothingToAsk: refine ? 'refine' : 'off' }, t);
    const session =
      existing ??
      (await this.deps.store.create({
        id: newId('w'),
        platform: ctx.platform,
        workspaceId: ctx.workspaceId,
        channelId: ctx.channelId,
        ownerKey: mode === 'channel' ? ctx.channelId : ctx.userId,
        mode,
        starterId: ctx.userId,
        threadId: ctx.threadId,
        createdAt: now,
        updatedAt: now,
        step: asked[0],
        ...refine,
      }));
    if (mode === 'solo') return this.stepReply(session, ctx.userId);
    const port = this.deps.ports.get(ctx.platform);
    if (!port) return ephemeral(t.walk.cannotPost);
    // Resuming re-posts the current step at the bottom of the channel, where people will see it.
    const at = { workspaceId: session.workspaceId, channelId: ctx.channelId, threadId: session.threadId };
    const ref = await port.post(at, await this.stepReply(session));
    await this.deps.store.setMessage(session.id, ref.messageId, now);
    const n = asked.length;
    if (existing) return startNote({ resumedAt: position(asked, session.step).index, n }, t);
    return startNote({ started: n, filled: refine ? this.deps.matrix.factors.length - n : 0 }, t);
  }

  async status(ctx: ChatContext, mode?: Session['mode']): Promise<Reply> {
    const s = await this.target(ctx, mode);
    const t = await this.t(s ?? ctx);
    if (!s) return ephemeral(md`${t.walk.noneOpen(mode)} ${t.walk.startOne()}`);
    const answered = new Set((await this.deps.store.answers(s.id)).map((a) => a.step)).size;
    const note = await this.otherNote(ctx, s, 'status');
    const what = capitalized(await this.describe(s));
    const at = position(await this.asked(s), s.step);
    return ephemeral(t.walk.statusLine(what, at.index, at.count, answered, [mention(s.starterId)], note));
  }

  async cancel(ctx: ChatContext, mode?: Session['mode']): Promise<Reply> {
    const s = await this.target(ctx, mode);
    const t = await this.t(s ?? ctx);
    if (!s) return ephemeral(t.walk.noneOpen(mode));
    if (!(await mayManage(ctx, { ...s, ownerId: s.starterId })))
      return ephemeral(t.walk.onlyCancel([mention(s.starterId)]));
    const what = capitalized(await this.describe(s));
    if (!(await this.deps.store.setStatus(s.id, 'cancelled', this.now()))) return ephemeral(t.walk.noLongerOpen(what));
    if (s.mode === 'channel') this.renders.requestNow(s.id);
    return ephemeral(t.walk.cancelled(what, await this.otherNote(ctx, s, 'cancel')));
  }

  async action(a: WalkAction, ctx: ChatContext): Promise<ActionOutcome> {
    const found = await this.deps.store.get(a.sessionId);
    // Only from the walk's own workspace and channel, and a solo walk only by its owner; elsewhere the
    // click is answered as for an unknown walk, before anything is read or written.
    const s = inScope(found, ctx) && (found.mode === 'channel' || found.ownerKey === ctx.userId) ? found : undefined;
    if (!s) return { reply: ephemeral((await this.t(ctx)).walk.gone()) };
    const t = await this.t(s);
    if (s.status !== 'open') return { reply: ephemeral(t.walk.notOpen(t.walk.status[s.status], a.op === 'back')) };
    const asked = await this.asked(s);
    if (a.step !== s.step) return { reply: ephemeral(t.walk.movedOn(position(asked, s.step).index)) };
    const factor = this.deps.matrix.factors[s.step]!;
    const stale = async (from: number) => {
      const now = (await this.deps.store.get(s.id))!;
      return { reply: staleClickReply(now, position(asked, from).index, position(asked, now.step).index, t) };
    };
    if (a.op === 'answer') {
      if (!a.value || !answerChoices(factor).includes(a.value)) return { reply: ephemeral(t.walk.notAChoice) };
      // Atomic with the walk still open at this step: a click that another overtook changes nothing.
      if (!(await this.deps.store.answer(s.id, s.step, ctx.userId, a.value, this.now()))) return stale(s.step);
      if (s.mode === 'solo') return { update: await this.stepReply(s, ctx.userId) };
      this.renders.request(s.id);
      return { reply: ephemeral(t.walk.recorded(titleOf(t, factor))) };
    }
    if (!(await mayManage(ctx, { ...s, ownerId: s.starterId })))
      return { reply: ephemeral(t.walk.onlyMove([mention(s.starterId)])) };
    // Navigation is compare-and-set on the step the button was clicked from: the admin check above may
    // have taken a while, and a click that another click overtook must not move the walk back.
    const from = a.step;
    const next = nextStep(asked, from);
    const back = previousStep(asked, from);
    const now = this.now();
    const forward = () =>
      next === undefined ? this.deps.store.finishAt(s.id, from, now) : this.deps.store.move(s.id, from, next, now);
    let moved: boolean;
    switch (a.op) {
      case 'back':
        if (back === undefined) return { reply: ephemeral(t.walk.firstStep) };
        moved = await this.deps.store.move(s.id, from, back, now);
        break;
      case 'skip':
        moved = (await this.deps.store.skip(s.id, from)) && (await forward());
        break;
      case 'next':
        moved = await forward();
        break;
      case 'finish':
        moved = await this.deps.store.finishAt(s.id, from, now);
        break;
      case 'cancel':
        moved = await this.deps.store.setStatus(s.id, 'cancelled', now);
        break;
    }
    if (!moved) return stale(from);
    return this.shown((await this.deps.store.get(s.id))!, ctx.userId);
  }

  /**
   * What the clicker sees after navigation. A channel walk's message is redrawn by the coalescer only
   * (one edit at a time, from the latest state), so an older edit can never land after a newer one.
   */
  private async shown(s: Session, userId: string): Promise<ActionOutcome> {
    const view = await this.view(s, userId);
    if (s.mode === 'solo') return { update: view };
    this.renders.requestNow(s.id);
    return { update: view, liveMessage: true };
  }

  /** The message for a walk in any state: the current step, the scorecard, or a closing note. */
  private async view(s: Session, userId?: string): Promise<Reply> {
    if (s.status === 'finished') return this.scorecard(s);
    if (s.status === 'open') return this.stepReply(s, userId);
    return closedWalkReply(s.status, await this.t(s));
  }

  /** What a walk adds up to under its channel's weights (also what its decision record is written from). */
  outcome(s: Session): Promise<WalkOutcome> {
    return walkOutcome(this.deps.matrix, this.deps.store, this.deps.weights, s);
  }

  scorecard(s: Session): Promise<Reply> {
    return scorecardView(this.deps, s);
  }

  /** The steps this walk asks: its channel's switched-off factors and its verdict's answers are not asked. */
  private asked(s: Session): Promise<number[]> {
    return askedOf(this.deps, s);
  }

  /** At start: redraw every channel-walk message older than the walk's state. */
  async redrawStale(): Promise<number> {
    const ids = await this.deps.store.staleRenders();
    for (const id of ids) this.renders.request(id);
    return ids.length;
  }

  /** Closes walks idle for IDLE_EXPIRY_DAYS, with a note in the channel. */
  expireIdle(): Promise<number> {
    return expireIdleWalks(this.deps, this.renders);
  }

  private stepReply(s: Session, userId?: string): Promise<Reply> {
    return stepView(this.deps, s, userId);
  }

  /** Edits a channel walk's message to its latest state, holding its lease (see PollService.rerender). */
  private async rerender(id: string): Promise<void> {
    const edited = await this.deps.leases.exclusive(`walk:${id}`, this.renders.intervalMs, async () => {
      const s = await this.deps.store.get(id);
      const port = s && this.deps.ports.get(s.platform);
      if (!s?.messageId || !port || s.mode !== 'channel' || (s.renderedVersion ?? 0) >= (s.version ?? 0)) return;
      const ref = { workspaceId: s.workspaceId, channelId: s.channelId, messageId: s.messageId, threadId: s.threadId };
      await port.update(ref, await this.view(s));
      await this.deps.store.markRendered(s.id, s.version ?? 0);
    });
    if (!edited) this.renders.request(id);
  }
}
