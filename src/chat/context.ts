import type { Platform } from '../platform.js';

export type { Platform };

/** Who is acting and where. Adapters fill it from the platform event. */
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
  /** Platform's id of the message a button was clicked on, when there is one. */
  messageId?: string | undefined;
  /**
   * When the platform's request arrived (epoch ms), set by adapters that answer later than they acknowledge:
   * an answer that would come too long after it is declined with a "busy" reply (answers/answer-pool.ts).
   */
  receivedAt?: number | undefined;
}
