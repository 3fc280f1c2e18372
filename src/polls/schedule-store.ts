import type { Database } from 'better-sqlite3';
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

/** A schedules row as SQLite returns it (see migrations/002_polls.sql). */
interface ScheduleRow {
  id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  spec: string;
  cron: string;
  every_weeks: number;
  timezone: string;
  duration_ms: number;
  created_by: string;
  created_at: string;
  next_run_at: string;
  last_run_at: string | null;
}

function fromRow(r: ScheduleRow): Schedule {
  return {
    id: r.id,
    platform: r.platform,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    spec: r.spec,
    cron: r.cron,
    everyWeeks: r.every_weeks,
    timezone: r.timezone,
    durationMs: r.duration_ms,
    createdBy: r.created_by,
    createdAt: r.created_at,
    nextRunAt: r.next_run_at,
    lastRunAt: r.last_run_at ?? undefined,
  };
}

/** Most due schedules handled in one scheduler tick; the rest wait for the next. */
const DUE_PER_TICK = 50;

/** SQL for schedules and the motions a channel has already debated. */
export class ScheduleStore {
  private readonly insertStmt;
  private readonly byId;
  private readonly inChannelStmt;
  private readonly removeStmt;
  private readonly dueStmt;
  private readonly claimStmt;
  private readonly usedStmt;
  private readonly useStmt;
  private readonly resetUsedStmt;

  constructor(db: Database) {
    this.insertStmt = db.prepare<[Omit<Schedule, 'lastRunAt'>]>(
      `INSERT INTO schedules (id, platform, workspace_id, channel_id, spec, cron, every_weeks, timezone, duration_ms, created_by, created_at, next_run_at)
       VALUES (@id, @platform, @workspaceId, @channelId, @spec, @cron, @everyWeeks, @timezone, @durationMs, @createdBy, @createdAt, @nextRunAt)`,
    );
    this.byId = db.prepare<[id: string], ScheduleRow>('SELECT * FROM schedules WHERE id = ?');
    this.inChannelStmt = db.prepare<[platform: string, channelId: string], ScheduleRow>(
      'SELECT * FROM schedules WHERE platform = ? AND channel_id = ? ORDER BY created_at',
    );
    this.removeStmt = db.prepare<[id: string]>('DELETE FROM schedules WHERE id = ?');
    this.dueStmt = db.prepare<[nowIso: string], ScheduleRow>(
      `SELECT * FROM schedules WHERE next_run_at <= ? ORDER BY next_run_at LIMIT ${DUE_PER_TICK}`,
    );
    this.claimStmt = db.prepare<[nextRunAt: string, nowIso: string, id: string, expectedNextRunAt: string]>(
      'UPDATE schedules SET next_run_at = ?, last_run_at = ? WHERE id = ? AND next_run_at = ?',
    );
    this.usedStmt = db.prepare<[platform: string, channelId: string], { topic: string }>(
      'SELECT topic FROM motions_used WHERE platform = ? AND channel_id = ?',
    );
    this.useStmt = db.prepare<[platform: string, channelId: string, topic: string, nowIso: string]>(
      'INSERT OR REPLACE INTO motions_used (platform, channel_id, topic, used_at) VALUES (?, ?, ?, ?)',
    );
    this.resetUsedStmt = db.prepare<[platform: string, channelId: string]>(
      'DELETE FROM motions_used WHERE platform = ? AND channel_id = ?',
    );
  }

  insert(s: Omit<Schedule, 'lastRunAt'>): void {
    this.insertStmt.run(s);
  }

  get(id: string): Schedule | undefined {
    const r = this.byId.get(id);
    return r && fromRow(r);
  }

  inChannel(platform: string, channelId: string): Schedule[] {
    return this.inChannelStmt.all(platform, channelId).map(fromRow);
  }

  remove(id: string): boolean {
    return this.removeStmt.run(id).changes === 1;
  }

  due(nowIso: string): Schedule[] {
    return this.dueStmt.all(nowIso).map(fromRow);
  }

  /**
   * Claims one occurrence with a compare-and-set on next_run_at: of several processes sharing the
   * database, exactly one sees `true` and posts.
   */
  claim(s: Schedule, nextRunAt: string, nowIso: string): boolean {
    return this.claimStmt.run(nextRunAt, nowIso, s.id, s.nextRunAt).changes === 1;
  }

  usedTopics(platform: string, channelId: string): Set<string> {
    return new Set(this.usedStmt.all(platform, channelId).map((r) => r.topic));
  }

  markUsed(platform: string, channelId: string, topic: string, nowIso: string): void {
    this.useStmt.run(platform, channelId, topic, nowIso);
  }

  resetUsed(platform: string, channelId: string): void {
    this.resetUsedStmt.run(platform, channelId);
  }
}
