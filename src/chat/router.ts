import { randomUUID } from 'node:crypto';
import { isSmalltalk } from '../answers/analyse.js';
import type { AnswersStore } from '../answers/answers-store.js';
import { ask } from '../answers/ask.js';
import { compare, suggestTopics } from '../answers/compare.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import { parseAction } from './action-id.js';
import type { ChatContext } from './context.js';
import type { ConversationStore } from './conversation-store.js';
import type { ActionOutcome, VersusHandler } from './handler.js';
import { helpReply, smalltalkReply, usageReply } from './help.js';
import { type Command, MAX_QUESTION_CHARS, parseCommand, QUESTION_TOO_LONG } from './parse-command.js';
import { askReply, compareReply, sourcesReply, unknownTopicReply } from './present-answers.js';
import type { Reply } from './reply.js';

export interface RouterDeps {
  answers: AnswersStore;
  knowledge: KnowledgeStore;
  conversations: ConversationStore;
  taxonomy: Taxonomy;
  logger: Logger;
  /** Feature handlers added by later modules (polls, schedules, matrix); absent ones answer "not available". */
  features?: Partial<Record<'poll' | 'schedule' | 'matrix', FeatureHandler>>;
}

export interface FeatureHandler {
  command(args: string, ctx: ChatContext): Promise<Reply>;
  action?(actionId: string, ctx: ChatContext): Promise<ActionOutcome>;
}

interface AskContext {
  question: string;
  context?: string | undefined;
}

/** The platform-neutral command router: parses, dispatches to the core, and never lets an exception reach a user. */
export class Router implements VersusHandler {
  constructor(private readonly deps: RouterDeps) {}

  async command(text: string, ctx: ChatContext): Promise<Reply> {
    return this.guard('command', ctx, async () => {
      const parsed = parseCommand(text);
      if (!parsed.ok) return usageReply(parsed.error.message, parsed.error.command);
      return this.run(parsed.value, ctx);
    });
  }

  async action(actionId: string, ctx: ChatContext): Promise<ActionOutcome> {
    return this.guard(
      'action',
      ctx,
      async () => {
        const parsed = parseAction(actionId);
        if (!parsed.ok) return { reply: usageReply(parsed.error) };
        const a = parsed.value;
        switch (a.kind) {
          case 'more': {
            const saved = this.deps.conversations.loadContext<AskContext>('ask', a.contextId);
            if (!saved) return { reply: usageReply('That answer is too old to page. Ask again.') };
            return { update: this.answer(saved.question, saved.context, a.offset, a.contextId) };
          }
          case 'cmp':
            return { reply: this.compareTopic(a.topic) };
          case 'poll':
          case 'mx': {
            const feature = this.deps.features?.[a.kind === 'poll' ? 'poll' : 'matrix'];
            if (!feature?.action) return { reply: usageReply('This feature is not available on this Versus.') };
            return feature.action(actionId, ctx);
          }
        }
      },
      (reply) => ({ reply }),
    );
  }

  async mention(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply> {
    return this.guard('mention', ctx, async () => {
      const question = text.trim();
      if (question.length < 3) return helpReply();
      if (question.length > MAX_QUESTION_CHARS) return usageReply(QUESTION_TOO_LONG, 'ask');
      if (isSmalltalk(question)) return smalltalkReply();
      const earlier = this.deps.conversations.threadQuestion(ctx.platform, ctx.channelId, ctx.threadId);
      this.deps.conversations.rememberThread(ctx.platform, ctx.channelId, ctx.threadId, question);
      // A mention may carry a command ("@versus compare gil"); otherwise it is a question.
      const parsed = parseCommand(question);
      if (parsed.ok && parsed.value.name !== 'ask') return this.run(parsed.value, ctx);
      return this.answer(question, earlier, 0);
    });
  }

  async threadMessage(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply | null> {
    const earlier = this.deps.conversations.threadQuestion(ctx.platform, ctx.channelId, ctx.threadId);
    // Thanks, greetings and "ok" in a thread are for the people in it: no claims, no reply.
    if (earlier === undefined || text.trim().length < 2 || isSmalltalk(text)) return null;
    return this.guard('thread', ctx, async () => {
      if (text.trim().length > MAX_QUESTION_CHARS) return usageReply(QUESTION_TOO_LONG, 'ask');
      this.deps.conversations.rememberThread(ctx.platform, ctx.channelId, ctx.threadId, text.trim());
      return this.answer(text.trim(), earlier, 0);
    });
  }

  async firstDelivery(platform: string, eventId: string): Promise<boolean> {
    return this.deps.conversations.firstDelivery(platform, eventId);
  }

  async autocomplete(option: string, prefix: string): Promise<string[]> {
    if (option !== 'topic') return [];
    const p = prefix.trim().toLowerCase();
    const counts = new Map(this.deps.knowledge.topicCounts().map((t) => [t.topic, t.n]));
    return this.deps.taxonomy.topics
      .filter(
        (t) =>
          !p ||
          t.id.includes(p) ||
          t.label.toLowerCase().includes(p) ||
          t.synonyms.some((s) => s.toLowerCase().startsWith(p)),
      )
      .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
      .slice(0, 25)
      .map((t) => t.id);
  }

  private async run(cmd: Command, ctx: ChatContext): Promise<Reply> {
    switch (cmd.name) {
      case 'ask':
        return this.answer(cmd.question, undefined, 0);
      case 'compare':
        return this.compareTopic(cmd.topic);
      case 'sources':
        return sourcesReply(this.deps.knowledge.documents(), this.deps.knowledge.getMeta('indexed_at'));
      case 'help':
        return helpReply(cmd.about);
      case 'poll':
      case 'schedule':
      case 'matrix': {
        const feature = this.deps.features?.[cmd.name];
        if (!feature) return usageReply(`\`/versus ${cmd.name}\` is not available on this Versus yet.`);
        return feature.command(cmd.args, ctx);
      }
    }
  }

  private answer(question: string, context: string | undefined, offset: number, contextId?: string): Reply {
    const result = ask(this.deps.answers, this.deps.taxonomy, question, { offset, context });
    const id =
      contextId ??
      (result.total > offset + result.claims.length
        ? this.deps.conversations.saveContext('ask', { question, context })
        : undefined);
    return askReply(result, { offset, contextId: id }, suggestTopics(this.deps.taxonomy, question));
  }

  private compareTopic(topic: string): Reply {
    const outcome = compare(this.deps.answers, this.deps.taxonomy, topic);
    return outcome.found ? compareReply(outcome.result) : unknownTopicReply(topic, outcome.suggestions);
  }

  /** Unexpected failures are logged with a reference the user can quote; the user never sees a stack trace. */
  private async guard<T>(
    what: string,
    ctx: ChatContext,
    fn: () => Promise<T>,
    wrap: (r: Reply) => T = (r) => r as T,
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const ref = randomUUID().slice(0, 8);
      this.deps.logger.error(
        { err: error, ref, what, platform: ctx.platform, channel: ctx.channelId },
        'command failed',
      );
      return wrap(usageReply(`Something went wrong on my side (ref ${ref}). Try again in a moment.`));
    }
  }
}
