import type { ChatContext, Platform } from './context.js';

/** Where a poll or walk lives: actions and commands about it are honoured only from there. */
export interface Scope {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

/**
 * True when `ctx` comes from the platform, workspace (Slack team, Discord guild) and channel the thing
 * belongs to. Callers answer a mismatch exactly as they answer an unknown id, so a valid id seen
 * elsewhere reveals nothing — not even that it exists.
 */
export function inScope(thing: Scope | undefined, ctx: ChatContext): thing is Scope {
  return (
    !!thing &&
    thing.platform === ctx.platform &&
    thing.workspaceId === ctx.workspaceId &&
    thing.channelId === ctx.channelId
  );
}
