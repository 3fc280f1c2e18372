import { type APIMessage, type Client, Routes } from 'discord.js';
import type { ChatPort, MessageRef, Place, Uploaded } from '../../chat/port.js';
import type { Reply } from '../../chat/reply.js';
import { VersusError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { isAdminPermissions } from './context.js';
import type { DiscordPages } from './pages.js';

const NO_PINGS = { parse: [] };

/** Exports are CSV (poll votes) or Markdown (decision records). */
const contentType = (filename: string) => (filename.endsWith('.md') ? 'text/markdown' : 'text/csv');

/**
 * What the core posts on its own (scheduled polls, poll re-renders, matrix steps, CSV exports).
 * Goes straight through the REST client, so the channel need not be in discord.js's cache; rate limits
 * (429) are waited out and retried by @discordjs/rest.
 */
export class DiscordPort implements ChatPort {
  readonly platform = 'discord' as const;

  /** A server's preferred locale, from the gateway's guild data (no request). */
  placeLocale(guildId: string): string | undefined {
    return this.client()?.guilds.cache.get(guildId)?.preferredLocale;
  }

  /** `client` is a getter: the adapter may replace the client when it reconnects without Message Content. */
  constructor(
    private readonly client: () => Client | undefined,
    private readonly pages: DiscordPages,
    private readonly log: Logger,
  ) {}

  private rest() {
    const c = this.client();
    if (!c?.isReady()) throw new VersusError('platform_error', 'Discord is not connected');
    return c.rest;
  }

  /** A guild's channel belongs to that guild: the one bot token serves every guild, so the owner changes nothing. */
  async post({ channelId, threadId }: Place, reply: Reply): Promise<MessageRef> {
    if (reply.visibility === 'ephemeral')
      this.log.debug(
        { channelId },
        'discord: an ephemeral reply posted to a channel is public (no interaction to answer)',
      );
    const target = threadId ?? channelId;
    const msg = (await this.rest().post(Routes.channelMessages(target), {
      body: { ...this.pages.render(reply, { channelId: target }), allowed_mentions: NO_PINGS },
    })) as APIMessage;
    return { channelId, messageId: msg.id, threadId };
  }

  async update(ref: MessageRef, reply: Reply): Promise<void> {
    const target = ref.threadId ?? ref.channelId;
    await this.rest().patch(Routes.channelMessage(target, ref.messageId), {
      body: { ...this.pages.render(reply, { channelId: target }), allowed_mentions: NO_PINGS },
    });
  }

  async upload({ channelId, threadId }: Place, filename: string, content: string): Promise<Uploaded> {
    const target = threadId ?? channelId;
    const msg = (await this.rest().post(Routes.channelMessages(target), {
      body: { content: `📎 ${filename}`, attachments: [{ id: 0, filename }], allowed_mentions: NO_PINGS },
      files: [{ name: filename, data: Buffer.from(content, 'utf8'), contentType: contentType(filename) }],
    })) as APIMessage;
    return { channelId: target, url: msg.attachments[0]?.url };
  }

  /** Manage Messages or Manage Guild in that channel of that guild, its permission overwrites included. */
  async isAdmin(where: { workspaceId: string; channelId: string }, userId: string): Promise<boolean> {
    const c = this.client();
    try {
      const guild = c?.guilds.cache.get(where.workspaceId) ?? (await c?.guilds.fetch(where.workspaceId));
      if (!guild) return false;
      const member = await guild.members.fetch(userId);
      const channel = guild.channels.cache.get(where.channelId) ?? (await guild.channels.fetch(where.channelId));
      // A channel of another guild (or none) gives no rights here.
      return !!channel && channel.guildId === guild.id && isAdminPermissions(channel.permissionsFor(member));
    } catch (err) {
      this.log.warn(
        { err, workspaceId: where.workspaceId, channelId: where.channelId, userId },
        'discord: could not check member permissions; treating as not an admin',
      );
      return false;
    }
  }
}
