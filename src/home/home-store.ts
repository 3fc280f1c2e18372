import type { Database } from '../db/open.js';

/** How many rows each list of the home shows. */
const ROWS = 10;

export interface HomePoll {
  id: string;
  question: string;
  channelId: string;
  closesAt: string;
}
export interface HomeWalk {
  id: string;
  channelId: string;
  mode: 'channel' | 'solo';
  step: number;
}
export interface HomeSchedule {
  id: string;
  channelId: string;
  spec: string;
  nextRunAt: string;
}

interface Who {
  platform: string;
  workspaceId: string;
  userId: string;
  rows: number;
}

/**
 * One person's view across the poll, walk and schedule tables (read only; each feature's own store writes
 * them). Only what the person took part in is listed: the core cannot tell which channels they can read.
 */
export class HomeStore {
  private readonly pollsStmt;
  private readonly walksStmt;
  private readonly schedulesStmt;
  private readonly scheduleStmt;

  constructor(db: Database) {
    this.pollsStmt = db.prepare<[Who & { now: string }], HomePoll>(
      `SELECT p.id, p.question, p.channel_id AS channelId, p.closes_at AS closesAt FROM polls p
       WHERE p.platform = @platform AND p.workspace_id = @workspaceId AND p.closed_at IS NULL
         AND (p.creator_id = @userId OR EXISTS (SELECT 1 FROM votes v WHERE v.poll_id = p.id AND v.user_id = @userId))
         AND p.closes_at > @now
       ORDER BY p.closes_at LIMIT @rows`,
    );
    this.walksStmt = db.prepare<[Who], HomeWalk>(
      `SELECT s.id, s.channel_id AS channelId, s.mode, s.step FROM matrix_sessions s
       WHERE s.platform = @platform AND s.workspace_id = @workspaceId AND s.status = 'open'
         AND (s.starter_id = @userId OR EXISTS (SELECT 1 FROM matrix_answers a WHERE a.session_id = s.id AND a.user_id = @userId))
       ORDER BY s.updated_at DESC LIMIT @rows`,
    );
    this.schedulesStmt = db.prepare<[Who], HomeSchedule>(
      `SELECT id, channel_id AS channelId, spec, next_run_at AS nextRunAt FROM schedules
       WHERE platform = @platform AND workspace_id = @workspaceId AND created_by = @userId ORDER BY next_run_at LIMIT @rows`,
    );
    this.scheduleStmt = db.prepare<[id: string], { channelId: string }>(
      'SELECT channel_id AS channelId FROM schedules WHERE id = ?',
    );
  }

  openPolls(platform: string, workspaceId: string, userId: string, nowIso: string): HomePoll[] {
    return this.pollsStmt.all({ platform, workspaceId, userId, rows: ROWS, now: nowIso });
  }

  openWalks(platform: string, workspaceId: string, userId: string): HomeWalk[] {
    return this.walksStmt.all({ platform, workspaceId, userId, rows: ROWS });
  }

  schedules(platform: string, workspaceId: string, userId: string): HomeSchedule[] {
    return this.schedulesStmt.all({ platform, workspaceId, userId, rows: ROWS });
  }

  /** The channel a schedule belongs to (removing one from the home happens "in" its channel). */
  scheduleChannel(id: string): string | undefined {
    return this.scheduleStmt.get(id)?.channelId;
  }
}
