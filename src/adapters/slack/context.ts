import type { ChatContext } from '../../chat/context.js';
import { type AdminLookup, lazyAdmin } from '../../chat/manage.js';

/** Slack ids → the core's context. Events never carry admin rights: they are looked up only when needed (SlackPort.isAdmin). */
export function slackContext(
  ids: {
    teamId?: string | undefined;
    channelId: string;
    userId: string;
    userName?: string | undefined;
    threadTs?: string | undefined;
    messageTs?: string | undefined;
  },
  admins: AdminLookup,
): ChatContext {
  const workspaceId = ids.teamId ?? 'unknown';
  return {
    platform: 'slack',
    workspaceId,
    channelId: ids.channelId,
    threadId: ids.threadTs,
    userId: ids.userId,
    userName: ids.userName,
    isAdmin: lazyAdmin(admins, { workspaceId, channelId: ids.channelId, userId: ids.userId }),
    messageId: ids.messageTs,
  };
}

/** "<@U123> how fast is go" → "how fast is go" (the mention of the bot itself). */
export function withoutMention(text: string, botUserId: string | undefined): string {
  const re = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g') : /^\s*<@[\w.-]+(?:\|[^>]*)?>/;
  return text.replace(re, ' ').replace(/\s+/g, ' ').trim();
}
