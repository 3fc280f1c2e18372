import type { Scope } from '../chat/scope.js';
import type { SharedDb } from '../store/shared-db.js';
import type { WeightChange } from './weights.js';

/** Per-channel factor weights in the shared store, scoped to platform, workspace and channel. */
export class MatrixWeights {
  constructor(private readonly shared: SharedDb) {}

  private get db() {
    return this.shared.db;
  }

  /** The channel's changes, in the matrix's factor order left to the caller; none for a channel nobody tuned. */
  async get(w: Scope): Promise<WeightChange[]> {
    const rows = await this.db
      .selectFrom('matrix_weights')
      .select(['factor_id', 'percent', 'updated_by', 'updated_at'])
      .where('platform', '=', w.platform)
      .where('workspace_id', '=', w.workspaceId)
      .where('channel_id', '=', w.channelId)
      .orderBy('factor_id')
      .execute();
    return rows.map((r) => ({
      factorId: r.factor_id,
      percent: r.percent,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }));
  }

  /** Sets one factor's weight; 100 (the sources' weight) removes the change instead of storing a default. */
  async set(w: Scope, factorId: string, percent: number, by: string, nowIso: string): Promise<void> {
    if (percent === 100) return this.reset(w, factorId);
    const row = { percent, updated_by: by, updated_at: nowIso };
    await this.db
      .insertInto('matrix_weights')
      .values({
        platform: w.platform,
        workspace_id: w.workspaceId,
        channel_id: w.channelId,
        factor_id: factorId,
        ...row,
      })
      .onConflict((oc) => oc.columns(['platform', 'workspace_id', 'channel_id', 'factor_id']).doUpdateSet(row))
      .execute();
  }

  /** Back to the sources' weights: one factor, or every factor when none is named. */
  async reset(w: Scope, factorId?: string): Promise<void> {
    let q = this.db
      .deleteFrom('matrix_weights')
      .where('platform', '=', w.platform)
      .where('workspace_id', '=', w.workspaceId)
      .where('channel_id', '=', w.channelId);
    if (factorId) q = q.where('factor_id', '=', factorId);
    await q.execute();
  }
}
