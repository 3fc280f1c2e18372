// PollStore.vote on both backends (VoteWriter: one transaction per batch of clicks on a poll): same
// outcomes, same precedence, and one voter's concurrent clicks stay consistent.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { PollStore } from '../../src/polls/poll-store.js';
import { openPostgres } from '../../src/store/postgres.js';
import { type SharedDb, sqliteShared } from '../../src/store/shared-db.js';
import { freshPostgres } from '../helpers/postgres.js';

const NOW = '2026-01-01T10:00:00.000Z';

describe.each(['sqlite', 'postgres'] as const)('PollStore.vote on %s', (backend) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const open = async (): Promise<SharedDb> => {
    if (backend === 'sqlite') {
      const db = openDatabase(':memory:');
      cleanups.push(() => void db.close());
      return sqliteShared(db);
    }
    const d = await freshPostgres();
    cleanups.push(d.drop);
    const shared = await openPostgres({ url: d.url, poolSize: 4 });
    cleanups.push(() => shared.close());
    return shared;
  };
  const poll = (id: string, closesAt = '2026-01-02T00:00:00.000Z') => ({
    id,
    platform: 'slack' as const,
    workspaceId: 'T1',
    channelId: 'C1',
    creatorId: 'U0',
    question: 'Go or Python?',
    kind: 'custom' as const,
    anonymous: false,
    createdAt: NOW,
    closesAt,
    options: ['Go', 'Python'],
  });

  it('votes, changes, withdraws; refuses an unknown option, a closed poll and an unknown poll', async () => {
    const store = new PollStore(await open());
    await store.create(poll('p1'));
    await store.create(poll('p2', '2025-01-01T00:00:00.000Z')); // already past its end
    expect(await store.vote('p1', 'U1', 0, NOW)).toEqual({ kind: 'voted', option: 0, label: 'Go' });
    expect(await store.vote('p1', 'U1', 1, NOW)).toEqual({ kind: 'changed', option: 1, label: 'Python' });
    expect(await store.vote('p1', 'U1', 1, NOW)).toEqual({ kind: 'retracted', option: 1, label: 'Python' });
    expect(await store.vote('p1', 'U2', 0, NOW)).toMatchObject({ kind: 'voted' });
    expect(await store.vote('p1', 'U3', 5, NOW)).toEqual({ kind: 'no_such_option' });
    expect(await store.vote('p1', 'U3', -1, NOW)).toEqual({ kind: 'no_such_option' });
    expect(await store.vote('p2', 'U1', 0, NOW)).toEqual({ kind: 'closed' });
    // Options never change, so a bad one is refused before any transaction, closed poll or not.
    expect(await store.vote('p2', 'U1', 5, NOW)).toEqual({ kind: 'no_such_option' });
    expect(await store.vote('nope', 'U1', 0, NOW)).toEqual({ kind: 'no_such_poll' });
    expect((await store.tally('p1', 2)).counts).toEqual([1, 0]);
    // Five changes and one vote: only stored changes bump the version the renderer compares against.
    expect((await store.get('p1'))?.version).toBe(4);
  });

  it('serialises one voter’s concurrent clicks: an even number of clicks on one option leaves no vote', async () => {
    const store = new PollStore(await open());
    await store.create(poll('p1'));
    const clicks = await Promise.all(Array.from({ length: 8 }, () => store.vote('p1', 'U1', 0, NOW)));
    expect(clicks.filter((c) => c.kind === 'voted')).toHaveLength(4);
    expect(clicks.filter((c) => c.kind === 'retracted')).toHaveLength(4);
    expect((await store.tally('p1', 2)).counts).toEqual([0, 0]);
  });
});
