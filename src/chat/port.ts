import type { Reply } from './reply.js';

/** Where a posted message lives, so it can be edited later (poll results, matrix steps). */
export interface MessageRef {
  channelId: string;
  messageId: string;
  threadId?: string | undefined;
}

/**
 * Where the core posts on its own: a channel (and thread) of the workspace that owns what is posted (the
 * poll's, schedule's, walk's or record's stored workspace). On Slack in OAuth mode that workspace's
 * installation posts: never whichever workspace last named the channel, which any signed request can do.
 */
export interface Place {
  workspaceId: string;
  channelId: string;
  threadId?: string | undefined;
}

/** A posted message, with the workspace that owns it (see Place). */
export type PlacedRef = MessageRef & Pick<Place, 'workspaceId'>;

/** Where an uploaded file went: the channel, and the file's address or local path when there is one. */
export interface Uploaded {
  channelId: string;
  url?: string | undefined;
  /** A file written on this machine (the console). */
  path?: string | undefined;
}

/**
 * What the core needs from a chat platform to post on its own initiative
 * (scheduled polls, coalesced poll re-renders). Adapters implement it.
 */
export interface ChatPort {
  readonly platform: 'slack' | 'discord' | 'console';
  post(at: Place, reply: Reply): Promise<MessageRef>;
  update(ref: PlacedRef, reply: Reply): Promise<void>;
  /**
   * Attach a file (CSV export): Slack file upload, Discord attachment, console writes a file. Returns where
   * it went, as data: the core renders it (never platform markup, which its escaping would show as text).
   */
  upload?(at: Place, filename: string, content: string): Promise<Uploaded>;
  /** The language a workspace prefers, as the platform names it (a Discord server's `preferred_locale`). */
  placeLocale?(workspaceId: string): string | undefined;
  /**
   * Whether a user is an admin in a channel of a workspace when the event itself does not say (Slack's
   * admin/owner flag, workspace-wide; Discord's permissions in that channel).
   */
  isAdmin?(where: { workspaceId: string; channelId: string }, userId: string): Promise<boolean>;
}
