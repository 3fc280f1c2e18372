import { type Selectable, sql } from 'kysely';
import type { Platform } from '../chat/context.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';

export interface Poll {
  id: string;
  platform: Platform;
  workspaceId: string;
  channelId: string;
  threadId?: string | undefined;
  messageId?: string | undefined;
  creatorId: string;
  question: string;
  kind: 'team' | 'custom';
  anonymous: boolean;
  motion?: Motion | undefined;
  scheduleId?: string | undefined;
  createdAt: string;
  closesAt: string;
  closedAt?: string | undefined;
  closedBy?: string | undefined;
  options: string[];
  /** Bumped by every vote and by closing; `renderedVersion` is the one its message last showed. */
  version?: number | undefined;
  renderedVersion?: number | undefined;
}

/** A scheduled poll's debate motion: a contested topic and one cited claim per side. */
export interface Motion {
  topic: string;
  label: string;
  goClaimId?: string | undefined;
  pythonClaimId?: string | undefined;
}

export interface Tally {
  counts: number[];
  total: number;
}

export type VoteOutcome =
  | { kind: 'voted' | 'changed' | 'retracted'; option: number; label: string }
  | { kind: 'closed' }
  | { kind: 'no_such_poll' }
  | { kind: 'no_such_option' };

type PollRow = Selectable<SharedSchema['polls']>;

type NewPoll = Omit<Poll, 'messageId' | 'closedAt' | 'closedBy'>;

/** Most due polls closed in one scheduler tick; the rest close on the next. */
const DUE_PER_TICK = 100;

function fromRow(r: PollRow, options: string[]): Poll {
  return {
    id: r.id,
    platform: r.platform as Platform,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    threadId: r.thread_id ?? undefined,
    messageId: r.message_id ?? undefined,
    creatorId: r.creator_id,
    question: r.question,
    kind: r.kind,
    anonymous: r.anonymous === 1,
    motion: r.motion ? (JSON.parse(r.motion) as Motion) : undefined,
    scheduleId: r.schedule_id ?? undefined,
    createdAt: r.created_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at ?? undefined,
    closedBy: r.closed_by ?? undefined,
    version: r.version,
    renderedVersion: r.rendered_version,
    options,
  };
}

/**
 * All queries for polls, options and votes, on SQLite or PostgreSQL. A vote is one transaction that
 * first bumps the poll's version: that write locks the poll (SQLite: the database; PostgreSQL: the row),
 * so the votes on one poll are serialised across every process and replica — one vote per person. On
 * PostgreSQL the transaction is one server-side function call, so that lock is held for microseconds,
 * not for several round trips.
 */
export class PollStore {
  constructor(private readonly shared: SharedDb) {}

  private get db() {
    return this.shared.db;
  }

  async create(poll: NewPoll): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('polls')
        .values({
          id: poll.id,
          platform: poll.platform,
          workspace_id: poll.workspaceId,
          channel_id: poll.channelId,
          thread_id: poll.threadId ?? null,
          message_id: null,
          creator_id: poll.creatorId,
          question: poll.question,
          kind: poll.kind,
          anonymous: poll.anonymous ? 1 : 0,
          motion: poll.motion ? JSON.stringify(poll.motion) : null,
          schedule_id: poll.scheduleId ?? null,
          created_at: poll.createdAt,
          closes_at: poll.closesAt,
          closed_at: null,
          closed_by: null,
        })
        .execute();
      await trx
        .insertInto('poll_options')
        .values(poll.options.map((label, idx) => ({ poll_id: poll.id, idx, label })))
        .execute();
    });
  }

  private async options(pollId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('poll_options')
      .select('label')
      .where('poll_id', '=', pollId)
      .orderBy('idx')
      .execute();
    return rows.map((o) => o.label);
  }

  async get(id: string): Promise<Poll | undefined> {
    const r = await this.db.selectFrom('polls').selectAll().where('id', '=', id).executeTakeFirst();
    return r && fromRow(r, await this.options(r.id));
  }

  async setMessage(id: string, messageId: string, threadId?: string): Promise<void> {
    await this.db
      .updateTable('polls')
      .set((eb) => ({
        message_id: messageId,
        thread_id: eb.fn.coalesce(eb.val(threadId ?? null), 'thread_id'),
        rendered_version: eb.ref('version'),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Vote, change or retract (clicking your own option again), atomically; a closed poll refuses. */
  async vote(pollId: string, userId: string, option: number, nowIso: string): Promise<VoteOutcome> {
    // Options never change once created, so they are read before the transaction: on SQLite a
    // transaction that reads before it writes can fail outright when another process writes meanwhile.
    const labels = await this.options(pollId);
    if (this.shared.backend === 'postgres') return this.votePostgres(pollId, userId, option, nowIso, labels);
    return this.db
      .transaction()
      .execute(async (trx): Promise<VoteOutcome> => {
        const open = await trx
          .updateTable('polls')
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', pollId)
          .where('closed_at', 'is', null)
          .where('closes_at', '>', nowIso)
          .returning('id')
          .executeTakeFirst();
        if (!open) {
          const exists = await trx.selectFrom('polls').select('id').where('id', '=', pollId).executeTakeFirst();
          return { kind: exists ? 'closed' : 'no_such_poll' };
        }
        const label = labels[option];
        // Throwing rolls the version bump back: nothing changed, so nothing is re-rendered.
        if (option < 0 || label === undefined) throw new NoSuchOption();
        const mine = await trx
          .selectFrom('votes')
          .select('option_idx')
          .where('poll_id', '=', pollId)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        if (!mine) {
          await trx
            .insertInto('votes')
            .values({ poll_id: pollId, user_id: userId, option_idx: option, voted_at: nowIso })
            .execute();
          return { kind: 'voted', option, label };
        }
        if (mine.option_idx === option) {
          await trx.deleteFrom('votes').where('poll_id', '=', pollId).where('user_id', '=', userId).execute();
          return { kind: 'retracted', option, label };
        }
        await trx
          .updateTable('votes')
          .set({ option_idx: option, voted_at: nowIso })
          .where('poll_id', '=', pollId)
          .where('user_id', '=', userId)
          .execute();
        return { kind: 'changed', option, label };
      })
      .catch((e: unknown) => {
        if (e instanceof NoSuchOption) return { kind: 'no_such_option' } as const;
        throw e;
      });
  }

  /** The same vote in one round trip (migrations/postgres/002_vote_function.sql): the poll's row lock is short. */
  private async votePostgres(
    pollId: string,
    userId: string,
    option: number,
    nowIso: string,
    labels: string[],
  ): Promise<VoteOutcome> {
    const { rows } = await sql<{ kind: VoteOutcome['kind'] }>`
      SELECT versus_vote(${pollId}, ${userId}, ${option}, ${nowIso}) AS kind`.execute(this.db);
    const kind = rows[0]!.kind;
    if (kind === 'voted' || kind === 'retracted' || kind === 'changed') return { kind, option, label: labels[option]! };
    return { kind };
  }

  async tally(pollId: string, optionCount: number): Promise<Tally> {
    const counts = Array<number>(optionCount).fill(0);
    const rows = await this.db
      .selectFrom('votes')
      .select(['option_idx', sql<number>`cast(count(*) as integer)`.as('n')])
      .where('poll_id', '=', pollId)
      .groupBy('option_idx')
      .execute();
    for (const r of rows) counts[r.option_idx] = r.n;
    return { counts, total: counts.reduce((a, b) => a + b, 0) };
  }

  async voters(pollId: string): Promise<{ userId: string; option: number; votedAt: string }[]> {
    const rows = await this.db
      .selectFrom('votes')
      .select(['user_id', 'option_idx', 'voted_at'])
      .where('poll_id', '=', pollId)
      .orderBy('voted_at')
      .orderBy('user_id')
      .execute();
    return rows.map((v) => ({ userId: v.user_id, option: v.option_idx, votedAt: v.voted_at }));
  }

  /** True only for the caller that actually closed it (two replicas may race at the end time). */
  async close(pollId: string, nowIso: string, by: string): Promise<boolean> {
    const r = await this.db
      .updateTable('polls')
      .set((eb) => ({ closed_at: nowIso, closed_by: by, version: eb('version', '+', 1) }))
      .where('id', '=', pollId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Its message now shows `version` (edits may finish out of order: keep the highest). */
  async markRendered(pollId: string, version: number): Promise<void> {
    await this.db
      .updateTable('polls')
      .set({ rendered_version: version })
      .where('id', '=', pollId)
      .where('rendered_version', '<', version)
      .execute();
  }

  /** Posted polls whose message shows an older state than the database (the process died before the edit). */
  async staleRenders(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('polls')
      .select('id')
      .where((eb) => eb('rendered_version', '<', eb.ref('version')))
      .where('message_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => r.id);
  }

  async dueForClosing(nowIso: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('polls')
      .select('id')
      .where('closed_at', 'is', null)
      .where('closes_at', '<=', nowIso)
      .orderBy('closes_at')
      .limit(DUE_PER_TICK)
      .execute();
    return rows.map((r) => r.id);
  }

  async openInChannel(platform: string, channelId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('polls')
      .select('id')
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .where('closed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => r.id);
  }
}

/** Rolls a vote's transaction back when the option does not exist. */
class NoSuchOption extends Error {}
