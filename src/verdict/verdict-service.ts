import { z } from 'zod';
import { exportButton } from '../adr/adr-action.js';
import type { DecisionRecordService } from '../adr/adr-service.js';
import type { AnswersStore, StoredClaim } from '../answers/answers-store.js';
import type { AnswerEngine } from '../answers/engine.js';
import type { ChatContext } from '../chat/context.js';
import type { ConversationStore } from '../chat/conversation-store.js';
import type { ActionOutcome } from '../chat/handler.js';
import { usageReply } from '../chat/help.js';
import type { Locales } from '../chat/locales.js';
import type { Reply } from '../chat/reply.js';
import { inScope, type Scope } from '../chat/scope.js';
import { privately } from '../chat/share.js';
import { feedbackButtons } from '../feedback/feedback-action.js';
import { type FeedbackStore, newAnswerId } from '../feedback/feedback-store.js';
import { newId } from '../ids.js';
import { cited } from '../knowledge/cited.js';
import type { CitedClaim } from '../knowledge/types.js';
import type { Matrix } from '../matrix/definition.js';
import type { Contribution } from '../matrix/scoring.js';
import type { WalkService } from '../matrix/walk-service.js';
import type { MatrixWeights } from '../matrix/weights-store.js';
import type { Verdict } from './decide.js';
import type { Decider } from './decider.js';
import { nothingReadReply, verdictReply } from './render-verdict.js';
import { asksForDecision, MIN_FACTORS } from './route.js';
import { refineButton } from './verdict-action.js';
import { verdictInput } from './verdict-input.js';

export interface VerdictDeps {
  matrix: Matrix;
  /** Reads a situation on this thread: the command line, tests, and a bot without an answer pool. */
  decider: Decider;
  /** The answer pool: a bot's verdicts are computed there, like its answers, never on the event loop. */
  offThread?: AnswerEngine | undefined;
  weights: MatrixWeights;
  walks: WalkService;
  records: DecisionRecordService;
  answers: AnswersStore;
  conversations: ConversationStore;
  feedback: FeedbackStore;
  /** Replies, buttons and records speak the language of the place they are for. */
  locales: Locales;
}

/** What Refine and Export need again, kept in the conversation store with the channel it was given in. */
const Saved = z.object({
  situation: z.string().max(20_000),
  platform: z.enum(['slack', 'discord', 'console']),
  workspaceId: z.string(),
  channelId: z.string(),
  recordId: z.string(),
});
type Saved = z.infer<typeof Saved>;

/** `/versus verdict`: a situation read into the matrix's answers, scored as the walk scores, with its buttons. */
export class VerdictService {
  constructor(private readonly deps: VerdictDeps) {}

  /** Scored under the channel's weights; with no channel (the command line), the sources' weights. */
  async verdict(situation: string, where?: Scope & { receivedAt?: number | undefined }): Promise<Verdict> {
    const changes = where ? await this.deps.weights.get(where) : [];
    const { offThread, decider } = this.deps;
    // From a worker: decide()'s own result, structured-cloned (Maps and Sets survive the copy).
    return offThread?.verdict
      ? ((await offThread.verdict({ situation, changes }, where?.receivedAt)) as Verdict)
      : decider.decide(situation, changes);
  }

  /** The verdict reply; private (with Share) when the channel's answers are private. */
  async reply(situation: string, ctx: ChatContext, opts: { private: boolean }): Promise<Reply> {
    return this.replyFor(await this.verdict(situation, ctx), ctx, opts);
  }

  /** A mention or assistant-pane message that asks the Go-or-Python question about a described situation. */
  async route(text: string, ctx: ChatContext): Promise<Reply | undefined> {
    if (!asksForDecision(text)) return undefined;
    const v = await this.verdict(text, ctx);
    return v.inference.inferred.length >= MIN_FACTORS ? this.replyFor(v, ctx, { private: false }) : undefined;
  }

  private async replyFor(v: Verdict, ctx: ChatContext, opts: { private: boolean }): Promise<Reply> {
    const situation = v.inference.situation;
    const t = this.deps.locales.strings(ctx);
    if (v.inference.inferred.length === 0) return nothingReadReply(situation, t);
    const saved: Saved = { situation, ...pickScope(ctx), recordId: newId('d') };
    const contextId = await this.deps.conversations.saveContext('verdict', saved);
    const answerId = newAnswerId();
    const channelRefine = refineButton(contextId, 'channel', t);
    const buttons = [channelRefine, exportButton('v', contextId, t), ...feedbackButtons(answerId, t)];
    const reply = verdictReply({ verdict: v, matrix: this.deps.matrix, evidence: (c) => this.evidence(c), buttons }, t);
    await this.deps.feedback.log({
      id: answerId,
      kind: 'ask',
      question: `verdict: ${situation}`,
      claimIds: v.card.claims,
      given: { where: ctx, private: opts.private, share: opts.private ? reply : undefined },
    });
    if (!opts.private) return reply;
    // The private copy refines alone; the copy Share posts refines with the channel.
    const mine = privately(reply, answerId, t);
    const solo = refineButton(contextId, 'solo', t);
    return { ...mine, buttons: mine.buttons?.map((b) => (b.actionId === channelRefine.actionId ? solo : b)) };
  }

  /** A factor's claims as indexed, those for the side it pulls toward first. */
  claimsFor(c: Contribution): StoredClaim[] {
    const side = c.net > 0 ? 'go' : 'python';
    const found = this.deps.answers.claimsByIds(c.claims);
    return c.claims
      .flatMap((id) => found.filter((x) => x.id === id))
      .sort((a, b) => Number(b.favors === side) - Number(a.favors === side));
  }

  evidence(c: Contribution): CitedClaim[] {
    return this.claimsFor(c).map(cited);
  }

  /** The verdict as the command line prints it: the chat reply without its buttons. */
  view(v: Verdict): Reply {
    return verdictReply({ verdict: v, matrix: this.deps.matrix, evidence: (c) => this.evidence(c), buttons: [] });
  }

  private gone(ctx: ChatContext): Reply {
    const t = this.deps.locales.strings(ctx);
    return usageReply(t.verdict.gone(), undefined, t);
  }

  private async saved(contextId: string, ctx: ChatContext): Promise<Saved | undefined> {
    const p = Saved.safeParse(await this.deps.conversations.loadContext('verdict', contextId));
    // Buttons of a verdict work only in the channel it was given in, like every poll and walk button.
    return p.success && inScope(p.data, ctx) ? p.data : undefined;
  }

  /** Refine: a walk with the verdict's answers filled in, asking only the open factors. */
  async refine(a: { contextId: string; mode: 'channel' | 'solo' }, ctx: ChatContext): Promise<ActionOutcome> {
    const s = await this.saved(a.contextId, ctx);
    if (!s) return { reply: this.gone(ctx) };
    const v = await this.verdict(s.situation, ctx);
    return {
      reply: await this.deps.walks.start(ctx, a.mode, {
        prefill: v.prefill,
        situation: s.situation,
        recordId: s.recordId,
      }),
    };
  }

  /** Export decision record under a verdict: the record's next revision, uploaded where the click came from. */
  async export(contextId: string, ctx: ChatContext): Promise<ActionOutcome> {
    const s = await this.saved(contextId, ctx);
    if (!s) return { reply: this.gone(ctx) };
    const v = await this.verdict(s.situation, ctx);
    const records = this.deps.records;
    const input = verdictInput(
      this.deps.matrix,
      v,
      { recordId: s.recordId, userId: ctx.userId, date: records.now(), sentiment: await records.sentiment(ctx) },
      this.deps.answers,
      this.deps.locales.strings(ctx),
    );
    return { reply: await records.deliver(await records.record(input, ctx, ctx.userId), ctx) };
  }
}

const pickScope = (ctx: ChatContext): Scope => ({
  platform: ctx.platform,
  workspaceId: ctx.workspaceId,
  channelId: ctx.channelId,
});
