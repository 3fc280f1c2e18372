import type { ChatContext } from './context.js';
import type { FormValues } from './form.js';
import type { Reply, Visibility } from './reply.js';
import type { Strings } from './strings-en.js';

/** The words an adapter adds around the core's replies (chat/strings/platform-en.ts). */
export type PlatformWords = Strings['platform'];

/** A file uploaded to a chat platform, fetched like a link; its headers (a token) go only to its own host. */
export interface RemoteFile {
  name: string;
  url: string;
  headers?: Record<string, string> | undefined;
}

/**
 * A rejected submit names the field to fix (shown on the field); an accepted one says what happened; one
 * that cannot be honoured at all (a form Versus did not open for this person, or one too old) says so in
 * place of the form.
 */
export type FormOutcome =
  | { errors: Record<string, string> }
  /** `channelId`: where the submit acted (the form's origin), for the adapter to confirm there. */
  | { reply: Reply; channelId?: string | undefined }
  | { closed: string };

/** What a button click produces: an in-place update of the message it sits on and/or a new reply. */
export interface ActionOutcome {
  /** Replace the message the button was on (e.g. page 2 of an answer, live poll bars). */
  update?: Reply | undefined;
  /**
   * The message is kept current by the core itself (ChatPort.update, one edit at a time, rendered from
   * the latest state). `update` is then only a snapshot for platforms that must answer the click with a
   * message (Discord's in-place update); others should not send it, or it may land after a newer edit.
   */
  liveMessage?: boolean | undefined;
  /** A new message; ephemeral ones go only to the clicker (e.g. "You're on Team Go"). */
  reply?: Reply | undefined;
  /**
   * The click carried a request key that was already stored (ChatContext.requestKey): a replay of a request
   * already served. Nothing changed; the adapter refuses it as its replay guard would have.
   */
  replayed?: boolean | undefined;
  /** The click's work failed unexpectedly; `reply` tells the clicker so, with a reference for the logs. */
  failed?: boolean | undefined;
}

/**
 * The platform-neutral entry point every adapter calls. Implemented by chat/router.ts.
 * None of these throw for user mistakes: bad input comes back as an ephemeral usage Reply.
 */
export interface VersusHandler {
  /** `/versus <text>`: text is everything after the command name, e.g. "compare concurrency". */
  command(text: string, ctx: ChatContext): Promise<Reply>;
  /**
   * Where `/versus <text>`'s reply will be shown, known before it is composed: what the feature declares
   * (Feature.visibility), private for a command that is not one. A reply that turns out to be a usage
   * error is private all the same.
   */
  visibility(text: string, ctx: ChatContext): Promise<Visibility>;
  /** A button click, with the button's actionId. */
  action(actionId: string, ctx: ChatContext): Promise<ActionOutcome>;
  /**
   * True when this button's write stores ChatContext.requestKey in its own transaction (a poll vote): the
   * adapter then leaves the replay guard to it instead of remembering the key first.
   */
  keepsRequestKey(actionId: string): boolean;
  /** An @mention (text without the mention itself). ctx.threadId is the thread the answer goes to. Remembers the thread. */
  mention(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply>;
  /**
   * A form (Reply.form) is being opened for `ctx`: Versus keeps who opened it and where (a channel, or none
   * when it was opened outside one) under a random reference, which the platform's form carries back.
   */
  openForm(formId: string, ctx: ChatContext): Promise<string>;
  /**
   * A submitted form, by the reference openForm returned: honoured only for the person who opened it, in
   * the workspace and place it was opened for (ctx.channelId counts only when it was opened outside a
   * channel: a picked channel). Field errors to show on the form, or the reply to the submit.
   */
  submit(formRef: string, values: FormValues, ctx: ChatContext): Promise<FormOutcome>;
  /** "Add to Versus sources" on a message with an uploaded file: fetched and added as `/versus sources add` does. */
  addSource(file: RemoteFile, ctx: ChatContext): Promise<Reply>;
  /** "Ask Versus about this" on a message: its text as a question, answered only to the user, with Share. */
  askAbout(text: string, ctx: ChatContext): Promise<Reply>;
  /** A plain message in a thread. Answered (with the thread's earlier question as context) only if the bot was mentioned in that thread before; otherwise undefined. */
  threadMessage(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply | undefined>;
  /**
   * Records a platform event id (e.g. Slack `event_id`) in SQLite; true the first time, false for a retry
   * or a duplicate delivery, so a retried event never gets a second reply — even across processes.
   */
  firstDelivery(platform: string, eventId: string): Promise<boolean>;
  /** The command words (`ask`, `poll`, `help`, …): a console line starting with one is a command. */
  readonly names: readonly string[];
  /**
   * A private thread with one user began (Slack's assistant pane, in the app's IM channel with them): it is
   * remembered with its workspace, channel and user, as the place its messages may be answered.
   */
  privateThreadStarted(ctx: ChatContext & { threadId: string }): Promise<void>;
  /**
   * Whether `ctx` is a message in a private thread that began in that workspace and channel, with this
   * user (an event naming another channel or user gets no answer). Each use keeps it for 30 more days.
   */
  inPrivateThread(ctx: ChatContext & { threadId: string }): Promise<boolean>;
  /** The adapter's own words (assistant pane, shortcuts, apologies) in the language of `ctx`'s place. */
  words(ctx: ChatContext): Promise<PlatformWords>;
  /** Autocomplete for an option (e.g. 'topic' of compare); at most 25 suggestions. */
  autocomplete(option: string, prefix: string): Promise<string[]>;
}
