import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext } from '../chat/context.js';
import type { LiveMessageDeps } from '../chat/feature.js';
import type { ActionOutcome } from '../chat/handler.js';
import { capitalized } from '../chat/labels.js';
import { mayManage } from '../chat/manage.js';
import { type Button, ephemeral, type Reply } from '../chat/reply.js';
import { md, mention } from '../chat/rich.js';
import { inScope } from '../chat/scope.js';
import { newId } from '../ids.js';
import { cited } from '../knowledge/cited.js';
import type { CitedClaim } from '../knowledge/types.js';
import { Coalescer } from '../runtime/coalescer.js';
import type { Matrix } from './definition.js';
import type { MatrixStore, Session } from './matrix-store.js';
import {
  answerChoices,
  closedWalkReply,
  renderScorecard,
  renderStep,
  staleClickReply,
  startNote,
} from './render-walk.js';
import { aggregate } from './scoring.js';
import { askedSteps, nextStep, type Prefill, position, previousStep } from './steps.js';
import type { WalkAction } from './walk-action.js';
import { expireIdleWalks } from './walk-expiry.js';
import { channelMatrix, type WalkOutcome, walkOutcome } from './walk-outcome.js';
import { weightsNote } from './weights.js';
import type { MatrixWeights } from './weights-store.js';

export { IDLE_EXPIRY_DAYS, IDLE_EXPIRY_MS } from './walk-expiry.js';

export interface WalkDeps extends LiveMessageDeps {
  matrix: Matrix;
  store: MatrixStore;
  weights: MatrixWeights;
  answers: AnswersStore;
  /** The Export decision record button a finished walk's scorecard carries. */
  exportButton?: ((walkId: string) => Button) | undefined;
}

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

  private describe(s: Session): string {
    return s.mode === 'solo' ? `your solo walk ${s.id}` : `the channel walk ${s.id}`;
  }

  private async otherNote(ctx: ChatContext, s: Session, verb: string): Promise<string> {
    const other = await this.openFor(ctx, s.mode === 'solo' ? 'channel' : 'solo');
    return other ? ` (${this.describe(other)} is open too: \`/versus matrix ${verb} ${other.mode}\`)` : '';
  }

  async start(ctx: ChatContext, mode: Session['mode'], refine?: Refinement): Promise<Reply> {
    const now = this.now();
    const existing = await this.openFor(ctx, mode);
    if (existing && refine) return startNote({ busy: this.describe(existing), mode });
    const { off } = await channelMatrix(this.deps.matrix, this.deps.weights, ctx);
    const asked = askedSteps(this.deps.matrix, refine?.prefill, off);
    if (!existing && asked.length === 0) return startNote({ nothingToAsk: refine ? 'refine' : 'off' });
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
    if (!port) return ephemeral('The walk cannot be posted from here.');
    // Resuming re-posts the current step at the bottom of the channel, where people will see it.
    const at = { workspaceId: session.workspaceId, channelId: ctx.channelId, threadId: session.threadId };
    const ref = await port.post(at, await this.stepReply(session));
    await this.deps.store.setMessage(session.id, ref.messageId, now);
    const n = asked.length;
    if (existing) return startNote({ resumedAt: position(asked, session.step).index, n });
    return startNote({ started: n, filled: refine ? this.deps.matrix.factors.length - n : 0 });
  }

  async status(ctx: ChatContext, mode?: Session['mode']): Promise<Reply> {
    const s = await this.target(ctx, mode);
    if (!s) return ephemeral(md`No ${mode ? `${mode} ` : ''}walk is open here. Start one with \`/versus matrix\`.`);
    const answered = new Set((await this.deps.store.answers(s.id)).map((a) => a.step)).size;
    const note = await this.otherNote(ctx, s, 'status');
    const what = this.describe(s);
    const at = position(await this.asked(s), s.step);
    return ephemeral(
      md`${capitalized(what)}: step ${at.index} of ${at.count}, ${answered} step(s) answered, started by ${mention(s.starterId)}${note}.`,
    );
  }

  async cancel(ctx: ChatContext, mode?: Session['mode']): Promise<Reply> {
    const s = await this.target(ctx, mode);
    if (!s) return ephemeral(`No ${mode ? `${mode} ` : ''}walk is open here.`);
    if (!(await mayManage(ctx, { ...s, ownerId: s.starterId })))
      return ephemeral(md`Only ${mention(s.starterId)} or an admin can cancel this walk.`);
    if (!(await this.deps.store.setStatus(s.id, 'cancelled', this.now())))
      return ephemeral(`${this.describe(s)} is no longer open.`);
    if (s.mode === 'channel') this.renders.requestNow(s.id);
    const what = this.describe(s);
    const note = await this.otherNote(ctx, s, 'cancel');
    return ephemeral(md`${capitalized(what)} is cancelled${note}.`);
  }

  async action(a: WalkAction, ctx: ChatContext): Promise<ActionOutcome> {
    const found = await this.deps.store.get(a.sessionId);
    // Only from the walk's own workspace and channel, and a solo walk only by its owner; elsewhere the
    // click is answered as for an unknown walk, before anything is read or written.
    const s = inScope(found, ctx) && (found.mode === 'channel' || found.ownerKey === ctx.userId) ? found : undefined;
    if (!s) return { reply: ephemeral(md`This walk no longer exists. Start one with \`/versus matrix\`.`) };
    if (s.status !== 'open') {
      const what = a.op === 'back' ? 'Back is no longer possible' : 'its buttons no longer work';
      return { reply: ephemeral(md`This walk is ${s.status}; ${what}. Start a new one with \`/versus matrix\`.`) };
    }
    const asked = await this.asked(s);
    if (a.step !== s.step)
      return { reply: ephemeral(md`The walk has moved on to step ${position(asked, s.step).index}; answer there.`) };
    const factor = this.deps.matrix.factors[s.step]!;
    const stale = async (from: number) => {
      const now = (await this.deps.store.get(s.id))!;
      return { reply: staleClickReply(now, position(asked, from).index, position(asked, now.step).index) };
    };
    if (a.op === 'answer') {
      if (!a.value || !answerChoices(factor).includes(a.value))
        return { reply: ephemeral('That answer is not one of the choices.') };
      // Atomic with the walk still open at this step: a click that another overtook changes nothing.
      if (!(await this.deps.store.answer(s.id, s.step, ctx.userId, a.value, this.now()))) return stale(s.step);
      if (s.mode === 'solo') return { update: await this.stepReply(s, ctx.userId) };
      this.renders.request(s.id);
      return { reply: ephemeral(md`Recorded your answer for “${factor.title}”. Click another to change it.`) };
    }
    if (!(await mayManage(ctx, { ...s, ownerId: s.starterId })))
      return { reply: ephemeral(md`Only ${mention(s.starterId)} (who started the walk) or an admin can move it on.`) };
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
        if (back === undefined) return { reply: ephemeral('This is the first step.') };
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
    return closedWalkReply(s.status);
  }

  /** What a walk adds up to under its channel's weights (also what its decision record is written from). */
  outcome(s: Session): Promise<WalkOutcome> {
    return walkOutcome(this.deps.matrix, this.deps.store, this.deps.weights, s);
  }

  async scorecard(s: Session): Promise<Reply> {
    const o = await this.outcome(s);
    const card = o.card;
    // Cite what the verdict leans on: claims that favor the winning side first.
    const lean = card.go > card.python ? 'go' : card.python > card.go ? 'python' : undefined;
    const evidence = this.evidence(card.claims).sort((a, b) => Number(b.favors === lean) - Number(a.favors === lean));
    return renderScorecard(card, evidence.slice(0, 4), s.mode, {
      filled: o.filled,
      off: o.off,
      note: weightsNote(this.deps.matrix, o.changes),
      buttons: this.deps.exportButton ? [this.deps.exportButton(s.id)] : [],
    });
  }

  /** The steps this walk asks: its channel's switched-off factors and its verdict's answers are not asked. */
  private async asked(s: Session): Promise<number[]> {
    return askedSteps(this.deps.matrix, s.prefill, (await channelMatrix(this.deps.matrix, this.deps.weights, s)).off);
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

  /** One step's message: only that step's answers are aggregated (it is re-rendered on every answer). */
  private async stepReply(s: Session, userId?: string): Promise<Reply> {
    const factor = this.deps.matrix.factors[s.step]!;
    const answers = (await this.deps.store.answers(s.id)).filter((a) => a.step === s.step);
    const agg = aggregate(
      factor,
      answers.map((a) => a.value),
      (await this.deps.store.skipped(s.id)).has(s.step),
    );
    const yours = userId ? answers.find((a) => a.userId === userId)?.value : undefined;
    const asked = await this.asked(s);
    const nav = {
      ...position(asked, s.step),
      back: previousStep(asked, s.step) !== undefined,
      next: nextStep(asked, s.step) !== undefined,
    };
    return renderStep(this.deps.matrix, s, agg, this.evidence(factor.claims), nav, yours);
  }

  private evidence(ids: string[]): CitedClaim[] {
    const found = this.deps.answers.claimsByIds(ids);
    return ids.flatMap((id) => found.filter((c) => c.id === id)).map(cited);
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
