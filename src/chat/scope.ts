import type { ChatContext, Platform } from './context.js';

/** Where a poll, walk, schedule or answer lives: actions and commands about it are honoured only from there. */
export interface Scope {
  platform: Platform;
  workspaceId: string;
  channelId: string;
}

/** Something someone started, where it lives: who may manage it is asked about that place (chat/manage.ts). */
export interface Owned extends Scope {
  ownerId: string;
}

/** True when `ctx` comes from the platform and workspace (Slack team, Discord guild) the thing belongs to. */
export function inWorkspace<T extends Omit<Scope, 'channelId'>>(thing: T | undefined, ctx: ChatContext): thing is T {
  return !!thing && thing.platform === ctx.platform && thing.workspaceId === ctx.workspaceId;
}

/**
 * True when `ctx` comes from the platform, workspace and channel the thing belongs to. Callers answer a
 * mismatch exactly as they answer an unknown id, so a valid id seen elsewhere reveals nothing — not even
 * that it exists.
 */
export function inScope<T extends Scope>(thing: T | undefined, ctx: ChatContext): thing is T {
  return inWorkspace(thing, ctx) && thing.channelId === ctx.channelId;
}
