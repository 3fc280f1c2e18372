import type { ChatContext } from './context.js';
import type { ChatPort } from './port.js';
import type { Owned } from './scope.js';

/**
 * Whether the acting user may manage (close, move on, cancel, remove) something someone started: its
 * owner, or an admin *where the thing lives*. Nobody has rights in another workspace (an admin of guild B
 * is nobody in guild A).
 */
export async function mayManage(ctx: ChatContext, thing: Owned): Promise<boolean> {
  if (thing.platform !== ctx.platform || thing.workspaceId !== ctx.workspaceId) return false;
  return thing.ownerId === ctx.userId || ctx.isAdmin(thing.channelId);
}

/** The platform's answer to "does this user administer that channel?" (a port's `isAdmin`). */
export type AdminLookup = Pick<ChatPort, 'isAdmin'>;

/** A context's `isAdmin` that is always the same, for places with no platform to ask (console, scheduled posts). */
export const fixedAdmin =
  (admin: boolean): ChatContext['isAdmin'] =>
  async () =>
    admin;

/**
 * A context's `isAdmin`, built by adapters. The event's own admin flag describes the channel it came from
 * (Discord computes it per channel, overwrites included), so it counts only there; for any other channel,
 * or when the event does not say (Slack's never do), the platform is asked once per channel, when first needed.
 */
export function lazyAdmin(
  lookup: AdminLookup,
  at: { workspaceId: string; channelId: string; userId: string },
  eventSaysAdmin = false,
): ChatContext['isAdmin'] {
  const asked = new Map<string, Promise<boolean>>();
  return async (channelId = at.channelId) => {
    if (eventSaysAdmin && channelId === at.channelId) return true;
    let answer = asked.get(channelId);
    if (!answer) {
      answer = lookup.isAdmin?.({ workspaceId: at.workspaceId, channelId }, at.userId) ?? Promise.resolve(false);
      asked.set(channelId, answer);
    }
    return (await answer) === true;
  };
}
