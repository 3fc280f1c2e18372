import { describe, expect, it } from 'vitest';
import { MatrixStore, type Session } from '../../src/matrix/matrix-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 15: MatrixStore's (decision-matrix walks) contract, the same test on SQLite and PostgreSQL. */

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const newWalk = (id: string, over: Partial<Session> = {}) => ({
  id,
  platform: 'slack' as const,
  workspaceId: 'T1',
  channelId: 'C1',
  ownerKey: 'C1',
  mode: 'channel' as const,
  starterId: 'Ulead',
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

describe.each(BACKENDS)('MatrixStore on $name', (backend) => {
  const store = useStore(backend);
  const walks = () => new MatrixStore(store().shared);

  it('creates an open walk at step 0 and reads it back', async () => {
    const m = walks();
    const created = await m.create(newWalk('w1', { threadId: 'th1' }));
    const expected = {
      ...newWalk('w1', { threadId: 'th1' }),
      step: 0,
      status: 'open',
      messageId: undefined,
      version: 0,
      renderedVersion: 0,
    };
    expect(created).toEqual(expected);
    expect(await m.get('w1')).toEqual(expected);
    expect((await m.create(newWalk('w2', { ownerKey: 'Ubob', mode: 'solo' }))).threadId).toBeUndefined();
    expect(await m.get('nope')).toBeUndefined();
  });

  it('a second start for the same owner returns the open walk; once it ends, a new one starts', async () => {
    const m = walks();
    await m.create(newWalk('w1'));
    expect((await m.create(newWalk('w2', { createdAt: at(1) }))).id).toBe('w1');
    expect(await m.get('w2')).toBeUndefined();
    // Another owner, mode, channel or platform is another walk.
    expect((await m.create(newWalk('solo', { mode: 'solo', ownerKey: 'Ulead' }))).id).toBe('solo');
    expect((await m.create(newWalk('c2', { channelId: 'C2', ownerKey: 'C2' }))).id).toBe('c2');
    expect((await m.create(newWalk('dc', { platform: 'discord' }))).id).toBe('dc');
    expect(await m.setStatus('w1', 'cancelled', at(2))).toBe(true);
    expect((await m.create(newWalk('w3', { createdAt: at(3) }))).id).toBe('w3');
    expect(await m.open('slack', 'C1', 'channel', 'C1')).toMatchObject({ id: 'w3' });
  });

  it('of 9 starts for one owner from 3 handles at once, one walk is created and all get it', async () => {
    const handles = (await store().replicas(3)).map((h) => new MatrixStore(h));
    const got = await Promise.all(Array.from({ length: 9 }, (_, i) => handles[i % 3]!.create(newWalk(`w${i}`))));
    expect(new Set(got.map((s) => s.id)).size).toBe(1);
    const { n } = await store()
      .shared.db.selectFrom('matrix_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });

  it('move, finishAt and setStatus are compare-and-set: a stale step or a closed walk changes nothing', async () => {
    const m = walks();
    await m.create(newWalk('w1'));
    expect(await m.move('w1', 0, 1, at(1))).toBe(true);
    expect(await m.move('w1', 0, 2, at(2))).toBe(false); // a stale click from step 0
    expect(await m.get('w1')).toMatchObject({ step: 1, updatedAt: at(1), version: 1 });
    expect(await m.finishAt('w1', 0, at(3))).toBe(false);
    expect(await m.finishAt('w1', 1, at(3))).toBe(true);
    expect(await m.get('w1')).toMatchObject({ status: 'finished', updatedAt: at(3), version: 2 });
    expect(await m.move('w1', 1, 2, at(4))).toBe(false);
    expect(await m.setStatus('w1', 'expired', at(4))).toBe(false);
    expect(await m.finishAt('w1', 1, at(4))).toBe(false);
    expect((await m.get('w1'))!.version).toBe(2);
  });

  it('of concurrent moves from the same step on 3 handles, exactly one wins', async () => {
    const handles = (await store().replicas(3)).map((h) => new MatrixStore(h));
    await handles[0]!.create(newWalk('w1'));
    const wins = await Promise.all(Array.from({ length: 9 }, (_, i) => handles[i % 3]!.move('w1', 0, 1, at(1))));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await handles[2]!.get('w1')).toMatchObject({ step: 1, version: 1 });
  });

  it("an answer replaces the person's earlier one for that step, un-skips the step and bumps the version", async () => {
    const m = walks();
    await m.create(newWalk('w1'));
    expect(await m.skip('w1', 0)).toBe(true);
    expect(await m.skipped('w1')).toEqual(new Set([0]));
    expect(await m.answer('w1', 0, 'Ubob', 'yes', at(1))).toBe(true);
    expect(await m.skipped('w1')).toEqual(new Set());
    await m.answer('w1', 0, 'Uann', 'no', at(2));
    await m.answer('w1', 0, 'Ubob', 'no', at(3));
    await m.move('w1', 0, 1, at(4));
    await m.answer('w1', 1, 'Uann', 'no', at(5));
    expect(await m.answers('w1')).toEqual([
      { step: 0, userId: 'Uann', value: 'no' },
      { step: 0, userId: 'Ubob', value: 'no' },
      { step: 1, userId: 'Uann', value: 'no' },
    ]);
    expect(await m.get('w1')).toMatchObject({ version: 6, updatedAt: at(5) });
  });

  it('a late answer or skip changes nothing once the walk moved on, finished or was cancelled', async () => {
    const m = walks();
    await m.create(newWalk('w1'));
    await m.answer('w1', 0, 'Ubob', 'yes', at(1));
    await m.move('w1', 0, 1, at(2));
    expect(await m.answer('w1', 0, 'Ubob', 'no', at(3))).toBe(false); // clicked on step 0's buttons
    expect(await m.skip('w1', 0)).toBe(false);
    await m.finishAt('w1', 1, at(4));
    expect(await m.answer('w1', 1, 'Ubob', 'no', at(5))).toBe(false);
    expect(await m.skip('w1', 1)).toBe(false);
    await m.create(newWalk('w2', { channelId: 'C2', ownerKey: 'C2' }));
    await m.setStatus('w2', 'cancelled', at(6));
    expect(await m.answer('w2', 0, 'Ubob', 'no', at(7))).toBe(false);
    expect(await m.answer('nope', 0, 'Ubob', 'no', at(7))).toBe(false);
    expect(await m.answers('w1')).toEqual([{ step: 0, userId: 'Ubob', value: 'yes' }]);
    expect(await m.answers('w2')).toEqual([]);
    expect(await m.skipped('w1')).toEqual(new Set());
    expect(await m.get('w1')).toMatchObject({ status: 'finished', version: 3, updatedAt: at(4) });
  });

  it('of answers racing a finish on 3 handles, each lands before it (and counts) or is refused', async () => {
    const handles = (await store().replicas(3)).map((h) => new MatrixStore(h));
    await handles[0]!.create(newWalk('w1'));
    const answer = (i: number) => handles[i % 3]!.answer('w1', 0, `U${i}`, 'yes', at(1));
    const first = await Promise.all([0, 1, 2, 3].map(answer));
    const [finished, ...rest] = await Promise.all([
      handles[1]!.finishAt('w1', 0, at(2)),
      ...[4, 5, 6, 7, 8].map(answer),
    ]);
    expect(first.every(Boolean)).toBe(true);
    expect(finished).toBe(true);
    const landed = [...first, ...rest].filter(Boolean).length;
    expect(await handles[0]!.answers('w1')).toHaveLength(landed);
    expect((await handles[0]!.get('w1'))!.version).toBe(landed + 1);
  });

  it('skipping bumps the version only the first time, also when skipped from 3 handles at once', async () => {
    const handles = (await store().replicas(3)).map((h) => new MatrixStore(h));
    await handles[0]!.create(newWalk('w1'));
    const skipped = await Promise.all(Array.from({ length: 6 }, (_, i) => handles[i % 3]!.skip('w1', 0)));
    expect(skipped.every(Boolean)).toBe(true);
    expect((await handles[0]!.get('w1'))!.version).toBe(1);
    await handles[1]!.skip('w1', 0);
    await handles[1]!.move('w1', 0, 1, at(1));
    await handles[1]!.skip('w1', 1);
    expect(await handles[0]!.skipped('w1')).toEqual(new Set([0, 1]));
    expect((await handles[0]!.get('w1'))!.version).toBe(3);
  });

  it('markRendered keeps the highest version; staleRenders lists posted channel walks behind their state', async () => {
    const m = walks();
    await m.create(newWalk('w1'));
    await m.create(newWalk('solo', { mode: 'solo', ownerKey: 'Ubob' }));
    await m.create(newWalk('unposted', { channelId: 'C2', ownerKey: 'C2' }));
    await m.setMessage('w1', 'm1', at(1));
    await m.setMessage('solo', 'm2', at(1));
    for (const id of ['w1', 'solo', 'unposted']) await m.answer(id, 0, 'Ubob', 'yes', at(2));
    await m.answer('w1', 0, 'Uann', 'yes', at(3));
    expect(await m.staleRenders()).toEqual(['w1']);
    await m.markRendered('w1', 2);
    await m.markRendered('w1', 1);
    expect(await m.get('w1')).toMatchObject({ messageId: 'm1', version: 2, renderedVersion: 2 });
    expect(await m.staleRenders()).toEqual([]);
  });

  it('idleSince lists open walks untouched since then', async () => {
    const m = walks();
    await m.create(newWalk('idle'));
    await m.create(newWalk('busy', { channelId: 'C2', ownerKey: 'C2' }));
    await m.create(newWalk('done', { channelId: 'C3', ownerKey: 'C3' }));
    await m.answer('busy', 0, 'Ubob', 'yes', at(30));
    await m.setStatus('done', 'finished', at(1));
    expect((await m.idleSince(at(10))).map((s) => s.id)).toEqual(['idle']);
    expect(await m.idleSince(at(0))).toEqual([]);
  });
});
