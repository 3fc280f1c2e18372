import { z } from 'zod';
import { type AnswerRecord, AnswerRecords } from '../chat/answer-records.js';
import { MAX_QUESTION_CHARS, type QuestionAnswerer } from '../chat/answering.js';
import type { ChatContext } from '../chat/context.js';
import { action, command, type Feature, type FeatureDeps } from '../chat/feature.js';
import { usageReply } from '../chat/help.js';
import { perCatalogue } from '../chat/per-catalogue.js';
import type { Reply } from '../chat/reply.js';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, type RichText } from '../chat/rich.js';
import { inScope } from '../chat/scope.js';
import { type LaterPage, privately, share, shareAction } from '../chat/share.js';
import type { Strings } from '../chat/strings-en.js';
import { feedbackButtons } from '../feedback/feedback-action.js';
import { type FeedbackStore, newAnswerId } from '../feedback/feedback-store.js';
import { askOutcome, since } from '../metrics/metrics.js';
import type { ChannelSettings } from '../settings/settings-store.js';
import { scopeKey } from '../sources/source-store.js';
import { compareAction, moreAction } from './answer-actions.js';
import type { AnswersStore } from './answers-store.js';
import { chatter } from './ask.js';
import { suggestTopics } from './compare.js';
import type { AnswerEngine } from './engine.js';
import { askReply, compareReply, unknownTopicReply } from './present-answers.js';

/** `/versus ask`'s and `compare`'s argument, with its messages in the place's language. */
const AskArgs = perCatalogue((t) =>
  z.string().trim().min(3, t.usage.askEmpty).max(MAX_QUESTION_CHARS, t.usage.questionTooLong),
);
const CompareArgs = perCatalogue((t) => z.string().trim().min(2, t.usage.compareEmpty).max(60, t.usage.compareTooLong));

function parseWith<T>(schema: (t: Strings) => z.ZodType<T>): (args: string, t: Strings) => Result<T, RichText> {
  return (args, t) => {
    const p = schema(t).safeParse(args);
    return p.success ? ok(p.data) : err(issueText(p.error));
  };
}

/** What "More sources" needs to run the question again, kept in the answer's record. */
const AskAgain = z.object({ question: z.string(), context: z.string().optional() });
type AskAgain = z.infer<typeof AskAgain>;

/** An answer ends with the feedback buttons; "nothing found" replies have nothing to rate. */
function withFeedback(reply: Reply, answerId: string | undefined, t: Strings): Reply {
  if (!answerId || reply.visibility !== 'channel') return reply;
  return { ...reply, buttons: [...(reply.buttons ?? []), ...feedbackButtons(answerId, t)] };
}

export interface AnsweringDeps extends Pick<FeatureDeps, 'knowledge' | 'taxonomy' | 'metrics' | 'locales'> {
  /** The index's claims; each answer sees the folder's documents and its workspace's own. */
  answers: AnswersStore;
  /** Every answer is logged (question, cited claims) so votes and "nothing found" can be reported. */
  feedback: FeedbackStore;
  /** Whether a channel's command answers are private (the default, with Share) or public. */
  settings: ChannelSettings;
  /** Each answer's record (the row feedback.log wrote): Share and More are checked against it and served from it. */
  records: AnswerRecords;
  /** Computes ask and compare: in this thread, or in the worker pool (answers/answer-pool.ts). */
  engine: AnswerEngine;
}

interface Page {
  /** Page 1's answer, for the later pages. */
  answerId?: string | undefined;
  private?: boolean | undefined;
}

/** Answers from the indexed sources: ask (with paging) and compare. Mentions and threads use `answer`. */
export class Answering implements QuestionAnswerer {
  constructor(private readonly deps: AnsweringDeps) {}

  answer(question: string, ctx: ChatContext, opts: { context?: string | undefined; private?: boolean } = {}) {
    return this.answerPage(question, opts.context, 0, ctx, { private: opts.private });
  }

  /**
   * A question's answer, given where `ctx` says. Page 1 is a new answer: composed under a fresh id, then
   * logged with its place, asker, More's question and (when private) its public form in one write. Later
   * pages keep page 1's id and write nothing.
   */
  private async answerPage(
    question: string,
    context: string | undefined,
    offset: number,
    ctx: ChatContext,
    page: Page = {},
  ): Promise<Reply> {
    const began = performance.now();
    const answerId = page.answerId ?? newAnswerId();
    const { result, reply, more } = await this.publicPage({ question, context }, offset, ctx, answerId);
    if (offset === 0) {
      this.deps.metrics.answer(ctx.platform, 'ask', askOutcome(result), since(began));
      const claimIds = result.claims.map((c) => c.id);
      const again = more ? { question, context } : undefined;
      const share = page.private && reply.visibility === 'channel' ? reply : undefined;
      const given = { where: ctx, private: !!page.private, more: again, share };
      await this.deps.feedback.log({ id: answerId, kind: 'ask', question, claimIds, given });
    }
    return page.private ? privately(reply, answerId, this.deps.locales.strings(ctx), offset) : reply;
  }

  /** Page `offset` of an answer as the channel sees it: what a public answer shows and what Share posts. */
  private async publicPage(q: AskAgain, offset: number, ctx: ChatContext, answerId: string) {
    const { engine, taxonomy } = this.deps;
    // Team documents answer only in the workspace that added them (AnswersStore.visibleTo).
    const result = await engine.ask({ scope: scopeKey(ctx), ...q, offset }, ctx.receivedAt);
    const more = result.total > offset + result.claims.length;
    const t = this.deps.locales.strings(ctx);
    const shown = { offset, answerId: more ? answerId : undefined };
    const reply = withFeedback(askReply(result, shown, suggestTopics(taxonomy, q.question), t), answerId, t);
    return { result, reply, more };
  }

  /** Share under a later page: that page composed again from the record, as "More sources" composed it. */
  private readonly laterPage: LaterPage = async (record, offset, ctx) => {
    const again = AskAgain.safeParse(record.more);
    return again.success ? (await this.publicPage(again.data, offset, ctx, record.answerId)).reply : undefined;
  };

  isChatter(text: string, context?: string): boolean {
    return chatter(this.deps.answers, this.deps.taxonomy, text, context !== undefined);
  }

  parseQuestion(text: string, t: Strings): Result<string, RichText> {
    return parseWith(AskArgs)(text, t);
  }

  /**
   * `/versus ask` and `compare` answer only the asker unless an admin made the channel's answers public:
   * decided before anything is composed, and declared to the platform (Feature.visibility).
   */
  private readonly shownIn = (ctx: ChatContext) => this.deps.settings.shownIn(ctx);
  private readonly isPrivate = async (ctx: ChatContext) => (await this.shownIn(ctx)) === 'ephemeral';

  async compareTopic(topic: string, ctx: ChatContext, isPrivate = false): Promise<Reply> {
    const began = performance.now();
    const outcome = await this.deps.engine.compare(scopeKey(ctx), topic, ctx.receivedAt);
    this.deps.metrics.answer(ctx.platform, 'compare', outcome.found ? 'found' : 'nothing_found', since(began));
    const t = this.deps.locales.strings(ctx);
    if (!outcome.found) return unknownTopicReply(topic, outcome.suggestions, t);
    const r = outcome.result;
    const answerId = newAnswerId();
    const reply = withFeedback(compareReply(r, t), answerId, t);
    await this.deps.feedback.log({
      id: answerId,
      kind: 'compare',
      question: `compare ${r.topic.label}`,
      claimIds: [...r.go, ...r.python].map((c) => c.id),
      given: { where: ctx, private: isPrivate, share: isPrivate ? reply : undefined },
    });
    return isPrivate ? privately(reply, answerId, t) : reply;
  }

  /**
   * Whether `ctx` may page this answer: only where it was given, and a private answer only by its asker
   * (until they share it). To anyone else the button is as unknown as an old one.
   */
  private mayPage(record: AnswerRecord | undefined, ctx: ChatContext): record is AnswerRecord {
    return inScope(record, ctx) && (!record.private || record.sharedAt !== undefined || record.userId === ctx.userId);
  }

  features(): Feature[] {
    const { records } = this.deps;
    return [
      {
        name: 'ask',
        help: { usage: '/versus ask <question>', example: '/versus ask how much memory does a goroutine start with?' },
        visibility: this.shownIn,
        command: command(parseWith(AskArgs), async (question, ctx) =>
          this.answer(question, ctx, { private: await this.isPrivate(ctx) }),
        ),
        action: action(moreAction, async ({ answerId, offset }, ctx) => {
          const record = await records.find(answerId);
          const again = AskAgain.safeParse(record?.more);
          if (!again.success || !this.mayPage(record, ctx)) {
            const t = this.deps.locales.strings(ctx);
            return { reply: usageReply(t.usage.tooOldToPage, undefined, t) };
          }
          const { question, context } = again.data;
          return {
            update: await this.answerPage(question, context, offset, ctx, { answerId, private: record.private }),
          };
        }),
        actions: [
          action(shareAction, (a, ctx) => share(a, ctx, records, this.deps.locales.strings(ctx), this.laterPage)),
        ],
        tasks: [{ name: 'answerRecordsPruned', run: () => records.prune() }],
      },
      {
        name: 'compare',
        help: { usage: '/versus compare <topic>', example: '/versus compare concurrency' },
        visibility: this.shownIn,
        command: command(parseWith(CompareArgs), async (topic, ctx) =>
          this.compareTopic(topic, ctx, await this.isPrivate(ctx)),
        ),
        action: action(compareAction, async ({ topic }, ctx) => ({
          reply: await this.compareTopic(topic, ctx, await this.isPrivate(ctx)),
        })),
      },
    ];
  }
}

/** ask and compare, over the knowledge index. */
export function createAnswering(
  deps: FeatureDeps,
  parts: Pick<AnsweringDeps, 'answers' | 'feedback' | 'settings' | 'engine'>,
): { answering: Answering; features: Feature[]; records: AnswerRecords } {
  const records = new AnswerRecords(deps.shared, deps.clock);
  const answering = new Answering({ ...deps, ...parts, records });
  return { answering, features: answering.features(), records };
}
