import type { Database, Statement } from 'better-sqlite3';
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
  messageId?: string | null;
  threadId?: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every answer, skip and move; `renderedVersion` is the one its message last showed. */
  version?: number;
  renderedVersion?: number;
}

const COLUMNS = `id, platform, workspace_id AS workspaceId, channel_id AS channelId, owner_key AS ownerKey, mode, starter_id AS starterId,
  step, status, message_id AS messageId, thread_id AS threadId, created_at AS createdAt, updated_at AS updatedAt,
  version, rendered_version AS renderedVersion`;

/** SQL for decision-matrix walks: sessions, per-person answers, skipped steps. */
export class MatrixStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert:
        p(`INSERT INTO matrix_sessions (id, platform, workspace_id, channel_id, owner_key, mode, starter_id, step, status, thread_id, created_at, updated_at)
                 VALUES (@id, @platform, @workspaceId, @channelId, @ownerKey, @mode, @starterId, 0, 'open', @threadId, @createdAt, @updatedAt)`),
      get: p(`SELECT ${COLUMNS} FROM matrix_sessions WHERE id = ?`),
      open: p(
        `SELECT ${COLUMNS} FROM matrix_sessions WHERE platform = ? AND channel_id = ? AND mode = ? AND owner_key = ? AND status = 'open'`,
      ),
      move: p(
        "UPDATE matrix_sessions SET step = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'open' AND step = ?",
      ),
      finishAt: p(
        "UPDATE matrix_sessions SET status = 'finished', updated_at = ?, version = version + 1 WHERE id = ? AND status = 'open' AND step = ?",
      ),
      setStatus: p(
        "UPDATE matrix_sessions SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'open'",
      ),
      setMessage: p(
        'UPDATE matrix_sessions SET message_id = ?, updated_at = ?, rendered_version = version WHERE id = ?',
      ),
      touch: p('UPDATE matrix_sessions SET updated_at = ?, version = version + 1 WHERE id = ?'),
      bump: p('UPDATE matrix_sessions SET version = version + 1 WHERE id = ?'),
      rendered: p('UPDATE matrix_sessions SET rendered_version = max(rendered_version, ?) WHERE id = ?'),
      stale: p(
        "SELECT id FROM matrix_sessions WHERE mode = 'channel' AND message_id IS NOT NULL AND rendered_version < version LIMIT 500",
      ),
      answer: p(`INSERT INTO matrix_answers (session_id, step, user_id, value, answered_at) VALUES (?, ?, ?, ?, ?)
                 ON CONFLICT (session_id, step, user_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`),
      answers: p(
        'SELECT step, user_id AS userId, value FROM matrix_answers WHERE session_id = ? ORDER BY step, answered_at',
      ),
      skip: p('INSERT OR IGNORE INTO matrix_skips (session_id, step) VALUES (?, ?)'),
      unskip: p('DELETE FROM matrix_skips WHERE session_id = ? AND step = ?'),
      skips: p('SELECT step FROM matrix_skips WHERE session_id = ?'),
      idle: p(`SELECT ${COLUMNS} FROM matrix_sessions WHERE status = 'open' AND updated_at < ?`),
    };
  }

  /** Starts a walk, unless one is already open for the same owner (the unique index decides, even across processes). */
  create(s: Omit<Session, 'step' | 'status' | 'messageId'>): Session {
    try {
      this.s.insert!.run({ ...s, threadId: s.threadId ?? null });
    } catch (e) {
      if (!/UNIQUE/.test((e as Error).message)) throw e;
    }
    return this.open(s.platform, s.channelId, s.mode, s.ownerKey)!;
  }

  get(id: string): Session | undefined {
    return this.s.get!.get(id) as Session | undefined;
  }

  open(platform: string, channelId: string, mode: 'channel' | 'solo', ownerKey: string): Session | undefined {
    return this.s.open!.get(platform, channelId, mode, ownerKey) as Session | undefined;
  }

  /** Compare-and-set: moves the walk only if it is still open at `from` (a stale click changes nothing). */
  move(id: string, from: number, to: number, nowIso: string): boolean {
    return this.s.move!.run(to, nowIso, id, from).changes === 1;
  }

  /** Compare-and-set: finishes the walk only if it is still open at step `from`. */
  finishAt(id: string, from: number, nowIso: string): boolean {
    return this.s.finishAt!.run(nowIso, id, from).changes === 1;
  }

  setStatus(id: string, status: Session['status'], nowIso: string): boolean {
    return this.s.setStatus!.run(status, nowIso, id).changes === 1;
  }

  setMessage(id: string, messageId: string, nowIso: string): void {
    this.s.setMessage!.run(messageId, nowIso, id);
  }

  answer(id: string, step: number, userId: string, value: string, nowIso: string): void {
    this.db
      .transaction(() => {
        this.s.answer!.run(id, step, userId, value, nowIso);
        this.s.unskip!.run(id, step);
        this.s.touch!.run(nowIso, id);
      })
      .immediate();
  }

  answers(id: string): { step: number; userId: string; value: string }[] {
    return this.s.answers!.all(id) as { step: number; userId: string; value: string }[];
  }

  skip(id: string, step: number): void {
    if (this.s.skip!.run(id, step).changes === 1) this.s.bump!.run(id);
  }

  markRendered(id: string, version: number): void {
    this.s.rendered!.run(version, id);
  }

  /** Channel walks whose message shows an older state than the database. */
  staleRenders(): string[] {
    return (this.s.stale!.all() as { id: string }[]).map((r) => r.id);
  }

  skipped(id: string): Set<number> {
    return new Set((this.s.skips!.all(id) as { step: number }[]).map((r) => r.step));
  }

  idleSince(iso: string): Session[] {
    return this.s.idle!.all(iso) as Session[];
  }
}
