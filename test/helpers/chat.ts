import type { ChatContext } from '../../src/chat/context.js';
import { type AdminLookup, fixedAdmin, lazyAdmin } from '../../src/chat/manage.js';
import type { Reply } from '../../src/chat/reply.js';

/** Who acts where, in core-level tests: the console platform, workspace `w`, channel `arch` unless told. */
export const chatCtx = (userId: string, extra: Partial<ChatContext> = {}): ChatContext => ({
  platform: 'console',
  workspaceId: 'w',
  channelId: 'arch',
  userId,
  isAdmin: fixedAdmin(false),
  ...extra,
});

/**
 * A context as an adapter builds it: an admin flag the event states (`eventSaysAdmin`, as Discord's do)
 * counts in the event's channel; otherwise the platform is asked (as on Slack), here a RecordingPort's `admins`.
 */
export const portCtx = (
  platform: AdminLookup,
  where: Omit<ChatContext, 'isAdmin'>,
  eventSaysAdmin = false,
): ChatContext => ({ ...where, isAdmin: lazyAdmin(platform, where, eventSaysAdmin) });

/** The action id of a reply's button whose label matches, or '' (which the router refuses). */
export const buttonOf = (r: Reply | undefined, label: RegExp) =>
  r?.buttons?.find((b) => label.test(b.label))?.actionId ?? '';

type SlackBlocks = { type: string; elements?: { action_id?: string; text?: { text: string } }[] }[];

/** The action id of a Block Kit button whose text matches, or ''. */
export const slackButton = (blocks: unknown, label: RegExp) =>
  (blocks as SlackBlocks)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .find((e) => label.test(e.text?.text ?? ''))?.action_id ?? '';
