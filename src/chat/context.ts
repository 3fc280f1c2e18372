import type { Locale } from '../locale.js';
import type { Platform } from '../platform.js';

export type { Platform };

/** A request's replay-guard key (Slack: its verified signature) and when the guard may forget it. */
export interface RequestKey {
  key: string;
  expiresAtMs: number;
  /**
   * Set when the request is run again from the click journal (adapters/shared/click-journal.ts): when it was
   * acknowledged (epoch ms). Its write counts at that time and never over a later one of the same person.
   */
  heldAt?: number | undefined;
}

/** Who is acting and where. Adapters fill it from the platform event. */
/** Where a channel's answers show (`/versus settings answers`): to everyone, or only to the asker. */
export type AnswerVisibility = 'public' | 'private';

export interface ChatContext {
  platform: Platform;
  /** Slack team id, Discord guild id, 'local' for the console. */
  workspaceId: string;
  channelId: string;
  /** Slack thread_ts / Discord thread channel id, when the event is in a thread. */
  threadId?: string | undefined;
  userId: string;
  userName?: string | undefined;
  /**
   * Whether the acting user administers a channel of this workspace (the event's own when none is named):
   * Slack admin/owner, Discord Manage Messages or Manage Guild there. Supplied by the adapter and lazy, so
   * the platform is asked only when a feature needs the answer (chat/manage.ts `lazyAdmin`).
   */
  isAdmin(channelId?: string): Promise<boolean>;
  /**
   * False when the platform says Versus is not installed where this happened (a Discord DM, or a server
   * where only the user added Versus): nothing can be posted in that channel. Undefined: installed.
   */
  serverInstall?: boolean | undefined;
  /** The locale tag the platform sent (Discord: `guild_locale`, else the user's `locale`); see chat/locales.ts. */
  locale?: string | undefined;
  /**
   * The channel's language as an admin set it (`/versus settings language`), read by the router when the
   * request arrives (Router.localised); it beats `locale`. Undefined: none set, or not read yet.
   */
  channelLocale?: Locale | undefined;
  /** Where the channel shows answers, read with its language when the request arrives (Router.localised). */
  channelAnswers?: AnswerVisibility | undefined;
  /** Platform's id of the message a button was clicked on, when there is one. */
  messageId?: string | undefined;
  /**
   * When the platform's request arrived (epoch ms), set by adapters that answer later than they acknowledge:
   * an answer that would come too long after it is declined with a "busy" reply (answers/answer-pool.ts).
   */
  receivedAt?: number | undefined;
  /**
   * Set when the adapter leaves remembering the request's replay key to the write the request makes (a
   * vote): that write stores the key in its own transaction, so a replay changes nothing and a write that
   * fails leaves no key behind to refuse the platform's retry.
   */
  requestKey?: RequestKey | undefined;
}
