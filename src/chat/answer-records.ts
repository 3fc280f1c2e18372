import type { Selectable } from 'kysely';
import { type Clock, DAY_MS } from '../clock.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';
import type { Scope } from './scope.js';

/** As long as a "More sources" or Share button keeps working. */
const RETENTION_MS = 30 * DAY_MS;

/** An answer as given: where, to whom, whether its asker shared it, and what its buttons need. */
export interface AnswerRecord extends Scope {
  answerId: string;
  /** Who asked. */
  userId: string;
  /** Only the asker was shown it (a private answer with Share). */
  private: boolean;
  sharedAt?: string | undefined;
  /** What "More sources" asks again, as stored; the caller checks its shape. */
  more?: unknown;
  /** Page 1's public form, which Share posts (private answers); the caller checks its shape. */
  share?: unknown;
}

const parsed = (json: string | null): unknown => (json === null ? undefined : JSON.parse(json));

function fromRow(r: Selectable<SharedSchema['answer_log']>): AnswerRecord | undefined {
  if (r.platform === null || r.workspace_id === null || r.channel_id === null || r.user_id === null) return undefined;
  return {
    answerId: r.id,
    platform: r.platform,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    userId: r.user_id,
    private: r.private === 1,
    sharedAt: r.shared_at ?? undefined,
    more: parsed(r.more),
    share: parsed(r.share),
  };
}

/**
 * The answer records, read back: the one row FeedbackStore.log wrote per answer (keyed on the id its 👍/👎
 * buttons carry). Buttons under an answer (Share, More sources) are checked against where the answer was
 * given and to whom, never against what a payload claims, and served from what the row kept.
 */
export class AnswerRecords {
  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.shared.db;
  }

  private cutoff(): string {
    return new Date(this.clock.now().getTime() - RETENTION_MS).toISOString();
  }

  /** The record, unless it is older than its buttons' 30 days or predates places being kept. */
  async find(answerId: string): Promise<AnswerRecord | undefined> {
    const r = await this.db
      .selectFrom('answer_log')
      .selectAll()
      .where('id', '=', answerId)
      .where('created_at', '>=', this.cutoff())
      .executeTakeFirst();
    return r && fromRow(r);
  }

  /** Marks the answer shared, once: true only for the first call (of any number, on any replica). */
  async claimShare(answerId: string): Promise<boolean> {
    const r = await this.db
      .updateTable('answer_log')
      .set({ shared_at: this.clock.now().toISOString() })
      .where('id', '=', answerId)
      .where('user_id', 'is not', null)
      .where('shared_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /**
   * Drops what the buttons needed from answers older than 30 days (their buttons no longer work); the rows
   * stay for the report. Returns the rows trimmed.
   */
  async prune(): Promise<number> {
    const r = await this.db
      .updateTable('answer_log')
      .set({ more: null, share: null })
      .where('created_at', '<', this.cutoff())
      .where((eb) => eb.or([eb('more', 'is not', null), eb('share', 'is not', null)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}
