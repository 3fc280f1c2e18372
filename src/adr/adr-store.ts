import type { Selectable } from 'kysely';
import type { Scope } from '../chat/scope.js';
import { isUniqueViolation } from '../store/errors.js';
import { camelRow } from '../store/rows.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';

/** One exported revision of a decision record. */
export interface RecordRevision extends Scope {
  recordId: string;
  revision: number;
  /** JSON of DecisionState: what the next revision says changed. */
  state: string;
  markdown: string;
  createdBy: string;
  createdAt: string;
}

type Row = Selectable<SharedSchema['decision_records']>;

const fromRow = (r: Row): RecordRevision => camelRow(r);

/** Decision records (ADRs) and their revisions, SQLite or PostgreSQL. */
export class DecisionRecords {
  constructor(private readonly shared: SharedDb) {}

  private get db() {
    return this.shared.db;
  }

  /** Every revision of a record, newest first. */
  async revisions(recordId: string): Promise<RecordRevision[]> {
    const rows = await this.db
      .selectFrom('decision_records')
      .selectAll()
      .where('record_id', '=', recordId)
      .orderBy('revision', 'desc')
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Stores a revision unless that number is taken: two exports racing for the same next revision are
   * settled by the primary key, and the loser (false) reads the winner's.
   */
  async add(r: RecordRevision): Promise<boolean> {
    try {
      await this.db
        .insertInto('decision_records')
        .values({
          record_id: r.recordId,
          revision: r.revision,
          platform: r.platform,
          workspace_id: r.workspaceId,
          channel_id: r.channelId,
          state: r.state,
          markdown: r.markdown,
          created_by: r.createdBy,
          created_at: r.createdAt,
        })
        .execute();
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }
}
