import { describe, expect, it } from 'vitest';
import { type Poll, PollStore } from '../../src/polls/poll-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 15: PollStore's contract, the same test on SQLite and PostgreSQL. */

const T0 = '2026-01-05T09:00:00.000Z';
const HOUR_LATER = '2026-01-05T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

const newPoll = (id: string, over: Partial<Poll> = {}) => ({
  id,
  platform: 'slack' as const,
  workspaceId: 'T1',
  channelId: 'C1',
  creatorId: 'Uann',
  question: 'Go or Python?',
  kind: 'custom' as const,
  anonymous: false,
  createdAt: T0,
  closesAt: HOUR_LATER,
  options: ['Go', 'Python', 'Both'],
  ...over,
});

describe.each(BACKENDS)('PollStore on $name', (backend) => {
  const store = useStore(backend);
  const polls = () => new PollStore(store().shared);

  it('round-trips a poll: options in order, flags, motion JSON, and missing fields as undefined', async () => {
    const p = polls();
    const motion = { topic: 'concurrency', label: 'Concurrency', goClaimId: 'go-1', pythonClaimId: 'py-2' };
    await p.create(newPoll('p1', { anonymous: true, kind: 'team', motion, scheduleId: 's1', threadId: 'th1' }));
    await p.create(newPoll('p2', { options: ['z', 'a', 'm', 'b'] }));
    expect(await p.get('p1')).toEqual({
      ...newPoll('p1', { anonymous: true, kind: 'team', motion, scheduleId: 's1', threadId: 'th1' }),
      messageId: undefined,
      closedAt: undefined,
      closedBy: undefined,
      version: 0,
      renderedVersion: 0,
    });
    const plain = (await p.get('p2'))!;
    expect(plain.options).toEqual(['z', 'a', 'm', 'b']);
    expect(plain.anonymous).toBe(false);
    for (const k of ['motion', 'scheduleId', 'threadId', 'messageId', 'closedAt', 'closedBy'] as const)
      expect(plain[k]).toBeUndefined();
    expect(await p.get('nope')).toBeUndefined();
  });

  it('setMessage records the message, keeps a known thread, and counts the current version as shown', async () => {
    const p = polls();
    await p.create(newPoll('p1', { threadId: 'th1' }));
    await p.vote('p1', 'U1', 0, at(1));
    await p.setMessage('p1', 'm1');
    expect(await p.get('p1')).toMatchObject({ messageId: 'm1', threadId: 'th1', version: 1, renderedVersion: 1 });
    await p.setMessage('p1', 'm2', 'th2');
    expect(await p.get('p1')).toMatchObject({ messageId: 'm2', threadId: 'th2' });
  });

  it('votes, changes and retracts (clicking your own option again), each bumping the version', async () => {
    const p = polls();
    await p.create(newPoll('p1'));
    expect(await p.vote('p1', 'U1', 1, at(1))).toEqual({ kind: 'voted', option: 1, label: 'Python' });
    expect(await p.vote('p1', 'U1', 0, at(2))).toEqual({ kind: 'changed', option: 0, label: 'Go' });
    expect(await p.vote('p1', 'U1', 0, at(3))).toEqual({ kind: 'retracted', option: 0, label: 'Go' });
    expect(await p.vote('p1', 'U1', 2, at(4))).toEqual({ kind: 'voted', option: 2, label: 'Both' });
    expect((await p.get('p1'))!.version).toBe(4);
    expect(await p.voters('p1')).toEqual([{ userId: 'U1', option: 2, votedAt: at(4) }]);
  });

  it('a closed poll, or one past its end time, refuses votes and leaves the votes as they were', async () => {
    const p = polls();
    await p.create(newPoll('p1'));
    await p.create(newPoll('p2', { closesAt: at(5) }));
    await p.vote('p1', 'U1', 0, at(1));
    expect(await p.close('p1', at(2), 'Uann')).toBe(true);
    expect(await p.vote('p1', 'U2', 1, at(3))).toEqual({ kind: 'closed' });
    expect(await p.vote('p1', 'U1', 0, at(3))).toEqual({ kind: 'closed' });
    expect(await p.vote('p2', 'U1', 0, at(5))).toEqual({ kind: 'closed' }); // closes_at is exclusive
    expect(await p.vote('p2', 'U1', 0, at(6))).toEqual({ kind: 'closed' });
    expect(await p.tally('p1', 3)).toEqual({ counts: [1, 0, 0], total: 1 });
    expect(await p.tally('p2', 3)).toEqual({ counts: [0, 0, 0], total: 0 });
    expect((await p.get('p2'))!.version).toBe(0);
  });

  it('reports an unknown poll, and an unknown option without bumping the version', async () => {
    const p = polls();
    await p.create(newPoll('p1'));
    expect(await p.vote('nope', 'U1', 0, at(1))).toEqual({ kind: 'no_such_poll' });
    expect(await p.vote('p1', 'U1', 3, at(1))).toEqual({ kind: 'no_such_option' });
    expect(await p.vote('p1', 'U1', -1, at(1))).toEqual({ kind: 'no_such_option' });
    expect((await p.get('p1'))!.version).toBe(0);
    expect(await p.voters('p1')).toEqual([]);
  });

  it('tallies per option and lists voters by time, then user', async () => {
    const p = polls();
    await p.create(newPoll('p1'));
    await p.create(newPoll('p2'));
    await p.vote('p1', 'U3', 2, at(1));
    await p.vote('p1', 'U2', 0, at(2));
    await p.vote('p1', 'U1', 2, at(2));
    await p.vote('p2', 'U1', 1, at(2)); // another poll: not counted
    expect(await p.tally('p1', 3)).toEqual({ counts: [1, 0, 2], total: 3 });
    expect(await p.voters('p1')).toEqual([
      { userId: 'U3', option: 2, votedAt: at(1) },
      { userId: 'U1', option: 2, votedAt: at(2) },
      { userId: 'U2', option: 0, votedAt: at(2) },
    ]);
  });

  it('of two replicas closing at once, exactly one closes it; the version moves once', async () => {
    const [a, b] = (await store().replicas(2)).map((s) => new PollStore(s));
    await a!.create(newPoll('p1'));
    const results = await Promise.all([a!.close('p1', at(60), 'scheduler-a'), b!.close('p1', at(60), 'scheduler-b')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const closed = (await a!.get('p1'))!;
    expect(closed).toMatchObject({ closedAt: at(60), version: 1 });
    expect(closed.closedBy).toBe(results[0] ? 'scheduler-a' : 'scheduler-b');
    expect(await b!.close('p1', at(61), 'late')).toBe(false);
  });

  it('markRendered keeps the highest version shown; staleRenders lists posted polls behind their state', async () => {
    const p = polls();
    await p.create(newPoll('p1'));
    await p.create(newPoll('p2', { createdAt: at(1) }));
    await p.create(newPoll('unposted', { createdAt: at(2) }));
    await p.setMessage('p1', 'm1');
    await p.setMessage('p2', 'm2');
    for (const [i, id] of ['p1', 'p1', 'p1', 'p2', 'unposted'].entries()) await p.vote(id, `U${i}`, 0, at(3));
    expect(await p.staleRenders()).toEqual(['p2', 'p1']); // newest first; never the unposted one
    await p.markRendered('p1', 3);
    await p.markRendered('p1', 2); // an older edit finishing late
    expect((await p.get('p1'))!.renderedVersion).toBe(3);
    expect(await p.staleRenders()).toEqual(['p2']);
    await p.markRendered('p2', 1);
    expect(await p.staleRenders()).toEqual([]);
  });

  it('lists polls due for closing (oldest end first) and the open polls of one channel (newest first)', async () => {
    const p = polls();
    await p.create(newPoll('late', { closesAt: at(30), createdAt: at(0) }));
    await p.create(newPoll('early', { closesAt: at(10), createdAt: at(1) }));
    await p.create(newPoll('future', { closesAt: at(90), createdAt: at(2) }));
    await p.create(newPoll('closed', { closesAt: at(5), createdAt: at(3) }));
    await p.create(newPoll('other-channel', { channelId: 'C2', createdAt: at(4) }));
    await p.create(newPoll('discord', { platform: 'discord', createdAt: at(5) }));
    await p.close('closed', at(4), 'Uann');
    expect(await p.dueForClosing(at(30))).toEqual(['early', 'late']);
    expect(await p.dueForClosing(at(9))).toEqual([]);
    expect(await p.openInChannel('slack', 'C1')).toEqual(['future', 'early', 'late']);
    expect(await p.openInChannel('slack', 'C2')).toEqual(['other-channel']);
    expect(await p.openInChannel('discord', 'C1')).toEqual(['discord']);
  });

  it('counts the open polls per platform (the open-polls gauge), as numbers on both backends', async () => {
    const p = polls();
    expect(await p.openCounts()).toEqual([]);
    for (const id of ['s1', 's2', 's3']) await p.create(newPoll(id));
    await p.create(newPoll('d1', { platform: 'discord' }));
    await p.close('s3', at(1), 'Uann');
    const counts = await p.openCounts();
    expect(counts.sort((a, b) => a.platform.localeCompare(b.platform))).toEqual([
      { platform: 'discord', n: 1 },
      { platform: 'slack', n: 2 },
    ]);
  });
});
