import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../chat/context.js';

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

const COLUMNS = `id, platform, workspace_id AS workspaceId, channel_id AS channelId, spec, cron, every_weeks AS everyWeeks, timezone,
  duration_ms AS durationMs, created_by AS createdBy, created_at AS createdAt, next_run_at AS nextRunAt, last_run_at AS lastRunAt`;

/** SQL for schedules and the motions a channel has already debated. */
export class ScheduleStore {
  private readonly s: Record<string, Statement>;

  constructor(db: Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert:
        p(`INSERT INTO schedules (id, platform, workspace_id, channel_id, spec, cron, every_weeks, timezone, duration_ms, created_by, created_at, next_run_at)
                 VALUES (@id, @platform, @workspaceId, @channelId, @spec, @cron, @everyWeeks, @timezone, @durationMs, @createdBy, @createdAt, @nextRunAt)`),
      get: p(`SELECT ${COLUMNS} FROM schedules WHERE id = ?`),
      inChannel: p(`SELECT ${COLUMNS} FROM schedules WHERE platform = ? AND channel_id = ? ORDER BY created_at`),
      remove: p('DELETE FROM schedules WHERE id = ?'),
      due: p(`SELECT ${COLUMNS} FROM schedules WHERE next_run_at <= ? ORDER BY next_run_at LIMIT 50`),
      claim: p('UPDATE schedules SET next_run_at = ?, last_run_at = ? WHERE id = ? AND next_run_at = ?'),
      used: p('SELECT topic FROM motions_used WHERE platform = ? AND channel_id = ?'),
      use: p('INSERT OR REPLACE INTO motions_used (platform, channel_id, topic, used_at) VALUES (?, ?, ?, ?)'),
      resetUsed: p('DELETE FROM motions_used WHERE platform = ? AND channel_id = ?'),
    };
  }

  insert(s: Schedule): void {
    this.s.insert!.run(s);
  }

  get(id: string): Schedule | undefined {
    return this.s.get!.get(id) as Schedule | undefined;
  }

  inChannel(platform: string, channelId: string): Schedule[] {
    return this.s.inChannel!.all(platform, channelId) as Schedule[];
  }

  remove(id: string): boolean {
    return this.s.remove!.run(id).changes === 1;
  }

  due(nowIso: string): Schedule[] {
    return this.s.due!.all(nowIso) as Schedule[];
  }

  /**
   * Claims one occurrence with a compare-and-set on next_run_at: of several processes sharing the
   * database, exactly one sees `true` and posts.
   */
  claim(s: Schedule, nextRunAt: string, nowIso: string): boolean {
    return this.s.claim!.run(nextRunAt, nowIso, s.id, s.nextRunAt).changes === 1;
  }

  usedTopics(platform: string, channelId: string): Set<string> {
    return new Set((this.s.used!.all(platform, channelId) as { topic: string }[]).map((r) => r.topic));
  }

  markUsed(platform: string, channelId: string, topic: string, nowIso: string): void {
    this.s.use!.run(platform, channelId, topic, nowIso);
  }

  resetUsed(platform: string, channelId: string): void {
    this.s.resetUsed!.run(platform, channelId);
  }
}
