import { type Selectable, sql } from 'kysely';
import type { Platform, RequestKey } from '../chat/context.js';
import { Prepared } from '../store/prepared.js';
import { camelRow } from '../store/rows.js';
import type { SharedSchema } from '../store/schema.js';
import type { SharedDb } from '../store/shared-db.js';
import { VoteWriter } from './vote-writer.js';

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
  /** The click's request key was already stored: a replay, nothing changed. */
  | { kind: 'replayed' }
  | { kind: 'no_such_poll' }
  | { kind: 'no_such_option' };

type PollRow = Selectable<SharedSchema['polls']>;

type NewPoll = Omit<Poll, 'messageId' | 'closedAt' | 'closedBy'>;

/** Most due polls closed in one scheduler tick; the rest close on the next. */
const DUE_PER_TICK = 100;

/** Polls whose place and options are kept in memory for votes; past this many the cache starts over. */
const MAX_CACHED_POLLS = 1_000;

/** What a vote needs of its poll, none of which changes once the poll exists (polls are never deleted). */
export type PollPlace = Pick<Poll, 'platform' | 'workspaceId' | 'channelId' | 'options'>;

function fromRow(r: PollRow, options: string[]): Poll {
  const motion = r.motion ? (JSON.parse(r.motion) as Motion) : undefined;
  return { ...camelRow(r), anonymous: r.anonymous === 1, motion, options };
}

/**
 * All queries for polls, options and votes, on SQLite or PostgreSQL (votes are written by VoteWriter).
 */
export class PollStore {
  private readonly votes: VoteWriter;
  private readonly places = new Map<string, PollPlace>();
  // Read on every click: compiled once.
  private readonly byId = new Prepared<{ id: string }, PollRow>((arg) =>
    this.db.selectFrom('polls').selectAll().where('id', '=', arg('id')),
  );
  private readonly labels = new Prepared<{ id: string }, { label: string }>((arg) =>
    this.db.selectFrom('poll_options').select('label').where('poll_id', '=', arg('id')).orderBy('idx'),
  );

  constructor(private readonly shared: SharedDb) {
    this.votes = new VoteWriter(shared);
  }

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
    return (await this.labels.run(this.db, { id: pollId })).rows.map((o) => o.label);
  }

  async get(id: string): Promise<Poll | undefined> {
    const r = (await this.byId.run(this.db, { id })).rows[0];
    return r && fromRow(r, await this.options(r.id));
  }

  /**
   * The poll's place and options for a vote, read once per poll: a storm's clicks on one poll cost no read.
   * Only polls found are kept, so an unknown (forged) id is looked up every time, and closing needs no
   * invalidation: the vote's own transaction refuses a closed poll (VoteWriter).
   */
  async place(id: string): Promise<PollPlace | undefined> {
    const known = this.places.get(id);
    if (known) return known;
    const poll = await this.get(id);
    if (!poll) return undefined;
    if (this.places.size >= MAX_CACHED_POLLS) this.places.clear();
    const { platform, workspaceId, channelId, options } = poll;
    this.places.set(id, { platform, workspaceId, channelId, options });
    return this.places.get(id);
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

  /**
   * Vote, change or retract (clicking your own option again), atomically; a closed poll refuses.
   * `knownOptions`: the poll's options when the caller has just read the poll (saves a query);
   * `requestKey`: the click's replay key, stored with the vote (see VoteWriter).
   */
  async vote(
    pollId: string,
    userId: string,
    option: number,
    nowIso: string,
    opts: { knownOptions?: readonly string[]; requestKey?: RequestKey | undefined } = {},
  ): Promise<VoteOutcome> {
    // Options never change once created, so they are checked before any transaction.
    const labels = opts.knownOptions ?? (await this.options(pollId));
    if (labels.length === 0) return { kind: 'no_such_poll' };
    const label = labels[option];
    if (option < 0 || label === undefined) return { kind: 'no_such_option' };
    const outcome = await this.votes.vote(pollId, { userId, option, nowIso, requestKey: opts.requestKey });
    return outcome === 'closed' || outcome === 'replayed' ? { kind: outcome } : { kind: outcome, option, label };
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

  /** Polls not closed yet, per platform (the open-polls gauge). */
  async openCounts(): Promise<{ platform: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('polls')
      .select((eb) => ['platform', eb.fn.countAll<number | string>().as('n')])
      .where('closed_at', 'is', null)
      .groupBy('platform')
      .execute();
    // PostgreSQL returns count(*) as a string (bigint).
    return rows.map((r) => ({ platform: r.platform, n: Number(r.n) }));
  }

  async openInChannel(platform: Platform, channelId: string): Promise<string[]> {
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
