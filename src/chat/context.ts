export type Platform = 'slack' | 'discord' | 'console';

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
  /** Slack admin/owner, Discord Manage Messages or Manage Guild. */
  isAdmin: boolean;
  /** Platform's id of the message a button was clicked on, when there is one. */
  messageId?: string | undefined;
}
