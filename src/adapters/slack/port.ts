import type { webApi } from '@slack/bolt';
import type { ChatPort, MessageRef, Uploaded } from '../../chat/port.js';
import type { Reply } from '../../chat/reply.js';
import { type Clock, MINUTE_MS, systemClock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { SlackPages } from './pages.js';

const ADMIN_CACHE_MS = 10 * MINUTE_MS;

/** What the core posts on its own: scheduled polls, poll and walk re-renders, CSV exports, admin checks. */
export class SlackPort implements ChatPort {
  readonly platform = 'slack' as const;
  private readonly admins = new Map<string, { admin: boolean; at: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly pages: SlackPages,
    private readonly log: Logger,
    private readonly clock: Clock = systemClock,
  ) {}

  async post(channelId: string, reply: Reply, threadId?: string): Promise<MessageRef> {
    const msg = this.pages.render(reply, { channelId });
    const res = await this.client.chat.postMessage({
      channel: channelId,
      thread_ts: threadId,
      text: msg.text,
      blocks: msg.blocks,
      unfurl_links: false,
    });
    return { channelId: res.channel ?? channelId, messageId: res.ts!, threadId };
  }

  async update(ref: MessageRef, reply: Reply): Promise<void> {
    const msg = this.pages.render(reply, { channelId: ref.channelId });
    await this.client.chat.update({ channel: ref.channelId, ts: ref.messageId, text: msg.text, blocks: msg.blocks });
  }

  async upload(channelId: string, filename: string, content: string, threadId?: string): Promise<Uploaded> {
    const file = { filename, content, title: filename };
    await (threadId
      ? this.client.files.uploadV2({ ...file, channel_id: channelId, thread_ts: threadId })
      : this.client.files.uploadV2({ ...file, channel_id: channelId }));
    return { channelId };
  }

  /** Slack's admin/owner flag (users.info), workspace-wide, cached for 10 minutes. */
  async isAdmin(_where: { workspaceId: string; channelId: string }, userId: string): Promise<boolean> {
    const cached = this.admins.get(userId);
    const now = this.clock.now().getTime();
    if (cached && now - cached.at < ADMIN_CACHE_MS) return cached.admin;
    try {
      const res = await this.client.users.info({ user: userId });
      const admin = !!(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
      this.admins.set(userId, { admin, at: now });
      return admin;
    } catch (err) {
      this.log.warn({ err, userId }, 'slack: users.info failed; treating the user as not an admin');
      return false;
    }
  }
}
