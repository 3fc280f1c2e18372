import type { AnswersStore } from '../answers/answers-store.js';
import type { ChatContext, Platform } from '../chat/context.js';
import type { ActionOutcome } from '../chat/handler.js';
import { mayManage } from '../chat/manage.js';
import type { ChatPort } from '../chat/port.js';
import { cited } from '../chat/present-answers.js';
import { type CitedClaim, ephemeral, type Reply } from '../chat/reply.js';
import { md, mention, type RichText } from '../chat/rich.js';
import { inScope } from '../chat/scope.js';
import { type Clock, DAY_MS } from '../clock.js';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import { Coalescer } from '../runtime/coalescer.js';
import type { RenderLeases } from '../store/render-leases.js';
import type { Matrix } from './definition.js';
import type { MatrixStore, Session } from './matrix-store.js';
import { answerChoices, closedWalkReply, renderScorecard, renderStep, staleClickReply } from './render-walk.js';
import { type Aggregate, aggregate, score } from './scoring.js';
import type { WalkAction } from './walk-action.js';

/** A walk nobody touched for this long is closed, with a note in the channel. */
export const IDLE_EXPIRY_DAYS = 7;
export const IDLE_EXPIRY_MS = IDLE_EXPIRY_DAYS * DAY_MS;

export interface WalkDeps {
  matrix: Matrix;
  store: MatrixStore;
  leases: RenderLeases;
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

  async start(ctx: ChatContext, mode: Session['mode']): Promise<Reply> {
    const now = this.now();
    const existing = await this.openFor(ctx, mode);
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
      }));
    if (mode === 'solo') return this.stepReply(session, ctx.userId);
    const port = this.deps.ports.get(ctx.platform);
    if (!port) return ephemeral('The walk cannot be posted from here.');
    // Resuming re-posts the current step at the bottom of the channel, where people will see it.
    const ref = await port.post(ctx.channelId, await this.stepReply(session), session.threadId);
    await this.deps.store.setMessage(session.id, ref.messageId, now);
    const n = this.deps.matrix.factors.length;
    return ephemeral(
      existing
        ? `Resumed the open walk at step ${session.step + 1} of ${n}.`
        : `Started a ${n}-step decision-matrix walk. Answer with the buttons; you move on with Next.`,
    );
  }

  async status(ctx: ChatContext, mode?: Session['mode']): Promise<Reply> {
    const s = await this.target(ctx, mode);
    if (!s) return ephemeral(md`No ${mode ? `${mode} ` : ''}walk is open here. Start one with \`/versus matrix\`.`);
    const answered = new Set((await this.deps.store.answers(s.id)).map((a) => a.step)).size;
    const note = await this.otherNote(ctx, s, 'status');
    const what = this.describe(s);
    return ephemeral(
      md`${what[0]!.toUpperCase()}${what.slice(1)}: step ${s.step + 1} of ${this.deps.matrix.factors.length}, ${answered} step(s) answered, started by ${mention(s.starterId)}${note}.`,
    );
  }

  async cancel(ctx: ChatContext, mode?: Session['mode']): Promise<Reply> {
    const s = await this.target(ctx, mode);
    if (!s) return ephemeral(`No ${mode ? `${mode} ` : ''}walk is open here.`);
    if (!(await mayManage(ctx, { ...s, ownerId: s.starterId }, this.deps.ports)))
      return ephemeral(md`Only ${mention(s.starterId)} or an admin can cancel this walk.`);
    if (!(await this.deps.store.setStatus(s.id, 'cancelled', this.now())))
      return ephemeral(`${this.describe(s)} is no longer open.`);
    if (s.mode === 'channel') this.renders.requestNow(s.id);
    const what = this.describe(s);
    const note = await this.otherNote(ctx, s, 'cancel');
    return ephemeral(md`${what[0]!.toUpperCase()}${what.slice(1)} is cancelled${note}.`);
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
    if (a.step !== s.step) return { reply: ephemeral(md`The walk has moved on to step ${s.step + 1}; answer there.`) };
    const factor = this.deps.matrix.factors[s.step]!;
    if (a.op === 'answer') {
      if (!a.value || !answerChoices(factor).includes(a.value))
        return { reply: ephemeral('That answer is not one of the choices.') };
      // Atomic with the walk still open at this step: a click that another overtook changes nothing.
      if (!(await this.deps.store.answer(s.id, s.step, ctx.userId, a.value, this.now())))
        return { reply: staleClickReply((await this.deps.store.get(s.id))!, s.step) };
      if (s.mode === 'solo') return { update: await this.stepReply(s, ctx.userId) };
      this.renders.request(s.id);
      return { reply: ephemeral(md`Recorded your answer for “${factor.title}”. Click another to change it.`) };
    }
    if (!(await mayManage(ctx, { ...s, ownerId: s.starterId }, this.deps.ports)))
      return { reply: ephemeral(md`Only ${mention(s.starterId)} (who started the walk) or an admin can move it on.`) };
    // Navigation is compare-and-set on the step the button was clicked from: the admin check above may
    // have taken a while, and a click that another click overtook must not move the walk back.
    const from = a.step;
    const last = this.deps.matrix.factors.length - 1;
    const now = this.now();
    const forward = () =>
      from === last ? this.deps.store.finishAt(s.id, from, now) : this.deps.store.move(s.id, from, from + 1, now);
    let moved: boolean;
    switch (a.op) {
      case 'back':
        if (from === 0) return { reply: ephemeral('This is the first step.') };
        moved = await this.deps.store.move(s.id, from, from - 1, now);
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
    const current = (await this.deps.store.get(s.id))!;
    if (!moved) return { reply: staleClickReply(current, from) };
    return this.shown(current, ctx.userId);
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

  async scorecard(s: Session): Promise<Reply> {
    const card = score(this.deps.matrix, await this.aggregates(s));
    // Cite what the verdict leans on: claims that favor the winning side first.
    const lean = card.go > card.python ? 'go' : card.python > card.go ? 'python' : undefined;
    const evidence = this.evidence(card.claims).sort((a, b) => Number(b.favors === lean) - Number(a.favors === lean));
    return renderScorecard(card, evidence.slice(0, 4), s.mode);
  }

  /** At start: redraw every channel-walk message older than the walk's state. */
  async redrawStale(): Promise<number> {
    const ids = await this.deps.store.staleRenders();
    for (const id of ids) this.renders.request(id);
    return ids.length;
  }

  /** Closes walks idle for IDLE_EXPIRY_DAYS, with a note in the channel. */
  async expireIdle(): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - IDLE_EXPIRY_MS).toISOString();
    let n = 0;
    for (const s of await this.deps.store.idleSince(cutoff)) {
      if (!(await this.deps.store.setStatus(s.id, 'expired', this.now()))) continue;
      n++;
      if (s.mode === 'channel') this.renders.request(s.id);
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

  private async aggregates(s: Session): Promise<Map<string, Aggregate>> {
    const answers = await this.deps.store.answers(s.id);
    const skipped = await this.deps.store.skipped(s.id);
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
  private async stepReply(s: Session, userId?: string): Promise<Reply> {
    const factor = this.deps.matrix.factors[s.step]!;
    const answers = (await this.deps.store.answers(s.id)).filter((a) => a.step === s.step);
    const agg = aggregate(
      factor,
      answers.map((a) => a.value),
      (await this.deps.store.skipped(s.id)).has(s.step),
    );
    const yours = userId ? answers.find((a) => a.userId === userId)?.value : undefined;
    return renderStep(this.deps.matrix, s, agg, this.evidence(factor.claims), yours);
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
      await port.update({ channelId: s.channelId, messageId: s.messageId, threadId: s.threadId }, await this.view(s));
      await this.deps.store.markRendered(s.id, s.version ?? 0);
    });
    if (!edited) this.renders.request(id);
  }
}

function ephemeralToChannel(text: RichText): Reply {
  return { ...ephemeral(text), visibility: 'channel' };
}
