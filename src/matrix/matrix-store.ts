import SqliteDatabase, { type Database } from 'better-sqlite3';
import type { Platform } from '../chat/context.js';

export interface Session {
  id: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  ownerKey: string;
  mode: 'channel' | 'solo';
  starterId: string;
  step: number;
  status: 'open' | 'finished' | 'cancelled' | 'expired';
  messageId?: string | undefined;
  threadId?: string | undefined;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every answer, skip and move; `renderedVersion` is the one its message last showed. */
  version?: number | undefined;
  renderedVersion?: number | undefined;
}

export interface WalkAnswer {
  step: number;
  userId: string;
  value: string;
}

/** A matrix_sessions row as SQLite returns it (see migrations/003_matrix.sql). */
interface SessionRow {
  id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  owner_key: string;
  mode: Session['mode'];
  starter_id: string;
  step: number;
  status: Session['status'];
  message_id: string | null;
  thread_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  rendered_version: number;
}

function fromRow(r: SessionRow): Session {
  return {
    id: r.id,
    platform: r.platform,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    ownerKey: r.owner_key,
    mode: r.mode,
    starterId: r.starter_id,
    step: r.step,
    status: r.status,
    messageId: r.message_id ?? undefined,
    threadId: r.thread_id ?? undefined,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
    renderedVersion: r.rendered_version,
  };
}

type NewSession = Omit<Session, 'step' | 'status' | 'messageId'>;

/** SQL for decision-matrix walks: sessions, per-person answers, skipped steps. */
export class MatrixStore {
  private readonly insert;
  private readonly byId;
  private readonly openFor;
  private readonly moveStmt;
  private readonly finishAtStmt;
  private readonly bump;
  private readonly rendered;
  private readonly stale;
  private readonly setStatusStmt;
  private readonly setMessageStmt;
  private readonly touch;
  private readonly upsertAnswer;
  private readonly answersOf;
  private readonly insertSkip;
  private readonly deleteSkip;
  private readonly skipsOf;
  private readonly idle;

  constructor(private readonly db: Database) {
    this.insert = db.prepare<[Omit<NewSession, 'threadId'> & { threadId: string | null }]>(
      `INSERT INTO matrix_sessions (id, platform, workspace_id, channel_id, owner_key, mode, starter_id, step, status, thread_id, created_at, updated_at)
       VALUES (@id, @platform, @workspaceId, @channelId, @ownerKey, @mode, @starterId, 0, 'open', @threadId, @createdAt, @updatedAt)`,
    );
    this.byId = db.prepare<[id: string], SessionRow>('SELECT * FROM matrix_sessions WHERE id = ?');
    this.openFor = db.prepare<[platform: string, channelId: string, mode: string, ownerKey: string], SessionRow>(
      "SELECT * FROM matrix_sessions WHERE platform = ? AND channel_id = ? AND mode = ? AND owner_key = ? AND status = 'open'",
    );
    this.moveStmt = db.prepare<[to: number, nowIso: string, id: string, from: number]>(
      "UPDATE matrix_sessions SET step = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'open' AND step = ?",
    );
    this.finishAtStmt = db.prepare<[nowIso: string, id: string, from: number]>(
      "UPDATE matrix_sessions SET status = 'finished', updated_at = ?, version = version + 1 WHERE id = ? AND status = 'open' AND step = ?",
    );
    this.bump = db.prepare<[id: string]>('UPDATE matrix_sessions SET version = version + 1 WHERE id = ?');
    this.rendered = db.prepare<[version: number, id: string]>(
      'UPDATE matrix_sessions SET rendered_version = max(rendered_version, ?) WHERE id = ?',
    );
    this.stale = db.prepare<[], { id: string }>(
      "SELECT id FROM matrix_sessions WHERE mode = 'channel' AND message_id IS NOT NULL AND rendered_version < version LIMIT 500",
    );
    this.setStatusStmt = db.prepare<[status: Session['status'], nowIso: string, id: string]>(
      "UPDATE matrix_sessions SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'open'",
    );
    this.setMessageStmt = db.prepare<[messageId: string, nowIso: string, id: string]>(
      'UPDATE matrix_sessions SET message_id = ?, updated_at = ?, rendered_version = version WHERE id = ?',
    );
    this.touch = db.prepare<[nowIso: string, id: string]>(
      'UPDATE matrix_sessions SET updated_at = ?, version = version + 1 WHERE id = ?',
    );
    this.upsertAnswer = db.prepare<[id: string, step: number, userId: string, value: string, nowIso: string]>(
      `INSERT INTO matrix_answers (session_id, step, user_id, value, answered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id, step, user_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`,
    );
    this.answersOf = db.prepare<[id: string], { step: number; user_id: string; value: string }>(
      'SELECT step, user_id, value FROM matrix_answers WHERE session_id = ? ORDER BY step, answered_at',
    );
    this.insertSkip = db.prepare<[id: string, step: number]>(
      'INSERT OR IGNORE INTO matrix_skips (session_id, step) VALUES (?, ?)',
    );
    this.deleteSkip = db.prepare<[id: string, step: number]>(
      'DELETE FROM matrix_skips WHERE session_id = ? AND step = ?',
    );
    this.skipsOf = db.prepare<[id: string], { step: number }>('SELECT step FROM matrix_skips WHERE session_id = ?');
    this.idle = db.prepare<[iso: string], SessionRow>(
      "SELECT * FROM matrix_sessions WHERE status = 'open' AND updated_at < ?",
    );
  }

  /** Starts a walk, unless one is already open for the same owner (the unique index decides, even across processes). */
  create(s: NewSession): Session {
    try {
      this.insert.run({ ...s, threadId: s.threadId ?? null });
    } catch (e) {
      const alreadyOpen = e instanceof SqliteDatabase.SqliteError && e.code === 'SQLITE_CONSTRAINT_UNIQUE';
      if (!alreadyOpen) throw e;
    }
    return this.open(s.platform, s.channelId, s.mode, s.ownerKey)!;
  }

  get(id: string): Session | undefined {
    const r = this.byId.get(id);
    return r && fromRow(r);
  }

  open(platform: string, channelId: string, mode: Session['mode'], ownerKey: string): Session | undefined {
    const r = this.openFor.get(platform, channelId, mode, ownerKey);
    return r && fromRow(r);
  }

  /** Compare-and-set: moves the walk only if it is still open at `from` (a stale click changes nothing). */
  move(id: string, from: number, to: number, nowIso: string): boolean {
    return this.moveStmt.run(to, nowIso, id, from).changes === 1;
  }

  /** Compare-and-set: finishes the walk only if it is still open at step `from`. */
  finishAt(id: string, from: number, nowIso: string): boolean {
    return this.finishAtStmt.run(nowIso, id, from).changes === 1;
  }

  setStatus(id: string, status: Session['status'], nowIso: string): boolean {
    return this.setStatusStmt.run(status, nowIso, id).changes === 1;
  }

  setMessage(id: string, messageId: string, nowIso: string): void {
    this.setMessageStmt.run(messageId, nowIso, id);
  }

  answer(id: string, step: number, userId: string, value: string, nowIso: string): void {
    this.db
      .transaction(() => {
        this.upsertAnswer.run(id, step, userId, value, nowIso);
        this.deleteSkip.run(id, step);
        this.touch.run(nowIso, id);
      })
      .immediate();
  }

  answers(id: string): WalkAnswer[] {
    return this.answersOf.all(id).map((r) => ({ step: r.step, userId: r.user_id, value: r.value }));
  }

  skip(id: string, step: number): void {
    if (this.insertSkip.run(id, step).changes === 1) this.bump.run(id);
  }

  markRendered(id: string, version: number): void {
    this.rendered.run(version, id);
  }

  /** Channel walks whose message shows an older state than the database. */
  staleRenders(): string[] {
    return this.stale.all().map((r) => r.id);
  }

  skipped(id: string): Set<number> {
    return new Set(this.skipsOf.all(id).map((r) => r.step));
  }

  idleSince(iso: string): Session[] {
    return this.idle.all(iso).map(fromRow);
  }
}
