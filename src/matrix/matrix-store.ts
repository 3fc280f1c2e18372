import type { Selectable, Transaction } from 'kysely';
import type { Platform } from '../chat/context.js';
import { isUniqueViolation } from '../store/errors.js';
import { inserted } from '../store/results.js';
import { camelRow } from '../store/rows.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';
import { Prefill, type WalkAnswer } from './steps.js';

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
  /** Refine: the verdict's answers, its situation and the decision record the walk revises. */
  prefill?: Prefill | undefined;
  situation?: string | undefined;
  recordId?: string | undefined;
}

type SessionRow = Selectable<SharedSchema['matrix_sessions']>;

function fromRow(r: SessionRow): Session {
  return { ...camelRow(r), prefill: r.prefill ? readPrefill(r.prefill) : undefined };
}

/** Our own JSON, but checked: a row written by another version must not break the walk. */
function readPrefill(json: string): Prefill | undefined {
  try {
    const p = Prefill.safeParse(JSON.parse(json));
    return p.success ? p.data : undefined;
  } catch {
    return undefined;
  }
}

type NewSession = Omit<Session, 'step' | 'status' | 'messageId'> & { step?: number | undefined };

/** Queries for decision-matrix walks: sessions, per-person answers, skipped steps; SQLite or PostgreSQL. */
export class MatrixStore {
  constructor(private readonly shared: SharedDb) {}

  private get db() {
    return this.shared.db;
  }

  /** Starts a walk, unless one is already open for the same owner (the unique index decides, across replicas too). */
  async create(s: NewSession): Promise<Session> {
    try {
      await this.db
        .insertInto('matrix_sessions')
        .values({
          id: s.id,
          platform: s.platform,
          workspace_id: s.workspaceId,
          channel_id: s.channelId,
          owner_key: s.ownerKey,
          mode: s.mode,
          starter_id: s.starterId,
          status: 'open',
          message_id: null,
          thread_id: s.threadId ?? null,
          created_at: s.createdAt,
          updated_at: s.updatedAt,
          step: s.step ?? 0,
          prefill: s.prefill ? JSON.stringify(s.prefill) : null,
          situation: s.situation ?? null,
          record_id: s.recordId ?? null,
        })
        .execute();
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    return (await this.open(s.platform, s.channelId, s.mode, s.ownerKey))!;
  }

  async get(id: string): Promise<Session | undefined> {
    const r = await this.db.selectFrom('matrix_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r && fromRow(r);
  }

  async open(
    platform: Platform,
    channelId: string,
    mode: Session['mode'],
    ownerKey: string,
  ): Promise<Session | undefined> {
    const r = await this.db
      .selectFrom('matrix_sessions')
      .selectAll()
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .where('mode', '=', mode)
      .where('owner_key', '=', ownerKey)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return r && fromRow(r);
  }

  /** Compare-and-set: moves the walk only if it is still open at `from` (a stale click changes nothing). */
  async move(id: string, from: number, to: number, nowIso: string): Promise<boolean> {
    const r = await this.db
      .updateTable('matrix_sessions')
      .set((eb) => ({ step: to, updated_at: nowIso, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('step', '=', from)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Compare-and-set: finishes the walk only if it is still open at step `from`. */
  async finishAt(id: string, from: number, nowIso: string): Promise<boolean> {
    const r = await this.db
      .updateTable('matrix_sessions')
      .set((eb) => ({ status: 'finished', updated_at: nowIso, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('step', '=', from)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async setStatus(id: string, status: Session['status'], nowIso: string): Promise<boolean> {
    const r = await this.db
      .updateTable('matrix_sessions')
      .set((eb) => ({ status, updated_at: nowIso, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async setMessage(id: string, messageId: string, nowIso: string): Promise<void> {
    await this.db
      .updateTable('matrix_sessions')
      .set((eb) => ({ message_id: messageId, updated_at: nowIso, rendered_version: eb.ref('version') }))
      .where('id', '=', id)
      .execute();
  }

  /**
   * One person's answer to a step (replacing theirs), un-skipping the step; the walk's version moves. Only
   * while the walk is open at that step: false (nothing written) when it finished, was cancelled or moved on
   * since the caller read it, so a late click can never change a finished walk's scorecard.
   */
  async answer(id: string, step: number, userId: string, value: string, nowIso: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const open = await this.lockOpenAt(trx, id, step, nowIso);
      if (!open) return false;
      await trx
        .insertInto('matrix_answers')
        .values({ session_id: id, step, user_id: userId, value, answered_at: nowIso })
        .onConflict((oc) => oc.columns(['session_id', 'step', 'user_id']).doUpdateSet({ value, answered_at: nowIso }))
        .execute();
      await trx.deleteFrom('matrix_skips').where('session_id', '=', id).where('step', '=', step).execute();
      return true;
    });
  }

  async answers(id: string): Promise<WalkAnswer[]> {
    const rows = await this.db
      .selectFrom('matrix_answers')
      .select(['step', 'user_id', 'value'])
      .where('session_id', '=', id)
      .orderBy('step')
      .orderBy('answered_at')
      .execute();
    return rows.map((r) => ({ step: r.step, userId: r.user_id, value: r.value }));
  }

  /**
   * Marks a step skipped (the version moves the first time only). Only while the walk is open at that step:
   * false (nothing written) when it finished, was cancelled or moved on since the caller read it.
   */
  async skip(id: string, step: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const open = await this.lockOpenAt(trx, id, step);
      if (!open) return false;
      const r = await trx
        .insertInto('matrix_skips')
        .values({ session_id: id, step })
        .onConflict((oc) => oc.columns(['session_id', 'step']).doNothing())
        .executeTakeFirst();
      if (inserted(r))
        await trx
          .updateTable('matrix_sessions')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .execute();
      return true;
    });
  }

  /**
   * The first write of a walk's transaction (SQLite takes its write lock, PostgreSQL locks the walk's row),
   * so nothing can move the walk until COMMIT: true only while the walk is open at `step`. With `nowIso` it also moves the walk's version and time; without, it changes nothing.
   */
  private async lockOpenAt(trx: Transaction<SharedSchema>, id: string, step: number, nowIso?: string) {
    const open = await trx
      .updateTable('matrix_sessions')
      .set((eb) =>
        nowIso === undefined ? { step: eb.ref('step') } : { updated_at: nowIso, version: eb('version', '+', 1) },
      )
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('step', '=', step)
      .returning('id')
      .executeTakeFirst();
    return open !== undefined;
  }

  async markRendered(id: string, version: number): Promise<void> {
    await this.db
      .updateTable('matrix_sessions')
      .set({ rendered_version: version })
      .where('id', '=', id)
      .where('rendered_version', '<', version)
      .execute();
  }

  /** Channel walks whose message shows an older state than the database. */
  async staleRenders(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('matrix_sessions')
      .select('id')
      .where('mode', '=', 'channel')
      .where('message_id', 'is not', null)
      .where((eb) => eb('rendered_version', '<', eb.ref('version')))
      .limit(500)
      .execute();
    return rows.map((r) => r.id);
  }

  async skipped(id: string): Promise<Set<number>> {
    const rows = await this.db.selectFrom('matrix_skips').select('step').where('session_id', '=', id).execute();
    return new Set(rows.map((r) => r.step));
  }

  async idleSince(iso: string): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('matrix_sessions')
      .selectAll()
      .where('status', '=', 'open')
      .where('updated_at', '<', iso)
      .execute();
    return rows.map(fromRow);
  }
}
