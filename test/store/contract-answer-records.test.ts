import { describe, expect, it } from 'vitest';
import { AnswerRecords } from '../../src/chat/answer-records.js';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { DAY_MS, HOUR_MS, TestClock } from '../../src/clock.js';
import { BACKENDS, useStore } from './backends.js';

const ctx: ChatContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  isAdmin: fixedAdmin(false),
};

/** Issue 20, items 4 and 6: one record per answer, the same test on SQLite and PostgreSQL. */
describe.each(BACKENDS)('AnswerRecords on $name', (backend) => {
  const store = useStore(backend);

  it('keeps where an answer was given and to whom; a second add of the same id changes nothing', async () => {
    const records = new AnswerRecords(store().shared, new TestClock());
    await records.add('a1', ctx, true);
    await records.add('a1', { ...ctx, userId: 'U2', channelId: 'C9' }, false);
    expect(await records.find('a1')).toEqual({
      answerId: 'a1',
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      userId: 'U1',
      private: true,
      sharedAt: undefined,
    });
    expect(await records.find('nope')).toBeUndefined();
  });

  it('of 12 Share claims on 3 handles at once, exactly one wins, and the record says when', async () => {
    const clock = new TestClock();
    await new AnswerRecords(store().shared, clock).add('a1', ctx, true);
    const handles = (await store().replicas(3)).map((h) => new AnswerRecords(h, clock));
    const won = await Promise.all(Array.from({ length: 12 }, (_, i) => handles[i % 3]!.claimShare('a1')));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await handles[0]!.find('a1'))?.sharedAt).toBe(clock.now().toISOString());
    expect(await handles[0]!.claimShare('unknown')).toBe(false);
  });

  it('prunes records older than 30 days', async () => {
    const clock = new TestClock();
    const records = new AnswerRecords(store().shared, clock);
    await records.add('old', ctx, false);
    clock.advance(30 * DAY_MS - HOUR_MS);
    await records.add('recent', ctx, false);
    clock.advance(2 * HOUR_MS);
    expect(await records.prune()).toBe(1);
    expect(await records.find('old')).toBeUndefined();
    expect(await records.find('recent')).toBeDefined();
  });
});
