import { describe, expect, it } from 'vitest';
import { type Schedule, ScheduleStore } from '../../src/polls/schedule-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 15: ScheduleStore's contract, the same test on SQLite and PostgreSQL. */

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const newSchedule = (id: string, over: Partial<Schedule> = {}): Omit<Schedule, 'lastRunAt'> => ({
  id,
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  spec: 'mondays 10:00',
  cron: '0 10 * * 1',
  everyWeeks: 2,
  timezone: 'Europe/Berlin',
  durationMs: 2 ** 33, // beyond a 4-byte integer: BIGINT on PostgreSQL
  createdBy: 'Uann',
  createdAt: at(0),
  nextRunAt: at(60),
  ...over,
});

describe.each(BACKENDS)('ScheduleStore on $name', (backend) => {
  const store = useStore(backend);
  const schedules = () => new ScheduleStore(store().shared);

  it("round-trips a schedule, lists a channel's (of one workspace) in creation order, and removes one", async () => {
    const s = schedules();
    await s.insert(newSchedule('s2', { createdAt: at(2) }));
    await s.insert(newSchedule('s1', { createdAt: at(1) }));
    await s.insert(newSchedule('elsewhere', { channelId: 'C2' }));
    await s.insert(newSchedule('discord', { platform: 'discord' }));
    await s.insert(newSchedule('other-team', { workspaceId: 'T2' }));
    expect(await s.get('s1')).toEqual({ ...newSchedule('s1', { createdAt: at(1) }), lastRunAt: undefined });
    expect(await s.get('nope')).toBeUndefined();
    expect((await s.inChannel({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).map((x) => x.id)).toEqual([
      's1',
      's2',
    ]);
    expect(await s.remove('s1')).toBe(true);
    expect(await s.remove('s1')).toBe(false);
    expect((await s.inChannel({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).map((x) => x.id)).toEqual([
      's2',
    ]);
  });

  it('lists schedules due now, soonest first', async () => {
    const s = schedules();
    await s.insert(newSchedule('later', { nextRunAt: at(30) }));
    await s.insert(newSchedule('sooner', { nextRunAt: at(10) }));
    await s.insert(newSchedule('future', { nextRunAt: at(90) }));
    expect((await s.due(at(30))).map((x) => x.id)).toEqual(['sooner', 'later']);
    expect(await s.due(at(9))).toEqual([]);
  });

  it('claims an occurrence by compare-and-set: the next run and last run move, a stale claim fails', async () => {
    const s = schedules();
    await s.insert(newSchedule('s1'));
    const due = (await s.get('s1'))!;
    expect(await s.claim(due, at(60 + 7 * 24 * 60), at(60))).toBe(true);
    expect(await s.get('s1')).toMatchObject({ nextRunAt: at(60 + 7 * 24 * 60), lastRunAt: at(60) });
    expect(await s.claim(due, at(999), at(61))).toBe(false);
    expect((await s.get('s1'))!.nextRunAt).toBe(at(60 + 7 * 24 * 60));
  });

  it('of 12 claims of one occurrence from 3 handles at once, exactly one wins', async () => {
    const handles = (await store().replicas(3)).map((h) => new ScheduleStore(h));
    await handles[0]!.insert(newSchedule('s1'));
    const due = (await handles[0]!.get('s1'))!;
    const wins = await Promise.all(
      Array.from({ length: 12 }, (_, i) => handles[i % 3]!.claim(due, at(2000 + i), at(60))),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect((await handles[1]!.get('s1'))!.nextRunAt).toBe(at(2000 + wins.indexOf(true)));
  });

  it('remembers the motions a channel debated (marking twice is fine) and forgets them on reset', async () => {
    const s = schedules();
    await s.markUsed('slack', 'C1', 'concurrency', at(1));
    await s.markUsed('slack', 'C1', 'concurrency', at(2));
    await s.markUsed('slack', 'C1', 'typing', at(2));
    await s.markUsed('slack', 'C2', 'tooling', at(2));
    await s.markUsed('discord', 'C1', 'hiring', at(2));
    expect(await s.usedTopics('slack', 'C1')).toEqual(new Set(['concurrency', 'typing']));
    const { used_at } = await store()
      .shared.db.selectFrom('motions_used')
      .select('used_at')
      .where('topic', '=', 'concurrency')
      .executeTakeFirstOrThrow();
    expect(used_at).toBe(at(2)); // the upsert moved the time
    await s.resetUsed('slack', 'C1');
    expect(await s.usedTopics('slack', 'C1')).toEqual(new Set());
    expect(await s.usedTopics('slack', 'C2')).toEqual(new Set(['tooling']));
    expect(await s.usedTopics('discord', 'C1')).toEqual(new Set(['hiring']));
  });
});
