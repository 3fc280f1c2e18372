import type { Selectable } from 'kysely';
import type { Platform } from '../chat/context.js';
import type { Scope } from '../chat/scope.js';
import { camelRow } from '../store/rows.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';

export interface Schedule {
  id: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  spec: string;
  cron: string;
  everyWeeks: number;
  timezone: string;
  durationMs: number;
  createdBy: string;
  createdAt: string;
  nextRunAt: string;
  lastRunAt?: string | undefined;
}

type ScheduleRow = Selectable<SharedSchema['schedules']>;

const fromRow = (r: ScheduleRow): Schedule => camelRow(r);

/** Most due schedules handled in one scheduler tick; the rest wait for the next. */
const DUE_PER_TICK = 50;

/** Queries for schedules and the motions a channel has already debated, on SQLite or PostgreSQL. */
export class ScheduleStore {
  constructor(private readonly shared: SharedDb) {}

  private get db() {
    return this.shared.db;
  }

  async insert(s: Omit<Schedule, 'lastRunAt'>): Promise<void> {
    await this.db
      .insertInto('schedules')
      .values({
        id: s.id,
        platform: s.platform,
        workspace_id: s.workspaceId,
        channel_id: s.channelId,
        spec: s.spec,
        cron: s.cron,
        every_weeks: s.everyWeeks,
        timezone: s.timezone,
        duration_ms: s.durationMs,
        created_by: s.createdBy,
        created_at: s.createdAt,
        next_run_at: s.nextRunAt,
        last_run_at: null,
      })
      .execute();
  }

  async get(id: string): Promise<Schedule | undefined> {
    const r = await this.db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
    return r && fromRow(r);
  }

  /** A channel's schedules, of one workspace: a channel shared between workspaces shows each only its own. */
  async inChannel(where: Scope): Promise<Schedule[]> {
    const rows = await this.db
      .selectFrom('schedules')
      .selectAll()
      .where('platform', '=', where.platform)
      .where('workspace_id', '=', where.workspaceId)
      .where('channel_id', '=', where.channelId)
      .orderBy('created_at')
      .execute();
    return rows.map(fromRow);
  }

  async remove(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows === 1n;
  }

  async due(nowIso: string): Promise<Schedule[]> {
    const rows = await this.db
      .selectFrom('schedules')
      .selectAll()
      .where('next_run_at', '<=', nowIso)
      .orderBy('next_run_at')
      .limit(DUE_PER_TICK)
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Claims one occurrence with a compare-and-set on next_run_at: of several processes or replicas
   * sharing the database, exactly one sees `true` and posts.
   */
  async claim(s: Schedule, nextRunAt: string, nowIso: string): Promise<boolean> {
    const r = await this.db
      .updateTable('schedules')
      .set({ next_run_at: nextRunAt, last_run_at: nowIso })
      .where('id', '=', s.id)
      .where('next_run_at', '=', s.nextRunAt)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async usedTopics(platform: Platform, channelId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('motions_used')
      .select('topic')
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .execute();
    return new Set(rows.map((r) => r.topic));
  }

  async markUsed(platform: Platform, channelId: string, topic: string, nowIso: string): Promise<void> {
    await this.db
      .insertInto('motions_used')
      .values({ platform, channel_id: channelId, topic, used_at: nowIso })
      .onConflict((oc) => oc.columns(['platform', 'channel_id', 'topic']).doUpdateSet({ used_at: nowIso }))
      .execute();
  }

  async resetUsed(platform: Platform, channelId: string): Promise<void> {
    await this.db
      .deleteFrom('motions_used')
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .execute();
  }
}
