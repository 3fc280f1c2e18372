import { z } from 'zod';
import { type AnswerRecord, AnswerRecords } from '../chat/answer-records.js';
import { MAX_QUESTION_CHARS, QUESTION_TOO_LONG, type QuestionAnswerer } from '../chat/answering.js';
import type { ChatContext } from '../chat/context.js';
import { action, command, type Feature, type FeatureDeps } from '../chat/feature.js';
import { usageReply } from '../chat/help.js';
import type { Reply } from '../chat/reply.js';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, type RichText } from '../chat/rich.js';
import { inScope } from '../chat/scope.js';
import { privately, share, shareAction } from '../chat/share.js';
import type { Strings } from '../chat/strings-en.js';
import { feedbackButtons } from '../feedback/feedback-action.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import { askOutcome, since } from '../metrics/metrics.js';
import type { ChannelSettings } from '../settings/settings-store.js';
import { scopeKey } from '../sources/source-store.js';
import { compareAction, moreAction } from './answer-actions.js';
import type { AnswersStore } from './answers-store.js';
import { chatter } from './ask.js';
import { suggestTopics } from './compare.js';
import type { AnswerEngine } from './engine.js';
import { askReply, compareReply, unknownTopicReply } from './present-answers.js';

const AskArgs = z
  .string()
  .trim()
  .min(3, 'Ask a question, e.g. `/versus ask how much memory does a goroutine start with?`')
  .max(MAX_QUESTION_CHARS, QUESTION_TOO_LONG);
const CompareArgs = z
  .string()
  .trim()
  .min(2, 'Name a topic, e.g. `/versus compare concurrency`.')
  .max(60, 'A topic is a word or two, e.g. `/versus compare performance`.');

function parseWith<T>(schema: z.ZodType<T>): (args: string) => Result<T, RichText> {
  return (args) => {
    const p = schema.safeParse(args);
    return p.success ? ok(p.data) : err(issueText(p.error));
  };
}

/** What "More sources" needs to run the question again, kept in the conversation store. */
const AskContext = z.object({
  question: z.string(),
  context: z.string().optional(),
  /** Page 1's answer: its record says where it was given and to whom. */
  answerId: z.string(),
  /** Page 1 went only to the asker: so do the later pages (each with its own Share). */
  private: z.boolean().optional(),
});

/** An answer ends with the feedback buttons; "nothing found" replies have nothing to rate. */
function withFeedback(reply: Reply, answerId: string | undefined, t: Strings): Reply {
  if (!answerId || reply.visibility !== 'channel') return reply;
  return { ...reply, buttons: [...(reply.buttons ?? []), ...feedbackButtons(answerId, t)] };
}

export interface AnsweringDeps
  extends Pick<FeatureDeps, 'knowledge' | 'taxonomy' | 'conversations' | 'metrics' | 'locales'> {
  /** The index's claims; each answer sees the folder's documents and its workspace's own. */
  answers: AnswersStore;
  /** Every answer is logged (question, cited claims) so votes and "nothing found" can be reported. */
  feedback: FeedbackStore;
  /** Whether a channel's command answers are private (the default, with Share) or public. */
  settings: ChannelSettings;
  /** Where each answer was given and to whom: Share and More are checked against it. */
  records: AnswerRecords;
  /** Computes ask and compare: in this thread, or in the worker pool (answers/answer-pool.ts). */
  engine: AnswerEngine;
}

interface Page {
  contextId?: string | undefined;
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
   * A question's answer, given where `ctx` says. Page 1 is logged as a new answer (and recorded with its
   * place and asker); later pages keep page 1's answer id.
   */
  private async answerPage(
    question: string,
    context: string | undefined,
    offset: number,
    ctx: ChatContext,
    page: Page = {},
  ): Promise<Reply> {
    const { engine, taxonomy, conversations, feedback, records } = this.deps;
    const began = performance.now();
    // Team documents answer only in the workspace that added them (AnswersStore.visibleTo).
    const result = await engine.ask({ scope: scopeKey(ctx), question, offset, context }, ctx.receivedAt);
    let answerId = page.answerId;
    if (offset === 0) {
      this.deps.metrics.answer(ctx.platform, 'ask', askOutcome(result), since(began));
      answerId = await feedback.log({ kind: 'ask', question, claimIds: result.claims.map((c) => c.id) });
      await records.add(answerId, ctx, !!page.private);
    }
    const id =
      page.contextId ??
      (result.total > offset + result.claims.length
        ? await conversations.saveContext('ask', { question, context, answerId, private: page.private })
        : undefined);
    const t = this.deps.locales.strings(ctx);
    const reply = withFeedback(
      askReply(result, { offset, contextId: id }, suggestTopics(taxonomy, question), t),
      answerId,
      t,
    );
    return page.private ? privately(reply, answerId, conversations, t) : reply;
  }

  isChatter(text: string, context?: string): boolean {
    return chatter(this.deps.answers, this.deps.taxonomy, text, context !== undefined);
  }

  parseQuestion(text: string): Result<string, RichText> {
    return parseWith(AskArgs)(text);
  }

  /** `/versus ask` and `compare` answer only the asker unless an admin made the channel's answers public. */
  private async isPrivate(ctx: ChatContext): Promise<boolean> {
    return (await this.deps.settings.answers(ctx)) === 'private';
  }

  async compareTopic(topic: string, ctx: ChatContext, isPrivate = false): Promise<Reply> {
    const began = performance.now();
    const outcome = await this.deps.engine.compare(scopeKey(ctx), topic, ctx.receivedAt);
    this.deps.metrics.answer(ctx.platform, 'compare', outcome.found ? 'found' : 'nothing_found', since(began));
    const t = this.deps.locales.strings(ctx);
    if (!outcome.found) return unknownTopicReply(topic, outcome.suggestions, t);
    const r = outcome.result;
    const answerId = await this.deps.feedback.log({
      kind: 'compare',
      question: `compare ${r.topic.label}`,
      claimIds: [...r.go, ...r.python].map((c) => c.id),
    });
    await this.deps.records.add(answerId, ctx, isPrivate);
    const reply = withFeedback(compareReply(r, t), answerId, t);
    return isPrivate ? privately(reply, answerId, this.deps.conversations, t) : reply;
  }

  /**
   * Whether `ctx` may page this answer: only where it was given, and a private answer only by its asker
   * (until they share it). To anyone else the button is as unknown as an old one.
   */
  private mayPage(record: AnswerRecord | undefined, ctx: ChatContext): boolean {
    return inScope(record, ctx) && (!record.private || record.sharedAt !== undefined || record.userId === ctx.userId);
  }

  features(): Feature[] {
    const { conversations, records } = this.deps;
    return [
      {
        name: 'ask',
        help: { usage: '/versus ask <question>', example: '/versus ask how much memory does a goroutine start with?' },
        command: command(parseWith(AskArgs), async (question, ctx) =>
          this.answer(question, ctx, { private: await this.isPrivate(ctx) }),
        ),
        action: action(moreAction, async ({ contextId, offset }, ctx) => {
          const saved = AskContext.safeParse(await conversations.loadContext('ask', contextId));
          const record = saved.success ? await records.find(saved.data.answerId) : undefined;
          if (!saved.success || !this.mayPage(record, ctx))
            return { reply: usageReply('That answer is too old to page. Ask again.') };
          const { question, context, ...page } = saved.data;
          return { update: await this.answerPage(question, context, offset, ctx, { ...page, contextId }) };
        }),
        actions: [action(shareAction, ({ contextId }, ctx) => share(contextId, ctx, { conversations, records }))],
        tasks: [{ name: 'answerRecordsPruned', run: () => records.prune() }],
      },
      {
        name: 'compare',
        help: { usage: '/versus compare <topic>', example: '/versus compare concurrency' },
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
