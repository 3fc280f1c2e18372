import {
  ApplicationIntegrationType,
  type BaseInteraction,
  type Channel,
  type GuildBasedChannel,
  type GuildMember,
  type Message,
  PermissionFlagsBits,
  type PermissionsBitField,
} from 'discord.js';
import type { ChatContext } from '../../chat/context.js';
import { type AdminLookup, lazyAdmin } from '../../chat/manage.js';

/** Versus admins on Discord: Manage Messages or Manage Guild (Administrator implies both). */
export function isAdminPermissions(p: Readonly<PermissionsBitField> | null | undefined): boolean {
  return !!p && (p.has(PermissionFlagsBits.ManageMessages) || p.has(PermissionFlagsBits.ManageGuild));
}

/** In the channel the message was sent in (overwrites included), as Discord computes it for interactions. */
function memberIsAdmin(member: GuildMember | null, channel: GuildBasedChannel | null): boolean {
  try {
    return !!member && !!channel && isAdminPermissions(member.permissionsIn(channel));
  } catch {
    // Permissions need the guild's roles cached; without them nobody is treated as an admin.
    return false;
  }
}

/**
 * Where an event happened, as the core sees it: a thread is identified by its parent channel plus the
 * thread id, so a poll or walk started in a thread is posted back into that thread.
 */
export function where(
  channel: Channel | null,
  fallbackChannelId: string | null,
): Pick<ChatContext, 'channelId' | 'threadId'> {
  if (channel?.isThread()) return { channelId: channel.parentId ?? channel.id, threadId: channel.id };
  return { channelId: channel?.id ?? fallbackChannelId ?? 'unknown' };
}

/** Versus itself is installed on the server this happened in (not only by the user who did it). */
function installedInServer(i: BaseInteraction): boolean {
  return i.inGuild() && i.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall] === i.guildId;
}

export function interactionContext(i: BaseInteraction, admins: AdminLookup): ChatContext {
  const at = { workspaceId: i.guildId ?? 'dm', ...where(i.channel, i.channelId), userId: i.user.id };
  return {
    platform: 'discord',
    ...at,
    userName: i.user.globalName ?? i.user.username,
    // memberPermissions is computed by Discord for this channel, overwrites included.
    isAdmin: lazyAdmin(admins, at, isAdminPermissions(i.memberPermissions)),
    // A DM, or a server where only the user installed Versus: the core refuses what posts in the channel.
    serverInstall: installedInServer(i),
    // The server's language for what everyone sees; in a DM, the user's own.
    locale: i.guildLocale ?? i.locale,
  };
}

export function messageContext(
  m: Message,
  place: { channelId: string; threadId: string },
  admins: AdminLookup,
): ChatContext & { threadId: string } {
  const at = { workspaceId: m.guildId ?? 'dm', ...place, userId: m.author.id };
  return {
    platform: 'discord',
    ...at,
    userName: m.member?.displayName ?? m.author.globalName ?? m.author.username,
    isAdmin: lazyAdmin(admins, at, memberIsAdmin(m.member, m.inGuild() ? m.channel : null)),
  };
}

/**
 * Whether a message addresses the bot: a user mention of the bot, or a mention of the bot's own managed
 * role (Discord offers both when people type @Versus). Replies that merely ping the bot don't count.
 */
export function botMention(m: Message, botId: string): { mentioned: boolean; roleIds: string[] } {
  const roleIds = [...m.mentions.roles.values()].filter((r) => r.tags?.botId === botId).map((r) => r.id);
  const direct = m.mentions.has(botId, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
  return { mentioned: direct || roleIds.length > 0, roleIds };
}

/** The message text without the mentions of the bot. */
export function withoutMention(content: string, botId: string, roleIds: string[] = []): string {
  let text = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  for (const id of roleIds) text = text.replaceAll(`<@&${id}>`, ' ');
  return text.replace(/\s+/g, ' ').trim();
}
