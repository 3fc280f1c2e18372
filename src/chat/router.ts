import { randomUUID } from 'node:crypto';
import { VersusError } from '../errors.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import type { RemoteFile, TeamSources } from '../sources/service.js';
import { scopeKey } from '../sources/source-store.js';
import { ACTION_ERRORS, splitActionId } from './action-id.js';
import { type Answering, MAX_QUESTION_CHARS, QUESTION_TOO_LONG } from './answer-features.js';
import type { ChatContext } from './context.js';
import type { ConversationStore } from './conversation-store.js';
import type { Feature, FeatureAction } from './feature.js';
import type { FeatureForm, FormOutcome, FormValues } from './form.js';
import type { ActionOutcome, VersusHandler } from './handler.js';
import { helpFeature, helpReply, smalltalkReply, usageReply } from './help.js';
import { type CommandText, parseCommand } from './parse-command.js';
import type { Reply } from './reply.js';
import { md } from './rich.js';

export interface RouterDeps {
  /** Every feature, in the order help lists them; `help` itself is added last. */
  features: readonly Feature[];
  /** Mentions and thread follow-ups are questions. */
  answering: Answering;
  knowledge: KnowledgeStore;
  conversations: ConversationStore;
  taxonomy: Taxonomy;
  logger: Logger;
  /** Documents teams add: uploads arrive here (links come as `sources add`). */
  sources: TeamSources;
}

/** Most autocomplete suggestions a platform shows (Discord's limit). */
const MAX_SUGGESTIONS = 25;

/** The platform-neutral command router: parses, dispatches to the features, and never lets an exception reach a user. */
export class Router implements VersusHandler {
  private readonly features: readonly Feature[];
  private readonly byName = new Map<string, Feature>();
  private readonly byKind = new Map<string, FeatureAction>();
  private readonly forms = new Map<string, FeatureForm>();

  constructor(private readonly deps: RouterDeps) {
    this.features = [...deps.features, helpFeature(() => this.features)];
    for (const f of this.features) {
      if (this.byName.has(f.name)) throw new VersusError('config_invalid', `Two features are named ${f.name}.`);
      this.byName.set(f.name, f);
      for (const a of [...(f.action ? [f.action] : []), ...(f.actions ?? [])]) {
        if (this.byKind.has(a.kind))
          throw new VersusError('config_invalid', `Two features own the button kind ${a.kind}.`);
        this.byKind.set(a.kind, a);
      }
      for (const form of f.forms ?? []) {
        if (this.forms.has(form.id)) throw new VersusError('config_invalid', `Two features own the form ${form.id}.`);
        this.forms.set(form.id, form);
      }
    }
  }

  /** The registered features' names, `help` last. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  async command(text: string, ctx: ChatContext): Promise<Reply> {
    return this.guard('command', ctx, async () => {
      const parsed = parseCommand(text, this.names);
      if (!parsed.ok) return usageReply(parsed.error.message);
      return this.run(parsed.value, ctx);
    });
  }

  async action(actionId: string, ctx: ChatContext): Promise<ActionOutcome> {
    return this.guard(
      'action',
      ctx,
      async () => {
        const id = splitActionId(actionId);
        if (!id.ok) return { reply: usageReply(id.error) };
        const run = this.byKind.get(id.value.kind)?.parse(id.value.fields);
        if (!run?.ok) return { reply: usageReply(run?.error ?? ACTION_ERRORS.invalid) };
        return run.value(ctx);
      },
      (reply) => ({ reply }),
    );
  }

  async mention(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply> {
    return this.guard('mention', ctx, async () => {
      const question = text.trim();
      if (question.length < 3) return helpReply(this.features);
      if (question.length > MAX_QUESTION_CHARS) return usageReply(QUESTION_TOO_LONG);
      if (this.deps.answering.isChatter(question)) return smalltalkReply();
      const earlier = await this.deps.conversations.threadQuestion(ctx.platform, ctx.channelId, ctx.threadId);
      await this.deps.conversations.rememberThread(ctx.platform, ctx.channelId, ctx.threadId, question);
      // A mention may carry a command ("@versus compare gil"); otherwise it is a question.
      const parsed = parseCommand(question, this.names);
      if (parsed.ok && parsed.value.name !== 'ask') {
        const run = this.byName.get(parsed.value.name)?.command.parse(parsed.value.args);
        if (run?.ok) return run.value(ctx);
      }
      return this.deps.answering.answer(question, earlier, 0, { scope: scopeKey(ctx) });
    });
  }

  async submit(formId: string, values: FormValues, ctx: ChatContext): Promise<FormOutcome> {
    return this.guard(
      'submit',
      ctx,
      async () => {
        const form = this.forms.get(formId);
        return form ? form.submit(values, ctx) : { reply: usageReply(ACTION_ERRORS.foreign) };
      },
      (reply) => ({ reply }),
    );
  }

  async addSource(file: RemoteFile, ctx: ChatContext): Promise<Reply> {
    return this.guard('addSource', ctx, () => this.deps.sources.addFile(file, ctx));
  }

  async askAbout(text: string, ctx: ChatContext): Promise<Reply> {
    return this.guard('askAbout', ctx, async () => {
      const question = this.deps.answering.parseQuestion(text);
      return question.ok
        ? this.deps.answering.answer(question.value, undefined, 0, { scope: scopeKey(ctx), private: true })
        : usageReply(question.error);
    });
  }

  async threadMessage(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply | undefined> {
    const earlier = await this.deps.conversations.threadQuestion(ctx.platform, ctx.channelId, ctx.threadId);
    // Thanks, greetings and "ok" in a thread are for the people in it: no claims, no reply.
    if (earlier === undefined || text.trim().length < 2 || this.deps.answering.isChatter(text, earlier))
      return undefined;
    return this.guard('thread', ctx, async () => {
      if (text.trim().length > MAX_QUESTION_CHARS) return usageReply(QUESTION_TOO_LONG);
      await this.deps.conversations.rememberThread(ctx.platform, ctx.channelId, ctx.threadId, text.trim());
      return this.deps.answering.answer(text.trim(), earlier, 0, { scope: scopeKey(ctx) });
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
      .slice(0, MAX_SUGGESTIONS)
      .map((t) => t.id);
  }

  private async run(cmd: CommandText, ctx: ChatContext): Promise<Reply> {
    const feature = this.byName.get(cmd.name);
    if (!feature) return usageReply(md`\`/versus ${cmd.name}\` is not available on this Versus yet.`);
    const run = feature.command.parse(cmd.args);
    return run.ok ? run.value(ctx) : usageReply(run.error, feature.help);
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
      return wrap(usageReply(md`Something went wrong on my side (ref ${ref}). Try again in a moment.`));
    }
  }
}
