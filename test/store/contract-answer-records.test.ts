import { describe, expect, it } from 'vitest';
import { AnswerRecords } from '../../src/chat/answer-records.js';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { DAY_MS, HOUR_MS, TestClock } from '../../src/clock.js';
import { FeedbackStore, type GivenAnswer } from '../../src/feedback/feedback-store.js';
import type { SharedDb } from '../../src/store/shared-db.js';
import { BACKENDS, useStore } from './backends.js';

const ctx: ChatContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  isAdmin: fixedAdmin(false),
};

/** An answer logged as the answer features log it: one row with its place and what its buttons need. */
function give(shared: SharedDb, clock: TestClock, id: string, given: GivenAnswer): Promise<string> {
  return new FeedbackStore(shared, clock).log({ id, kind: 'ask', question: 'q', claimIds: [], given });
}

/** Issue 20, items 4 and 6: one record per answer, the same test on SQLite and PostgreSQL. */
describe.each(BACKENDS)('AnswerRecords on $name', (backend) => {
  const store = useStore(backend);

  it('keeps where an answer was given, to whom, and what More and Share need; a log without a place has no record', async () => {
    const clock = new TestClock();
    const records = new AnswerRecords(store().shared, clock);
    const more = { question: 'q', context: 'c' };
    const share = { visibility: 'channel', blocks: [] };
    await give(store().shared, clock, 'a1', { where: ctx, private: true, more, share });
    await new FeedbackStore(store().shared, clock).log({ id: 'a2', kind: 'ask', question: 'q', claimIds: [] });
    expect(await records.find('a1')).toEqual({
      answerId: 'a1',
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      userId: 'U1',
      private: true,
      sharedAt: undefined,
      more,
      share,
    });
    expect(await records.find('a2')).toBeUndefined();
    expect(await records.find('nope')).toBeUndefined();
  });

  it('of 12 Share claims on 3 handles at once, exactly one wins, and the record says when', async () => {
    const clock = new TestClock();
    await give(store().shared, clock, 'a1', { where: ctx, private: true });
    const handles = (await store().replicas(3)).map((h) => new AnswerRecords(h, clock));
    const won = await Promise.all(Array.from({ length: 12 }, (_, i) => handles[i % 3]!.claimShare('a1')));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await handles[0]!.find('a1'))?.sharedAt).toBe(clock.now().toISOString());
    expect(await handles[0]!.claimShare('unknown')).toBe(false);
  });

  it('after 30 days a record is gone for its buttons, and pruning drops what they needed but keeps the log row', async () => {
    const clock = new TestClock();
    const records = new AnswerRecords(store().shared, clock);
    const more = { question: 'q' };
    await give(store().shared, clock, 'old', { where: ctx, private: false, more });
    clock.advance(30 * DAY_MS - HOUR_MS);
    await give(store().shared, clock, 'recent', { where: ctx, private: false, more });
    clock.advance(2 * HOUR_MS);
    expect(await records.find('old')).toBeUndefined();
    expect(await records.prune()).toBe(1);
    expect(await records.prune()).toBe(0);
    expect((await records.find('recent'))?.more).toEqual(more);
    const kept = await store().shared.db.selectFrom('answer_log').select(['id', 'more']).orderBy('id').execute();
    expect(kept).toEqual([
      { id: 'old', more: null },
      { id: 'recent', more: JSON.stringify(more) },
    ]);
  });
});
