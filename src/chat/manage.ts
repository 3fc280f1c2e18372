import type { ChatContext, Platform } from './context.js';
import type { ChatPort } from './port.js';
import type { Owned } from './scope.js';

/** Who counts as an admin, in each platform's words. */
export const ADMIN: Record<Platform, string> = {
  slack: 'a workspace admin',
  discord: 'a server admin (Manage Messages or Manage Server)',
  console: 'an admin',
};

/**
 * Whether the acting user may manage (close, move on, cancel, remove) something someone started: its
 * owner, or an admin *where the thing lives*. Nobody has rights in another workspace (an admin of guild B
 * is nobody in guild A). The event's own admin flag describes the channel it came from (Discord computes
 * it per channel, overwrites included), so it counts only there; for any other channel the platform is
 * asked about that channel (and Slack, whose events never carry the flag, is always asked).
 */
export async function mayManage(
  ctx: ChatContext,
  thing: Owned,
  ports: ReadonlyMap<Platform, ChatPort>,
): Promise<boolean> {
  if (thing.platform !== ctx.platform || thing.workspaceId !== ctx.workspaceId) return false;
  if (thing.ownerId === ctx.userId) return true;
  if (ctx.isAdmin && thing.channelId === ctx.channelId) return true;
  return askPort(thing, ctx.userId, ports);
}

/** Whether the acting user administers the place the event came from: from the event when it says, else asked of the platform. */
export async function isAdmin(ctx: ChatContext, ports: ReadonlyMap<Platform, ChatPort>): Promise<boolean> {
  return ctx.isAdmin || askPort(ctx, ctx.userId, ports);
}

async function askPort(
  where: Owned | ChatContext,
  userId: string,
  ports: ReadonlyMap<Platform, ChatPort>,
): Promise<boolean> {
  const port = ports.get(where.platform);
  return (await port?.isAdmin?.({ workspaceId: where.workspaceId, channelId: where.channelId }, userId)) === true;
}
