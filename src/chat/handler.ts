import type { RemoteFile } from '../sources/service.js';
import type { ChatContext } from './context.js';
import type { FormOutcome, FormValues } from './form.js';
import type { Reply } from './reply.js';

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
}

/**
 * The platform-neutral entry point every adapter calls. Implemented by chat/router.ts.
 * None of these throw for user mistakes: bad input comes back as an ephemeral usage Reply.
 */
export interface VersusHandler {
  /** `/versus <text>`: text is everything after the command name, e.g. "compare concurrency". */
  command(text: string, ctx: ChatContext): Promise<Reply>;
  /** A button click, with the button's actionId. */
  action(actionId: string, ctx: ChatContext): Promise<ActionOutcome>;
  /** An @mention (text without the mention itself). ctx.threadId is the thread the answer goes to. Remembers the thread. */
  mention(text: string, ctx: ChatContext & { threadId: string }): Promise<Reply>;
  /** A submitted form (see Reply.form): field errors to show on the form, or the reply to the submit. */
  submit(formId: string, values: FormValues, ctx: ChatContext): Promise<FormOutcome>;
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
  /** Autocomplete for an option (e.g. 'topic' of compare); at most 25 suggestions. */
  autocomplete(option: string, prefix: string): Promise<string[]>;
}
