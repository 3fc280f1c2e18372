import type { ChatContext, Platform } from './context.js';
import type { ChatPort } from './port.js';

/** Who counts as an admin, in each platform's words. */
export const ADMIN: Record<Platform, string> = {
  slack: 'a workspace admin',
  discord: 'a server admin (Manage Messages or Manage Server)',
  console: 'an admin',
};

/**
 * Whether the acting user may manage (close, move on, cancel, remove) something `ownerId` started: its
 * owner, or an admin. The event may already say so (Discord's permissions); otherwise the platform is
 * asked (Slack's admin flag is looked up through the port, since Slack events never carry it).
 */
export async function mayManage(
  ctx: ChatContext,
  ownerId: string,
  ports: ReadonlyMap<Platform, ChatPort>,
): Promise<boolean> {
  return ownerId === ctx.userId || isAdmin(ctx, ports);
}

/** Whether the acting user administers the workspace: from the event when it says, else asked of the platform. */
export async function isAdmin(ctx: ChatContext, ports: ReadonlyMap<Platform, ChatPort>): Promise<boolean> {
  if (ctx.isAdmin) return true;
  return (await ports.get(ctx.platform)?.isAdmin?.(ctx.workspaceId, ctx.userId)) === true;
}
