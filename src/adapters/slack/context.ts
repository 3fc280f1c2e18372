import type { ChatContext } from '../../chat/context.js';

/** Slack ids → the core's context. Admin rights are looked up only when needed (SlackPort.isAdmin). */
export function slackContext(ids: {
  teamId?: string | undefined;
  channelId: string;
  userId: string;
  userName?: string | undefined;
  threadTs?: string | undefined;
  messageTs?: string | undefined;
}): ChatContext {
  return {
    platform: 'slack',
    workspaceId: ids.teamId ?? 'unknown',
    channelId: ids.channelId,
    threadId: ids.threadTs,
    userId: ids.userId,
    userName: ids.userName,
    isAdmin: false,
    messageId: ids.messageTs,
  };
}

/** "<@U123> how fast is go" → "how fast is go" (the mention of the bot itself). */
export function withoutMention(text: string, botUserId: string | undefined): string {
  const re = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g') : /^\s*<@[\w.-]+(?:\|[^>]*)?>/;
  return text.replace(re, ' ').replace(/\s+/g, ' ').trim();
}
