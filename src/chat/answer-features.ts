import { z } from 'zod';
import { ask, chatter } from '../answers/ask.js';
import { compare, suggestTopics } from '../answers/compare.js';
import { feedbackButtons } from '../feedback/feedback-action.js';
import type { FeedbackStore } from '../feedback/feedback-store.js';
import type { Strings } from '../i18n/en.js';
import { askOutcome, since } from '../metrics/metrics.js';
import type { ChannelSettings } from '../settings/settings-store.js';
import { scopeKey } from '../sources/source-store.js';
import { compareAction, moreAction } from './answer-actions.js';
import { type AnswerRecord, AnswerRecords } from './answer-records.js';
import type { ChatContext } from './context.js';
import { action, command, type Feature, type FeatureDeps } from './feature.js';
import { usageReply } from './help.js';
import { askReply, compareReply, unknownTopicReply } from './present-answers.js';
import type { Reply } from './reply.js';
import { err, ok, type Result } from './result.js';
import { issueText, type RichText } from './rich.js';
import { inScope } from './scope.js';
import { privately, share, shareAction } from './share.js';

/** The longest question accepted (a pasted page is fine; a pasted book is not), the same everywhere:
 * slash command, @mention, thread follow-up and `versus ask`. */
export const MAX_QUESTION_CHARS = 12_000;
export const QUESTION_TOO_LONG = 'That question is too long (over 12,000 characters). Ask something shorter.';

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
  extends Pick<FeatureDeps, 'answers' | 'knowledge' | 'taxonomy' | 'conversations' | 'metrics' | 'locales'> {
  /** Every answer is logged (question, cited claims) so votes and "nothing found" can be reported. */
  feedback: FeedbackStore;
  /** Whether a channel's command answers are private (the default, with Share) or public. */
  settings: ChannelSettings;
  /** Where each answer was given and to whom: Share and More are checked against it. */
  records: AnswerRecords;
}

interface Page {
  contextId?: string | undefined;
  answerId?: string | undefined;
  private?: boolean | undefined;
}

/**
 * Answers from the indexed sources: ask (with paging) and compare. Mentions and threads use `answer`.
 * Kept in chat/ while src/answers/ is being rewritten; its natural home is that folder's feature module.
 */
export class Answering {
  constructor(private readonly deps: AnsweringDeps) {}

  /**
   * A question's answer, given where `ctx` says. Page 1 is logged as a new answer (and recorded with its
   * place and asker); later pages keep page 1's answer id.
   */
  async answer(
    question: string,
    context: string | undefined,
    offset: number,
    ctx: ChatContext,
    page: Page = {},
  ): Promise<Reply> {
    const { answers, taxonomy, conversations, feedback, records } = this.deps;
    const began = performance.now();
    // Team documents answer only in the workspace that added them (AnswersStore.visibleTo).
    const result = ask(answers.visibleTo(scopeKey(ctx)), taxonomy, question, { offset, context });
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

  /** Greetings, thanks, jokes and other domains get no claims: a pointer in a mention, silence in a thread. */
  isChatter(text: string, context?: string): boolean {
    return chatter(this.deps.answers, this.deps.taxonomy, text, context !== undefined);
  }

  /** A question from elsewhere (a message shortcut), checked as `/versus ask` checks its argument. */
  parseQuestion(text: string): Result<string, RichText> {
    return parseWith(AskArgs)(text);
  }

  /** `/versus ask` and `compare` answer only the asker unless an admin made the channel's answers public. */
  private async isPrivate(ctx: ChatContext): Promise<boolean> {
    return (await this.deps.settings.answers(ctx)) === 'private';
  }

  async compareTopic(topic: string, ctx: ChatContext, isPrivate = false): Promise<Reply> {
    const began = performance.now();
    const outcome = compare(this.deps.answers.visibleTo(scopeKey(ctx)), this.deps.taxonomy, topic);
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
          this.answer(question, undefined, 0, ctx, { private: await this.isPrivate(ctx) }),
        ),
        action: action(moreAction, async ({ contextId, offset }, ctx) => {
          const saved = AskContext.safeParse(await conversations.loadContext('ask', contextId));
          const record = saved.success ? await records.find(saved.data.answerId) : undefined;
          if (!saved.success || !this.mayPage(record, ctx))
            return { reply: usageReply('That answer is too old to page. Ask again.') };
          const { question, context, ...page } = saved.data;
          return { update: await this.answer(question, context, offset, ctx, { ...page, contextId }) };
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
  feedback: FeedbackStore,
  settings: ChannelSettings,
): { answering: Answering; features: Feature[]; records: AnswerRecords } {
  const records = new AnswerRecords(deps.shared, deps.clock);
  const answering = new Answering({ ...deps, feedback, settings, records });
  return { answering, features: answering.features(), records };
}
