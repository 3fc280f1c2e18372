import type { webApi } from '@slack/bolt';
import type { ChatPort, MessageRef, Place, PlacedRef, Uploaded } from '../../chat/port.js';
import type { Reply } from '../../chat/reply.js';
import { type Clock, MINUTE_MS, systemClock } from '../../clock.js';
import { VersusError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { SlackPages } from './pages.js';

const ADMIN_CACHE_MS = 10 * MINUTE_MS;

/** OAuth mode: the bot token of the installation serving a workspace, for a post in one of its channels (undefined: none). */
export interface SlackTokens {
  forWorkspace(where: { workspaceId: string; channelId: string }): Promise<string | undefined>;
}

/** What the core posts on its own: scheduled polls, poll and walk re-renders, CSV exports, admin checks. */
export class SlackPort implements ChatPort {
  readonly platform = 'slack' as const;
  private readonly admins = new Map<string, { admin: boolean; at: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly pages: SlackPages,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
    private readonly tokens?: SlackTokens,
  ) {}

  /**
   * The call's token: the client's own in single-token mode; in OAuth mode, that of the installation
   * serving the workspace that owns what is posted (a Slack Connect channel is in two workspaces, and each
   * one's poll there is posted by its own installation).
   */
  private async auth(where: { workspaceId: string; channelId: string }): Promise<{ token?: string }> {
    if (!this.tokens) return {};
    const token = await this.tokens.forWorkspace(where);
    if (!token)
      throw new VersusError(
        'platform_error',
        'Versus is not installed in the Slack workspace of this channel (or was uninstalled); install it again from /slack/install.',
      );
    return { token };
  }

  async post(at: Place, reply: Reply): Promise<MessageRef> {
    const { channelId, threadId } = at;
    const msg = this.pages.render(reply, { channelId });
    const res = await this.client.chat.postMessage({
      ...(await this.auth(at)),
      channel: channelId,
      thread_ts: threadId,
      text: msg.text,
      blocks: msg.blocks,
      unfurl_links: false,
    });
    return { channelId: res.channel ?? channelId, messageId: res.ts!, threadId };
  }

  async update(ref: PlacedRef, reply: Reply): Promise<void> {
    const msg = this.pages.render(reply, { channelId: ref.channelId });
    await this.client.chat.update({
      ...(await this.auth(ref)),
      channel: ref.channelId,
      ts: ref.messageId,
      text: msg.text,
      blocks: msg.blocks,
    });
  }

  async upload(at: Place, filename: string, content: string): Promise<Uploaded> {
    const { channelId, threadId } = at;
    const file = { ...(await this.auth(at)), filename, content, title: filename };
    await (threadId
      ? this.client.files.uploadV2({ ...file, channel_id: channelId, thread_ts: threadId })
      : this.client.files.uploadV2({ ...file, channel_id: channelId }));
    return { channelId };
  }

  /** Slack's admin/owner flag (users.info), workspace-wide, cached for 10 minutes. */
  async isAdmin(where: { workspaceId: string; channelId: string }, userId: string): Promise<boolean> {
    // Keyed by workspace too: with several installed, one process serves several teams.
    const key = `${where.workspaceId}:${userId}`;
    const cached = this.admins.get(key);
    const now = this.clock.now().getTime();
    if (cached && now - cached.at < ADMIN_CACHE_MS) return cached.admin;
    try {
      const res = await this.client.users.info({ ...(await this.auth(where)), user: userId });
      const admin = !!(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
      this.admins.set(key, { admin, at: now });
      return admin;
    } catch (err) {
      this.log.warn({ err, userId }, 'slack: users.info failed; treating the user as not an admin');
      return false;
    }
  }
}
