import type { Selectable } from 'kysely';
import { type Clock, DAY_MS } from '../clock.js';
import { camelRow } from '../store/rows.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';
import type { ChatContext } from './context.js';
import type { Scope } from './scope.js';

/** As long as a "More sources" or Share button keeps working (the paging contexts' retention). */
const RETENTION_MS = 30 * DAY_MS;

/** An answer as given: where, to whom, and whether its asker shared it. */
export interface AnswerRecord extends Scope {
  answerId: string;
  /** Who asked. */
  userId: string;
  /** Only the asker was shown it (a private answer with Share). */
  private: boolean;
  sharedAt?: string | undefined;
}

function fromRow(r: Selectable<SharedSchema['answer_records']>): AnswerRecord {
  const { createdAt: _, ...record } = camelRow(r);
  return { ...record, private: r.private === 1 };
}

/**
 * One record per answer, keyed on the id the feedback log returns (the id its 👍/👎 buttons carry), in the
 * shared store: buttons under an answer (Share, More sources) are checked against where the answer was
 * given and to whom, never against what a payload claims.
 */
export class AnswerRecords {
  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.shared.db;
  }

  async add(answerId: string, ctx: ChatContext, isPrivate: boolean): Promise<void> {
    await this.db
      .insertInto('answer_records')
      .values({
        answer_id: answerId,
        platform: ctx.platform,
        workspace_id: ctx.workspaceId,
        channel_id: ctx.channelId,
        user_id: ctx.userId,
        private: isPrivate ? 1 : 0,
        shared_at: null,
        created_at: this.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.column('answer_id').doNothing())
      .execute();
  }

  async find(answerId: string): Promise<AnswerRecord | undefined> {
    const r = await this.db
      .selectFrom('answer_records')
      .selectAll()
      .where('answer_id', '=', answerId)
      .executeTakeFirst();
    return r && fromRow(r);
  }

  /** Marks the answer shared, once: true only for the first call (of any number, on any replica). */
  async claimShare(answerId: string): Promise<boolean> {
    const r = await this.db
      .updateTable('answer_records')
      .set({ shared_at: this.clock.now().toISOString() })
      .where('answer_id', '=', answerId)
      .where('shared_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Forgets records older than the buttons that use them. Returns the rows removed. */
  async prune(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - RETENTION_MS).toISOString();
    const r = await this.db.deleteFrom('answer_records').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
