import type { ChatContext } from '../chat/context.js';
import type { Visibility } from '../chat/reply.js';
import type { Clock } from '../clock.js';
import type { SharedDb } from '../store/shared-db.js';

export type AnswerVisibility = 'public' | 'private';

type Where = Pick<ChatContext, 'platform' | 'workspaceId' | 'channelId'>;

/** Per-channel settings in the shared store. A channel nobody configured gets the defaults (answers private). */
export class ChannelSettings {
  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  async answers(w: Where): Promise<AnswerVisibility> {
    const row = await this.shared.db
      .selectFrom('channel_settings')
      .select('answers')
      .where('platform', '=', w.platform)
      .where('workspace_id', '=', w.workspaceId)
      .where('channel_id', '=', w.channelId)
      .executeTakeFirst();
    return row?.answers ?? 'private';
  }

  /** Where a command's answer is shown in this channel: what ask, compare and verdict declare up front. */
  async shownIn(w: Where): Promise<Visibility> {
    return (await this.answers(w)) === 'private' ? 'ephemeral' : 'channel';
  }

  async setAnswers(w: Where & { userId: string }, value: AnswerVisibility): Promise<void> {
    const row = { answers: value, updated_by: w.userId, updated_at: this.clock.now().toISOString() };
    await this.shared.db
      .insertInto('channel_settings')
      .values({ platform: w.platform, workspace_id: w.workspaceId, channel_id: w.channelId, ...row })
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'channel_id']).doUpdateSet(row))
      .execute();
  }
}
