import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext, Platform } from '../chat/context.js';
import type { ActionOutcome } from '../chat/handler.js';
import { mayManage } from '../chat/manage.js';
import type { ChatPort } from '../chat/port.js';
import { cited } from '../chat/present-answers.js';
import { type CitedClaim, ephemeral, type Reply } from '../chat/reply.js';
import { md, mention, type RichText } from '../chat/rich.js';
import { type Clock, DAY_MS } from '../clock.js';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import { Coalescer } from '../runtime/coalescer.js';
import type { Matrix } from './definition.js';
import type { MatrixStore, Session } from './matrix-store.js';
import { answerChoices, renderScorecard, renderStep } from './render-walk.js';
import { type Aggregate, aggregate, score } from './scoring.js';
import type { WalkAction } from './walk-action.js';

/** A walk nobody touched for this long is closed, with a note in the channel. */
export const IDLE_EXPIRY_DAYS = 7;
export const IDLE_EXPIRY_MS = IDLE_EXPIRY_DAYS * DAY_MS;

export interface WalkDeps {
  matrix: Matrix;
  store: MatrixStore;
  answers: AnswersStore;
  ports: ReadonlyMap<Platform, ChatPort>;
  clock: Clock;
  logger: Logger;
  updateIntervalMs?: number | undefined;
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

  private openFor(ctx: ChatContext, mode: Session['mode']): Session | undefined {
    return this.deps.store.open(ctx.platform, ctx.channelId, mode, mode === 'channel' ? ctx.channelId : ctx.userId);
  }

  async start(ctx: ChatContext, mode: Session['mode']): Promise<Reply> {
    const now = this.now();
    const existing = this.openFor(ctx, mode);
    const session =
      existing ??
      this.deps.store.create({
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
      });
    if (mode === 'solo') return this.stepReply(session, ctx.userId);
    const port = this.deps.ports.get(ctx.platform);
    if (!port) return ephemeral('The walk cannot be posted from here.');
    // Resuming re-posts the current step at the bottom of the channel, where people will see it.
    const ref = await port.post(ctx.channelId, this.stepReply(session), session.threadId);
    this.deps.store.setMessage(session.id, ref.messageId, now);
    const n = this.deps.matrix.factors.length;
    return ephemeral(
      existing
        ? `Resumed the open walk at step ${session.step + 1} of ${n}.`
        : `Started a ${n}-step decision-matrix walk. Answer with the buttons; you move on with Next.`,
    );
  }

  status(ctx: ChatContext): Reply {
    const s = this.openFor(ctx, 'channel') ?? this.openFor(ctx, 'solo');
    if (!s) return ephemeral(md`No walk is open here. Start one with \`/versus matrix\`.`);
    const answered = new Set(this.deps.store.answers(s.id).map((a) => a.step)).size;
    return ephemeral(
      md`Walk ${s.id} (${s.mode}): step ${s.step + 1} of ${this.deps.matrix.factors.length}, ${answered} step(s) answered, started by ${mention(s.starterId)}.`,
    );
  }

  async cancel(ctx: ChatContext): Promise<Reply> {
    const s = this.openFor(ctx, 'solo') ?? this.openFor(ctx, 'channel');
    if (!s) return ephemeral('No walk is open here.');
    if (!(await mayManage(ctx, s.starterId, this.deps.ports)))
      return ephemeral(md`Only ${mention(s.starterId)} or an admin can cancel this walk.`);
    this.deps.store.setStatus(s.id, 'cancelled', this.now());
    return ephemeral(md`Walk ${s.id} cancelled.`);
  }

  async action(a: WalkAction, ctx: ChatContext): Promise<ActionOutcome> {
    const s = this.deps.store.get(a.sessionId);
    if (!s) return { reply: ephemeral(md`This walk no longer exists. Start one with \`/versus matrix\`.`) };
    if (s.status !== 'open') {
      const what = a.op === 'back' ? 'Back is no longer possible' : 'its buttons no longer work';
      return { reply: ephemeral(md`This walk is ${s.status}; ${what}. Start a new one with \`/versus matrix\`.`) };
    }
    if (a.step !== s.step) return { reply: ephemeral(md`The walk has moved on to step ${s.step + 1}; answer there.`) };
    const factor = this.deps.matrix.factors[s.step]!;
    if (a.op === 'answer') {
      if (!a.value || !answerChoices(factor).includes(a.value))
        return { reply: ephemeral('That answer is not one of the choices.') };
      this.deps.store.answer(s.id, s.step, ctx.userId, a.value, this.now());
      if (s.mode === 'solo') return { update: this.stepReply(s, ctx.userId) };
      this.renders.request(s.id);
      return { reply: ephemeral(md`Recorded your answer for “${factor.title}”. Click another to change it.`) };
    }
    if (!(await mayManage(ctx, s.starterId, this.deps.ports)))
      return { reply: ephemeral(md`Only ${mention(s.starterId)} (who started the walk) or an admin can move it on.`) };
    const last = this.deps.matrix.factors.length - 1;
    switch (a.op) {
      case 'back':
        if (s.step === 0) return { reply: ephemeral('This is the first step.') };
        this.deps.store.setStep(s.id, s.step - 1, this.now());
        break;
      case 'skip':
        this.deps.store.skip(s.id, s.step);
        if (s.step === last) return this.finish(s);
        this.deps.store.setStep(s.id, s.step + 1, this.now());
        break;
      case 'next':
        if (s.step === last) return this.finish(s);
        this.deps.store.setStep(s.id, s.step + 1, this.now());
        break;
      case 'finish':
        return this.finish(s);
      case 'cancel':
        this.deps.store.setStatus(s.id, 'cancelled', this.now());
        return { update: ephemeral('Walk cancelled.') };
    }
    this.rerenderLater(s);
    return { update: this.stepReply(this.deps.store.get(s.id)!, ctx.userId) };
  }

  private async finish(s: Session): Promise<ActionOutcome> {
    if (!this.deps.store.setStatus(s.id, 'finished', this.now()))
      return { reply: ephemeral('This walk is already finished.') };
    this.rerenderLater(s);
    return { update: this.scorecard(s) };
  }

  /**
   * Channel walks: also queue a re-render after navigation, so an answer-count edit that was already on
   * its way cannot land after this one and show an old step (the coalescer flushes once more at the end).
   */
  private rerenderLater(s: Session): void {
    if (s.mode === 'channel') this.renders.request(s.id);
  }

  scorecard(s: Session): Reply {
    const card = score(this.deps.matrix, this.aggregates(s));
    // Cite what the verdict leans on: claims that favor the winning side first.
    const lean = card.go > card.python ? 'go' : card.python > card.go ? 'python' : undefined;
    const evidence = this.evidence(card.claims).sort((a, b) => Number(b.favors === lean) - Number(a.favors === lean));
    return renderScorecard(card, evidence.slice(0, 4), s.mode);
  }

  /** Closes walks idle for IDLE_EXPIRY_DAYS, with a note in the channel. */
  async expireIdle(): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - IDLE_EXPIRY_MS).toISOString();
    let n = 0;
    for (const s of this.deps.store.idleSince(cutoff)) {
      if (!this.deps.store.setStatus(s.id, 'expired', this.now())) continue;
      n++;
      if (s.mode === 'channel') {
        await this.deps.ports
          .get(s.platform)
          ?.post(
            s.channelId,
            ephemeralToChannel(
              md`The decision-matrix walk started by ${mention(s.starterId)} expired after ${IDLE_EXPIRY_DAYS} days without activity. Start again with \`/versus matrix\`.`,
            ),
            s.threadId,
          )
          .catch((err: unknown) => this.deps.logger.warn({ err, walk: s.id }, 'could not post expiry note'));
      }
    }
    return n;
  }

  private aggregates(s: Session): Map<string, Aggregate> {
    const answers = this.deps.store.answers(s.id);
    const skipped = this.deps.store.skipped(s.id);
    return new Map(
      this.deps.matrix.factors.map((f, i) => [
        f.id,
        aggregate(
          f,
          answers.filter((a) => a.step === i).map((a) => a.value),
          skipped.has(i),
        ),
      ]),
    );
  }

  /** One step's message: only that step's answers are aggregated (it is re-rendered on every answer). */
  private stepReply(s: Session, userId?: string): Reply {
    const factor = this.deps.matrix.factors[s.step]!;
    const answers = this.deps.store.answers(s.id).filter((a) => a.step === s.step);
    const agg = aggregate(
      factor,
      answers.map((a) => a.value),
      this.deps.store.skipped(s.id).has(s.step),
    );
    const yours = userId ? answers.find((a) => a.userId === userId)?.value : undefined;
    return renderStep(this.deps.matrix, s, agg, this.evidence(factor.claims), yours);
  }

  private evidence(ids: string[]): CitedClaim[] {
    const found = this.deps.answers.claimsByIds(ids);
    return ids.flatMap((id) => found.filter((c) => c.id === id)).map(cited);
  }

  private async rerender(id: string): Promise<void> {
    const s = this.deps.store.get(id);
    const port = s && this.deps.ports.get(s.platform);
    if (!s?.messageId || !port || (s.status !== 'open' && s.status !== 'finished')) return;
    await port.update(
      { channelId: s.channelId, messageId: s.messageId, threadId: s.threadId },
      s.status === 'finished' ? this.scorecard(s) : this.stepReply(s),
    );
  }
}

function ephemeralToChannel(text: RichText): Reply {
  return { ...ephemeral(text), visibility: 'channel' };
}
