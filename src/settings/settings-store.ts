import type { ChatContext } from '../chat/context.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/open.js';

export type AnswerVisibility = 'public' | 'private';

type Where = Pick<ChatContext, 'platform' | 'workspaceId' | 'channelId'>;

/** Per-channel settings in SQLite. A channel nobody configured gets the defaults (answers private). */
export class ChannelSettings {
  private readonly get;
  private readonly upsert;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.get = db.prepare<[string, string, string], { answers: AnswerVisibility }>(
      'SELECT answers FROM channel_settings WHERE platform = ? AND workspace_id = ? AND channel_id = ?',
    );
    this.upsert = db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO channel_settings (platform, workspace_id, channel_id, answers, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, workspace_id, channel_id)
       DO UPDATE SET answers = excluded.answers, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
  }

  answers(w: Where): AnswerVisibility {
    return this.get.get(w.platform, w.workspaceId, w.channelId)?.answers ?? 'private';
  }

  setAnswers(w: Where & { userId: string }, value: AnswerVisibility): void {
    this.upsert.run(w.platform, w.workspaceId, w.channelId, value, w.userId, this.clock.now().toISOString());
  }
}
