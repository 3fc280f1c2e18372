import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isVersusError, VersusError } from '../errors.js';
import type { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { createPrometheusMetrics } from '../metrics/prometheus.js';
import { ACTION_ERRORS, splitActionId } from './action-id.js';
import { MAX_QUESTION_CHARS, type QuestionAnswerer } from './answering.js';
import type { ChatContext } from './context.js';
import type { ConversationStore } from './conversation-store.js';
import type { Feature, FeatureAction, FeatureForm } from './feature.js';
import { type FormValues, PLACE_FIELD } from './form.js';
import { FormOrigins } from './form-origins.js';
import type { ActionOutcome, FormOutcome, PlatformWords, RemoteFile, VersusHandler } from './handler.js';
import { busyReply, helpFeature, helpReply, serverOnlyReply, smalltalkReply, usageReply } from './help.js';
import { Locales } from './locales.js';
import { type CommandText, parseCommand } from './parse-command.js';
import type { Reply, Visibility } from './reply.js';
import type { Strings } from './strings-en.js';

export interface RouterDeps {
  /** Every feature, in the order help lists them; `help` itself is added last. */
  features: readonly Feature[];
  /** Mentions and thread follow-ups are questions. */
  answering: QuestionAnswerer;
  /**
   * A mention that asks the Go-or-Python question about a described situation ("should we use Go for …")
   * gets a verdict instead of an answer; undefined when the message is not one (see verdict/route.ts).
   */
  situations?: ((text: string, ctx: ChatContext) => Promise<Reply | undefined>) | undefined;
  knowledge: KnowledgeStore;
  conversations: ConversationStore;
  taxonomy: Taxonomy;
  logger: Logger;
  /** Documents teams add: uploads arrive here (links come as `sources add`). */
  sources: { addFile(file: RemoteFile, ctx: ChatContext): Promise<Reply> };
  /** Commands, requests and errors are counted here. Default: a registry of this router's own. */
  metrics?: Metrics | undefined;
  /** The language of help and error replies, per place. Default: English everywhere. */
  locales?: Locales | undefined;
}

/** A private thread (the assistant pane) as stored when it began: whose it is; the key says where. */
const PrivateThread = z.object({ userId: z.string() });
const privateThreadKey = (ctx: ChatContext & { threadId: string }) =>
  `${ctx.platform}:${ctx.workspaceId}:${ctx.channelId}:${ctx.threadId}`;

/** Most autocomplete suggestions a platform shows (Discord's limit). */
const MAX_SUGGESTIONS = 25;

/** The platform-neutral command router: parses, dispatches to the features, and never lets an exception reach a user. */
export class Router implements VersusHandler {
  private readonly features: readonly Feature[];
  private readonly byName = new Map<string, Feature>();
  private readonly byKind = new Map<string, { action: FeatureAction; feature: Feature }>();
  private readonly forms = new Map<string, { form: FeatureForm; feature: Feature }>();
  private readonly origins: FormOrigins;
  private readonly metrics: Metrics;
  private readonly locales: Locales;

  constructor(private readonly deps: RouterDeps) {
    this.origins = new FormOrigins(deps.conversations);
    this.metrics = deps.metrics ?? createPrometheusMetrics();
    this.locales = deps.locales ?? new Locales();
    this.features = [
      ...deps.features,
      helpFeature(
        () => this.features,
        (ctx) => this.t(ctx),
      ),
    ];
    for (const f of this.features) {
      if (this.byName.has(f.name)) throw new VersusError('config_invalid', `Two features are named ${f.name}.`);
      this.byName.set(f.name, f);
      for (const a of [...(f.action ? [f.action] : []), ...(f.actions ?? [])]) {
        if (this.byKind.has(a.kind))
          throw new VersusError('config_invalid', `Two features own the button kind ${a.kind}.`);
        this.byKind.set(a.kind, { action: a, feature: f });
      }
      for (const form of f.forms ?? []) {
        if (this.forms.has(form.id)) throw new VersusError('config_invalid', `Two features own the form ${form.id}.`);
        this.forms.set(form.id, { form, feature: f });
      }
    }
  }

  /** The registered features' names, `help` last. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  async command(text: string, ctx: ChatContext): Promise<Reply> {
    return this.guard('command', ctx, async (ctx) => {
      const parsed = parseCommand(text, this.names, this.t(ctx));
      this.metrics.command(
        ctx.platform,
        parsed.ok && this.byName.has(parsed.value.name) ? parsed.value.name : 'unknown',
      );
      if (!parsed.ok) return this.usage(ctx, usageReply(parsed.error.message, undefined, this.t(ctx)));
      return this.run(parsed.value, ctx);
    });
  }

  async visibility(text: string, ctx: ChatContext): Promise<Visibility> {
    const parsed = parseCommand(text, this.names);
    const feature = parsed.ok ? this.byName.get(parsed.value.name) : undefined;
    if (!feature) return 'ephemeral';
    return feature.visibility ? feature.visibility(ctx) : 'channel';
  }

  async action(actionId: string, ctx: ChatContext): Promise<ActionOutcome> {
    return this.guard(
      'action',
      ctx,
      async (ctx) => {
        const t = this.t(ctx);
        const id = splitActionId(actionId);
        if (!id.ok) return { reply: this.usage(ctx, usageReply(t.usage.buttonForeign, undefined, t)) };
        const owner = this.byKind.get(id.value.kind);
        const refused = owner && this.notHere(owner.feature, ctx);
        if (refused) return { reply: refused };
        const run = owner?.action.parse(id.value.fields);
        if (!run?.ok) {
          // A codec's own rejection is ACTION_ERRORS.invalid: said in the place's words.
          const why = !run || run.error === ACTION_ERRORS.invalid ? t.usage.buttonInvalid : run.error;
          return { reply: this.usage(ctx, usageReply(why, undefined, t)) };
        }
        return run.value(ctx);
      },
      (reply, failed) => ({ reply, failed }),
    );
  }

  keepsRequestKey(actionId: string): boolean {
    const id = splitActionId(actionId);
    if (!id.ok) return false;
    return this.byKind.get(id.value.kind)?.action.keepsRequestKey?.(id.value.fields) ?? false;
  }

  async mention(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply> {
    return this.guard('mention', ctx, async (ctx) => {
      const question = text.trim();
      if (question.length < 3) return helpReply(this.features, undefined, this.t(ctx));
      if (question.length > MAX_QUESTION_CHARS)
        return usageReply(this.t(ctx).usage.questionTooLong, undefined, this.t(ctx));
      if (this.deps.answering.isChatter(question)) return smalltalkReply(this.t(ctx));
      const earlier = await this.deps.conversations.threadQuestion(ctx.platform, ctx.channelId, ctx.threadId);
      await this.deps.conversations.rememberThread(ctx.platform, ctx.channelId, ctx.threadId, question);
      // A mention may carry a command ("@versus compare gil"); otherwise it is a question.
      const parsed = parseCommand(question, this.names);
      if (parsed.ok && parsed.value.name !== 'ask') {
        const feature = this.byName.get(parsed.value.name);
        const run = feature?.command.parse(parsed.value.args, this.t(ctx));
        if (feature && run?.ok) return this.notHere(feature, ctx) ?? run.value(ctx);
      }
      const verdict = await this.deps.situations?.(question, ctx);
      return verdict ?? this.deps.answering.answer(question, ctx, { context: earlier });
    });
  }

  async openForm(formId: string, ctx: ChatContext): Promise<string> {
    return this.origins.open(formId, ctx);
  }

  async submit(formRef: string, values: FormValues, ctx: ChatContext): Promise<FormOutcome> {
    return this.guard<FormOutcome>(
      'submit',
      ctx,
      async (ctx) => {
        const origin = await this.origins.resolve(formRef, ctx);
        const owner = origin && this.forms.get(origin.formId);
        if (!origin || !owner) return { closed: this.t(ctx).platform.formClosed };
        const refused = this.notHere(owner.feature, ctx);
        if (refused) return { reply: refused };
        if (!origin.ctx.channelId) return { errors: { [PLACE_FIELD]: this.t(ctx).usage.pickChannel } };
        const outcome = await owner.form.submit(values, await this.locales.localised(origin.ctx));
        return 'reply' in outcome ? { ...outcome, channelId: origin.ctx.channelId } : outcome;
      },
      (reply) => ({ reply }),
    );
  }

  async addSource(file: RemoteFile, ctx: ChatContext): Promise<Reply> {
    return this.guard('addSource', ctx, (ctx) => this.deps.sources.addFile(file, ctx));
  }

  async askAbout(text: string, ctx: ChatContext): Promise<Reply> {
    return this.guard('askAbout', ctx, async (ctx) => {
      const t = this.t(ctx);
      const question = this.deps.answering.parseQuestion(text, t);
      return question.ok
        ? this.deps.answering.answer(question.value, ctx, { private: true })
        : usageReply(question.error, undefined, t);
    });
  }

  async threadMessage(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply | undefined> {
    const earlier = await this.deps.conversations.threadQuestion(ctx.platform, ctx.channelId, ctx.threadId);
    // Thanks, greetings and "ok" in a thread are for the people in it: no claims, no reply.
    if (earlier === undefined || text.trim().length < 2 || this.deps.answering.isChatter(text, earlier))
      return undefined;
    return this.guard('thread', ctx, async (ctx) => {
      if (text.trim().length > MAX_QUESTION_CHARS)
        return usageReply(this.t(ctx).usage.questionTooLong, undefined, this.t(ctx));
      await this.deps.conversations.rememberThread(ctx.platform, ctx.channelId, ctx.threadId, text.trim());
      return this.deps.answering.answer(text.trim(), ctx, { context: earlier });
    });
  }

  async words(ctx: ChatContext): Promise<PlatformWords> {
    return this.locales.strings(await this.locales.localised(ctx)).platform;
  }

  async privateThreadStarted(ctx: ChatContext & { threadId: string }): Promise<void> {
    await this.deps.conversations.putContext('private-thread', privateThreadKey(ctx), { userId: ctx.userId });
  }

  async inPrivateThread(ctx: ChatContext & { threadId: string }): Promise<boolean> {
    const key = privateThreadKey(ctx);
    const saved = PrivateThread.safeParse(await this.deps.conversations.loadContext('private-thread', key));
    if (!saved.success || saved.data.userId !== ctx.userId) return false;
    await this.deps.conversations.putContext('private-thread', key, saved.data);
    return true;
  }

  async firstDelivery(platform: string, eventId: string): Promise<boolean> {
    const first = await this.deps.conversations.firstDelivery(platform, eventId);
    // A platform retry (or a second replica's copy): worth a line, since it is why no answer follows.
    if (!first) this.deps.logger.info({ platform, eventId }, 'duplicate delivery: already handled');
    return first;
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
    const t = this.t(ctx);
    if (!feature) return this.usage(ctx, usageReply(t.errors.notAvailable(cmd.name), undefined, t));
    const refused = this.notHere(feature, ctx);
    if (refused) return refused;
    const run = feature.command.parse(cmd.args, t);
    return run.ok ? run.value(ctx) : this.usage(ctx, usageReply(run.error, feature.help, t));
  }

  /** The frame strings for where `ctx` is (help, errors). */
  private t(ctx: ChatContext): Strings {
    return this.locales.strings(ctx);
  }

  /** A command or button that could not be parsed: counted, and answered with what to fix. */
  private usage(ctx: ChatContext, reply: Reply): Reply {
    this.metrics.error(ctx.platform, 'usage');
    return reply;
  }

  /** A feature that posts in the channel, reached (by command, button or form) where Versus is not installed. */
  private notHere(feature: Feature, ctx: ChatContext): Reply | undefined {
    if (!feature.needsServer || ctx.serverInstall !== false) return undefined;
    this.metrics.error(ctx.platform, 'refused');
    return serverOnlyReply(feature.name, this.t(ctx));
  }

  /** Unexpected failures are logged with a reference the user can quote; the user never sees a stack trace. */
  private async guard<T, C extends ChatContext = ChatContext>(
    what: string,
    request: C,
    fn: (ctx: C) => Promise<T>,
    wrap: (r: Reply, failed?: true) => T = (r) => r as T,
  ): Promise<T> {
    this.metrics.request(request.platform, what);
    let ctx: C = request;
    try {
      // Once per request: the channel's language (see Locales), so every strings(ctx) below sees it.
      ctx = await this.locales.localised(request);
      return await fn(ctx);
    } catch (error) {
      // Counted by the pool; the asker hears it at once instead of an answer seconds late.
      if (isVersusError(error, 'busy')) {
        this.metrics.error(ctx.platform, 'busy');
        return wrap(busyReply(this.t(ctx)));
      }
      this.metrics.error(ctx.platform, 'internal');
      const ref = randomUUID().slice(0, 8);
      this.deps.logger.error(
        { err: error, ref, what, platform: ctx.platform, channel: ctx.channelId },
        'command failed',
      );
      const t = this.t(ctx);
      return wrap(usageReply(t.errors.internal(ref), undefined, t), true);
    }
  }
}
