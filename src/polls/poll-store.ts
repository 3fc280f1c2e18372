import type { Database, Statement } from 'better-sqlite3';
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

/** All SQL for polls, options and votes. A vote is one IMMEDIATE transaction: one vote per person, across processes too. */
export class PollStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insPoll:
        p(`INSERT INTO polls (id, platform, workspace_id, channel_id, thread_id, creator_id, question, kind, anonymous, motion, schedule_id, created_at, closes_at)
                  VALUES (@id, @platform, @workspaceId, @channelId, @threadId, @creatorId, @question, @kind, @anonymous, @motion, @scheduleId, @createdAt, @closesAt)`),
      insOption: p('INSERT INTO poll_options (poll_id, idx, label) VALUES (?, ?, ?)'),
      get: p('SELECT * FROM polls WHERE id = ?'),
      options: p('SELECT label FROM poll_options WHERE poll_id = ? ORDER BY idx'),
      setMessage: p(
        'UPDATE polls SET message_id = ?, thread_id = coalesce(?, thread_id), rendered_version = version WHERE id = ?',
      ),
      bump: p('UPDATE polls SET version = version + 1 WHERE id = ?'),
      rendered: p('UPDATE polls SET rendered_version = max(rendered_version, ?) WHERE id = ?'),
      stale: p(
        'SELECT id FROM polls WHERE rendered_version < version AND message_id IS NOT NULL ORDER BY created_at DESC LIMIT 500',
      ),
      myVote: p('SELECT option_idx AS o FROM votes WHERE poll_id = ? AND user_id = ?'),
      insVote: p('INSERT INTO votes (poll_id, user_id, option_idx, voted_at) VALUES (?, ?, ?, ?)'),
      updVote: p('UPDATE votes SET option_idx = ?, voted_at = ? WHERE poll_id = ? AND user_id = ?'),
      delVote: p('DELETE FROM votes WHERE poll_id = ? AND user_id = ?'),
      tally: p('SELECT option_idx AS o, count(*) AS n FROM votes WHERE poll_id = ? GROUP BY option_idx'),
      voters: p(
        'SELECT user_id AS u, option_idx AS o, voted_at AS at FROM votes WHERE poll_id = ? ORDER BY voted_at, user_id',
      ),
      close: p(
        'UPDATE polls SET closed_at = ?, closed_by = ?, version = version + 1 WHERE id = ? AND closed_at IS NULL',
      ),
      due: p('SELECT id FROM polls WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at LIMIT 100'),
      openInChannel: p(
        'SELECT id FROM polls WHERE platform = ? AND channel_id = ? AND closed_at IS NULL ORDER BY created_at DESC',
      ),
    };
  }

  create(poll: Omit<Poll, 'messageId' | 'closedAt' | 'closedBy'>): void {
    this.db
      .transaction(() => {
        this.s.insPoll!.run({
          ...poll,
          threadId: poll.threadId ?? null,
          anonymous: poll.anonymous ? 1 : 0,
          motion: poll.motion ? JSON.stringify(poll.motion) : null,
          scheduleId: poll.scheduleId ?? null,
        });
        poll.options.forEach((label, i) => this.s.insOption!.run(poll.id, i, label));
      })
      .immediate();
  }

  get(id: string): Poll | undefined {
    const r = this.s.get!.get(id) as PollRow | undefined;
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
      options: (this.s.options!.all(r.id) as { label: string }[]).map((o) => o.label),
    };
  }

  setMessage(id: string, messageId: string, threadId?: string): void {
    this.s.setMessage!.run(messageId, threadId ?? null, id);
  }

  /** Vote, change or retract (clicking your own option again), atomically; a closed poll refuses. */
  vote(pollId: string, userId: string, option: number, nowIso: string): VoteOutcome {
    return this.db
      .transaction((): VoteOutcome => {
        const poll = this.s.get!.get(pollId) as PollRow | undefined;
        if (!poll) return { kind: 'no_such_poll' };
        if (poll.closed_at !== null || poll.closes_at <= nowIso) return { kind: 'closed' };
        const label = (this.s.options!.all(pollId) as { label: string }[])[option]?.label;
        if (option < 0 || label === undefined) return { kind: 'no_such_option' };
        const mine = this.s.myVote!.get(pollId, userId) as { o: number } | undefined;
        this.s.bump!.run(pollId);
        if (!mine) {
          this.s.insVote!.run(pollId, userId, option, nowIso);
          return { kind: 'voted', option, label };
        }
        if (mine.o === option) {
          this.s.delVote!.run(pollId, userId);
          return { kind: 'retracted', option, label };
        }
        this.s.updVote!.run(option, nowIso, pollId, userId);
        return { kind: 'changed', option, label };
      })
      .immediate();
  }

  tally(pollId: string, optionCount: number): Tally {
    const counts = Array<number>(optionCount).fill(0);
    for (const r of this.s.tally!.all(pollId) as { o: number; n: number }[]) counts[r.o] = r.n;
    return { counts, total: counts.reduce((a, b) => a + b, 0) };
  }

  voters(pollId: string): { userId: string; option: number; votedAt: string }[] {
    return (this.s.voters!.all(pollId) as { u: string; o: number; at: string }[]).map((v) => ({
      userId: v.u,
      option: v.o,
      votedAt: v.at,
    }));
  }

  /** True only for the caller that actually closed it (two processes may race at the end time). */
  close(pollId: string, nowIso: string, by: string): boolean {
    return this.s.close!.run(nowIso, by, pollId).changes === 1;
  }

  /** Its message now shows `version` (edits may finish out of order: keep the highest). */
  markRendered(pollId: string, version: number): void {
    this.s.rendered!.run(version, pollId);
  }

  /** Posted polls whose message shows an older state than the database (the process died before the edit). */
  staleRenders(): string[] {
    return (this.s.stale!.all() as { id: string }[]).map((r) => r.id);
  }

  dueForClosing(nowIso: string): string[] {
    return (this.s.due!.all(nowIso) as { id: string }[]).map((r) => r.id);
  }

  openInChannel(platform: string, channelId: string): string[] {
    return (this.s.openInChannel!.all(platform, channelId) as { id: string }[]).map((r) => r.id);
  }
}
