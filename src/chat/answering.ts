import type { ChatContext } from './context.js';
import type { Reply } from './reply.js';
import type { Result } from './result.js';
import type { RichText } from './rich.js';
import type { Strings } from './strings-en.js';

/** The longest question accepted (a pasted page is fine; a pasted book is not), the same everywhere:
 * slash command, @mention, thread follow-up and `versus ask`. */
export const MAX_QUESTION_CHARS = 12_000;

/**
 * What the router needs from the answering feature (answers/answer-features.ts): mentions, thread
 * follow-ups and message shortcuts are questions. An interface, so chat/ never imports a feature.
 */
export interface QuestionAnswerer {
  /**
   * The answer to `question`, given where `ctx` says. `context` is the thread's earlier question; `private`
   * answers only the asker, with Share.
   */
  answer(
    question: string,
    ctx: ChatContext,
    opts?: { context?: string | undefined; private?: boolean },
  ): Promise<Reply>;
  /** Greetings, thanks, jokes and other domains: no claims to look up. */
  isChatter(text: string, context?: string): boolean;
  /** A question from elsewhere (a message shortcut), checked as `/versus ask` checks its argument, explained in `t`'s words. */
  parseQuestion(text: string, t: Strings): Result<string, RichText>;
}
