import type { Scope } from '../chat/scope.js';
import { DAY_MS } from '../clock.js';
import { PollStore } from '../polls/poll-store.js';
import type { SharedDb } from '../store/shared-db.js';
import type { Sentiment } from './adr-model.js';

/** How far back a team poll still says something about the team's mood. */
export const SENTIMENT_DAYS = 30;

/** The latest Team Go vs Team Python poll run in the channel in the last 30 days, with its tally. */
export async function teamSentiment(shared: SharedDb, where: Scope, now: Date): Promise<Sentiment | undefined> {
  const since = new Date(now.getTime() - SENTIMENT_DAYS * DAY_MS).toISOString();
  const row = await shared.db
    .selectFrom('polls')
    .select('id')
    .where('platform', '=', where.platform)
    .where('workspace_id', '=', where.workspaceId)
    .where('channel_id', '=', where.channelId)
    .where('kind', '=', 'team')
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const polls = new PollStore(shared);
  const poll = await polls.get(row.id);
  if (!poll) return undefined;
  const tally = await polls.tally(poll.id, poll.options.length);
  return {
    pollId: poll.id,
    question: poll.question,
    createdAt: poll.createdAt,
    // A poll past its end that the scheduler has not closed yet has ended all the same.
    closedAt: poll.closedAt ?? (poll.closesAt <= now.toISOString() ? poll.closesAt : undefined),
    options: poll.options.map((label, i) => ({ label, votes: tally.counts[i] ?? 0 })),
    total: tally.total,
  };
}
