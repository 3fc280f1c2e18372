import type { Database } from 'better-sqlite3';
import type { Platform } from '../chat/context.js';

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

/** A polls row as SQLite returns it (see migrations/002_polls.sql). */
interface PollRow {
  id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  thread_id: string | null;
  message_id: string | null;
  creator_id: string;
  question: string;
  kind: 'team' | 'custom';
  anonymous: number;
  motion: string | null;
  schedule_id: string | null;
  created_at: string;
  closes_at: string;
  closed_at: string | null;
  closed_by: string | null;
  version: number;
  rendered_version: number;
}

type NewPoll = Omit<Poll, 'messageId' | 'closedAt' | 'closedBy'>;
type PollParams = Omit<NewPoll, 'threadId' | 'anonymous' | 'motion' | 'scheduleId' | 'options'> & {
  threadId: string | null;
  anonymous: 0 | 1;
  motion: string | null;
  scheduleId: string | null;
};

/** Most due polls closed in one scheduler tick; the rest close on the next. */
const DUE_PER_TICK = 100;

/** All SQL for polls, options and votes. A vote is one IMMEDIATE transaction: one vote per person, across processes too. */
export class PollStore {
  private readonly insertPoll;
  private readonly insertOption;
  private readonly byId;
  private readonly optionsOf;
  private readonly setMessageStmt;
  private readonly myVote;
  private readonly insertVote;
  private readonly updateVote;
  private readonly deleteVote;
  private readonly tallyOf;
  private readonly votersOf;
  private readonly closeStmt;
  private readonly due;
  private readonly openIn;
  private readonly bump;
  private readonly rendered;
  private readonly stale;

  constructor(private readonly db: Database) {
    this.insertPoll = db.prepare<[PollParams]>(
      `INSERT INTO polls (id, platform, workspace_id, channel_id, thread_id, creator_id, question, kind, anonymous, motion, schedule_id, created_at, closes_at)
       VALUES (@id, @platform, @workspaceId, @channelId, @threadId, @creatorId, @question, @kind, @anonymous, @motion, @scheduleId, @createdAt, @closesAt)`,
    );
    this.insertOption = db.prepare<[pollId: string, idx: number, label: string]>(
      'INSERT INTO poll_options (poll_id, idx, label) VALUES (?, ?, ?)',
    );
    this.byId = db.prepare<[id: string], PollRow>('SELECT * FROM polls WHERE id = ?');
    this.optionsOf = db.prepare<[pollId: string], { label: string }>(
      'SELECT label FROM poll_options WHERE poll_id = ? ORDER BY idx',
    );
    this.setMessageStmt = db.prepare<[messageId: string, threadId: string | null, id: string]>(
      'UPDATE polls SET message_id = ?, thread_id = coalesce(?, thread_id), rendered_version = version WHERE id = ?',
    );
    this.bump = db.prepare<[id: string]>('UPDATE polls SET version = version + 1 WHERE id = ?');
    this.rendered = db.prepare<[version: number, id: string]>(
      'UPDATE polls SET rendered_version = max(rendered_version, ?) WHERE id = ?',
    );
    this.stale = db.prepare<[], { id: string }>(
      'SELECT id FROM polls WHERE rendered_version < version AND message_id IS NOT NULL ORDER BY created_at DESC LIMIT 500',
    );
    this.myVote = db.prepare<[pollId: string, userId: string], { option_idx: number }>(
      'SELECT option_idx FROM votes WHERE poll_id = ? AND user_id = ?',
    );
    this.insertVote = db.prepare<[pollId: string, userId: string, option: number, nowIso: string]>(
      'INSERT INTO votes (poll_id, user_id, option_idx, voted_at) VALUES (?, ?, ?, ?)',
    );
    this.updateVote = db.prepare<[option: number, nowIso: string, pollId: string, userId: string]>(
      'UPDATE votes SET option_idx = ?, voted_at = ? WHERE poll_id = ? AND user_id = ?',
    );
    this.deleteVote = db.prepare<[pollId: string, userId: string]>(
      'DELETE FROM votes WHERE poll_id = ? AND user_id = ?',
    );
    this.tallyOf = db.prepare<[pollId: string], { option_idx: number; n: number }>(
      'SELECT option_idx, count(*) AS n FROM votes WHERE poll_id = ? GROUP BY option_idx',
    );
    this.votersOf = db.prepare<[pollId: string], { user_id: string; option_idx: number; voted_at: string }>(
      'SELECT user_id, option_idx, voted_at FROM votes WHERE poll_id = ? ORDER BY voted_at, user_id',
    );
    this.closeStmt = db.prepare<[nowIso: string, by: string, id: string]>(
      'UPDATE polls SET closed_at = ?, closed_by = ?, version = version + 1 WHERE id = ? AND closed_at IS NULL',
    );
    this.due = db.prepare<[nowIso: string], { id: string }>(
      `SELECT id FROM polls WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at LIMIT ${DUE_PER_TICK}`,
    );
    this.openIn = db.prepare<[platform: string, channelId: string], { id: string }>(
      'SELECT id FROM polls WHERE platform = ? AND channel_id = ? AND closed_at IS NULL ORDER BY created_at DESC',
    );
  }

  create(poll: NewPoll): void {
    this.db
      .transaction(() => {
        const { options, ...fields } = poll;
        this.insertPoll.run({
          ...fields,
          threadId: poll.threadId ?? null,
          anonymous: poll.anonymous ? 1 : 0,
          motion: poll.motion ? JSON.stringify(poll.motion) : null,
          scheduleId: poll.scheduleId ?? null,
        });
        for (const [i, label] of options.entries()) this.insertOption.run(poll.id, i, label);
      })
      .immediate();
  }

  get(id: string): Poll | undefined {
    const r = this.byId.get(id);
    if (!r) return undefined;
    return {
      id: r.id,
      platform: r.platform,
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
      options: this.optionsOf.all(r.id).map((o) => o.label),
    };
  }

  setMessage(id: string, messageId: string, threadId?: string): void {
    this.setMessageStmt.run(messageId, threadId ?? null, id);
  }

  /** Vote, change or retract (clicking your own option again), atomically; a closed poll refuses. */
  vote(pollId: string, userId: string, option: number, nowIso: string): VoteOutcome {
    return this.db
      .transaction((): VoteOutcome => {
        const poll = this.byId.get(pollId);
        if (!poll) return { kind: 'no_such_poll' };
        if (poll.closed_at !== null || poll.closes_at <= nowIso) return { kind: 'closed' };
        const label = this.optionsOf.all(pollId)[option]?.label;
        if (option < 0 || label === undefined) return { kind: 'no_such_option' };
        const mine = this.myVote.get(pollId, userId);
        this.bump.run(pollId);
        if (!mine) {
          this.insertVote.run(pollId, userId, option, nowIso);
          return { kind: 'voted', option, label };
        }
        if (mine.option_idx === option) {
          this.deleteVote.run(pollId, userId);
          return { kind: 'retracted', option, label };
        }
        this.updateVote.run(option, nowIso, pollId, userId);
        return { kind: 'changed', option, label };
      })
      .immediate();
  }

  tally(pollId: string, optionCount: number): Tally {
    const counts = Array<number>(optionCount).fill(0);
    for (const r of this.tallyOf.all(pollId)) counts[r.option_idx] = r.n;
    return { counts, total: counts.reduce((a, b) => a + b, 0) };
  }

  voters(pollId: string): { userId: string; option: number; votedAt: string }[] {
    return this.votersOf.all(pollId).map((v) => ({ userId: v.user_id, option: v.option_idx, votedAt: v.voted_at }));
  }

  /** True only for the caller that actually closed it (two processes may race at the end time). */
  close(pollId: string, nowIso: string, by: string): boolean {
    return this.closeStmt.run(nowIso, by, pollId).changes === 1;
  }

  /** Its message now shows `version` (edits may finish out of order: keep the highest). */
  markRendered(pollId: string, version: number): void {
    this.rendered.run(version, pollId);
  }

  /** Posted polls whose message shows an older state than the database (the process died before the edit). */
  staleRenders(): string[] {
    return this.stale.all().map((r) => r.id);
  }

  dueForClosing(nowIso: string): string[] {
    return this.due.all(nowIso).map((r) => r.id);
  }

  openInChannel(platform: string, channelId: string): string[] {
    return this.openIn.all(platform, channelId).map((r) => r.id);
  }
}
