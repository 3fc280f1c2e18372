import { z } from 'zod';
import { ask } from '../answers/ask.js';
import { compare, suggestTopics } from '../answers/compare.js';
import { compareAction, moreAction } from './answer-actions.js';
import { action, command, type Feature, type FeatureDeps } from './feature.js';
import { usageReply } from './help.js';
import { askReply, compareReply, sourcesReply, unknownTopicReply } from './present-answers.js';
import type { Reply } from './reply.js';
import { err, ok, type Result } from './result.js';
import { issueText, type RichText } from './rich.js';

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
const AskContext = z.object({ question: z.string(), context: z.string().optional() });

/**
 * Answers from the indexed sources: ask (with paging), compare, sources. Mentions and threads use `answer`.
 * Kept in chat/ while src/answers/ is being rewritten; its natural home is that folder's feature module.
 */
export class Answering {
  constructor(private readonly deps: Pick<FeatureDeps, 'answers' | 'knowledge' | 'taxonomy' | 'conversations'>) {}

  answer(question: string, context: string | undefined, offset: number, contextId?: string): Reply {
    const { answers, taxonomy, conversations } = this.deps;
    const result = ask(answers, taxonomy, question, { offset, context });
    const id =
      contextId ??
      (result.total > offset + result.claims.length
        ? conversations.saveContext('ask', { question, context })
        : undefined);
    return askReply(result, { offset, contextId: id }, suggestTopics(taxonomy, question));
  }

  compareTopic(topic: string): Reply {
    const outcome = compare(this.deps.answers, this.deps.taxonomy, topic);
    return outcome.found ? compareReply(outcome.result) : unknownTopicReply(topic, outcome.suggestions);
  }

  features(): Feature[] {
    const { knowledge, conversations } = this.deps;
    return [
      {
        name: 'ask',
        help: { usage: '/versus ask <question>', example: '/versus ask how much memory does a goroutine start with?' },
        command: command(parseWith(AskArgs), (question) => this.answer(question, undefined, 0)),
        action: action(moreAction, ({ contextId, offset }) => {
          const saved = AskContext.safeParse(conversations.loadContext('ask', contextId));
          if (!saved.success) return { reply: usageReply('That answer is too old to page. Ask again.') };
          return { update: this.answer(saved.data.question, saved.data.context, offset, contextId) };
        }),
      },
      {
        name: 'compare',
        help: { usage: '/versus compare <topic>', example: '/versus compare concurrency' },
        command: command(parseWith(CompareArgs), (topic) => this.compareTopic(topic)),
        action: action(compareAction, ({ topic }) => ({ reply: this.compareTopic(topic) })),
      },
      {
        name: 'sources',
        help: { usage: '/versus sources', example: '/versus sources' },
        command: command(
          () => ok(undefined),
          () => sourcesReply(knowledge.documents(), knowledge.getMeta('indexed_at')),
        ),
      },
    ];
  }
}

/** ask, compare and sources, over the knowledge index. */
export function createAnswering(deps: FeatureDeps): { answering: Answering; features: Feature[] } {
  const answering = new Answering(deps);
  return { answering, features: answering.features() };
}
