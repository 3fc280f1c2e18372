import type { Selectable } from 'kysely';
import type { Platform } from '../chat/context.js';
import { newId } from '../ids.js';
import { isUniqueViolation } from '../store/errors.js';
import { camelRow } from '../store/rows.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';

/** Which workspace a team document belongs to: only there is it answered from, listed by name and removable. */
export interface SourceScope {
  platform: Platform;
  workspaceId: string;
}

/** The scope as one key, as the knowledge index stores it ('slack:T123'); the knowledge folder is ''. */
export const scopeKey = (s: SourceScope) => `${s.platform}:${s.workspaceId}`;

export interface TeamSource extends SourceScope {
  id: string;
  addedBy: string;
  addedByName?: string | undefined;
  addedAt: string;
  /** The link fetched, or the uploaded file's name. */
  origin: string;
  format: 'markdown' | 'text';
  title: string;
  author?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
  content: string;
  sha256: string;
}

/** What every replica polls: enough to tell which documents are new, changed or gone. */
export interface SourceHead {
  id: string;
  sha256: string;
}

export type NewSource = Omit<TeamSource, 'id'>;

const fromRow = (r: Selectable<SharedSchema['team_sources']>): TeamSource => camelRow(r);

/** Team documents in the shared store (SQLite or PostgreSQL), one query each for both. */
export class SourceStore {
  constructor(private readonly shared: SharedDb) {}

  /**
   * Stores a document; the same origin added again in the same workspace replaces it and keeps its id.
   * Two replicas adding one link at once: the unique index lets one insert, the other then replaces.
   */
  async put(s: NewSource): Promise<{ id: string; replaced: boolean }> {
    const row = {
      added_by: s.addedBy,
      added_by_name: s.addedByName ?? null,
      added_at: s.addedAt,
      format: s.format,
      title: s.title,
      author: s.author ?? null,
      published: s.published ?? null,
      url: s.url ?? null,
      content: s.content,
      sha256: s.sha256,
    };
    for (let attempt = 0; ; attempt++) {
      const existing = await this.shared.db
        .selectFrom('team_sources')
        .select('id')
        .where('platform', '=', s.platform)
        .where('workspace_id', '=', s.workspaceId)
        .where('origin', '=', s.origin)
        .executeTakeFirst();
      if (existing) {
        await this.shared.db.updateTable('team_sources').set(row).where('id', '=', existing.id).execute();
        return { id: existing.id, replaced: true };
      }
      const id = newId('d');
      try {
        await this.shared.db
          .insertInto('team_sources')
          .values({ id, platform: s.platform, workspace_id: s.workspaceId, origin: s.origin, ...row })
          .execute();
        return { id, replaced: false };
      } catch (e) {
        if (!isUniqueViolation(e) || attempt > 2) throw e;
      }
    }
  }

  /** Removes a document of this workspace; false when there is none by that id here. */
  async remove(scope: SourceScope, id: string): Promise<boolean> {
    const r = await this.shared.db
      .deleteFrom('team_sources')
      .where('id', '=', id)
      .where('platform', '=', scope.platform)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async heads(): Promise<SourceHead[]> {
    return this.shared.db.selectFrom('team_sources').select(['id', 'sha256']).orderBy('id').execute();
  }

  async byIds(ids: readonly string[]): Promise<TeamSource[]> {
    if (ids.length === 0) return [];
    const rows = await this.shared.db.selectFrom('team_sources').selectAll().where('id', 'in', ids).execute();
    return rows.map(fromRow);
  }

  async get(scope: SourceScope, id: string): Promise<TeamSource | undefined> {
    const row = await this.shared.db
      .selectFrom('team_sources')
      .selectAll()
      .where('id', '=', id)
      .where('platform', '=', scope.platform)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** A workspace's documents without their text, newest first (for /versus sources). */
  async list(scope: SourceScope): Promise<Omit<TeamSource, 'content'>[]> {
    const rows = await this.shared.db
      .selectFrom('team_sources')
      .select([
        'id',
        'platform',
        'workspace_id',
        'added_by',
        'added_by_name',
        'added_at',
        'origin',
        'format',
        'title',
        'author',
        'published',
        'url',
        'sha256',
      ])
      .where('platform', '=', scope.platform)
      .where('workspace_id', '=', scope.workspaceId)
      .orderBy('added_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const { content: _, ...rest } = fromRow({ ...r, content: '' });
      return rest;
    });
  }

  async count(scope: SourceScope): Promise<number> {
    const r = await this.shared.db
      .selectFrom('team_sources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('platform', '=', scope.platform)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
