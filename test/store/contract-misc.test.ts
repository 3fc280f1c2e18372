import { describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/chat/conversation-store.js';
import { DAY_MS, HOUR_MS, TestClock } from '../../src/clock.js';
import { ChannelSettings } from '../../src/settings/settings-store.js';
import { SharedSignatureStore } from '../../src/store/replay-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 15: conversations, the replay guard and channel settings, the same test on SQLite and PostgreSQL. */

describe.each(BACKENDS)('ConversationStore on $name', (backend) => {
  const store = useStore(backend);

  it('sees a delivery first only once, per platform', async () => {
    const c = new ConversationStore(store().shared, new TestClock());
    expect(await c.firstDelivery('slack', 'Ev1')).toBe(true);
    expect(await c.firstDelivery('slack', 'Ev1')).toBe(false);
    expect(await c.firstDelivery('discord', 'Ev1')).toBe(true);
  });

  it('of 12 copies of one delivery arriving on 3 handles at once, exactly one is first', async () => {
    const clock = new TestClock();
    const handles = (await store().replicas(3)).map((h) => new ConversationStore(h, clock));
    const firsts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => handles[i % 3]!.firstDelivery('slack', 'Ev1')),
    );
    expect(firsts.filter(Boolean)).toHaveLength(1);
  });

  it("remembers a thread's latest question (upsert), cut to 2000 characters", async () => {
    const c = new ConversationStore(store().shared, new TestClock());
    expect(await c.threadQuestion('slack', 'C1', 't1')).toBeUndefined();
    await c.rememberThread('slack', 'C1', 't1', 'Go or Python?');
    await c.rememberThread('slack', 'C1', 't1', 'x'.repeat(2500));
    await c.rememberThread('slack', 'C2', 't1', 'elsewhere');
    expect(await c.threadQuestion('slack', 'C1', 't1')).toBe('x'.repeat(2000));
    expect(await c.threadQuestion('slack', 'C2', 't1')).toBe('elsewhere');
    expect(await c.threadQuestion('discord', 'C1', 't1')).toBeUndefined();
  });

  it('saves and loads a paging context by kind and id', async () => {
    const c = new ConversationStore(store().shared, new TestClock());
    const payload = { question: 'Go?', claimIds: ['a', 'b'], page: 2, nested: { ok: true, none: null } };
    const id = await c.saveContext('sources', payload);
    expect(await c.loadContext('sources', id)).toEqual(payload);
    expect(await c.loadContext('other-kind', id)).toBeUndefined();
    expect(await c.loadContext('sources', 'missing')).toBeUndefined();
  });

  it('puts a context under a chosen key, replacing what was there', async () => {
    const c = new ConversationStore(store().shared, new TestClock());
    await c.putContext('private-thread', 'slack:T1:D1:1.1', { userId: 'U1' });
    await c.putContext('private-thread', 'slack:T1:D1:1.1', { userId: 'U2' });
    expect(await c.loadContext('private-thread', 'slack:T1:D1:1.1')).toEqual({ userId: 'U2' });
    expect(await c.loadContext('private-thread', 'slack:T1:C1:1.1')).toBeUndefined();
  });

  it('prunes deliveries after a day and contexts after 30 days, and counts what it removed', async () => {
    const clock = new TestClock();
    const c = new ConversationStore(store().shared, clock);
    await c.firstDelivery('slack', 'old');
    const oldContext = await c.saveContext('sources', { n: 1 });
    await c.rememberThread('slack', 'C1', 't1', 'kept');
    clock.advance(DAY_MS - HOUR_MS);
    await c.firstDelivery('slack', 'recent');
    clock.advance(2 * HOUR_MS);
    expect(await c.prune()).toBe(1); // only 'old' is over a day old
    expect(await c.firstDelivery('slack', 'old')).toBe(true); // forgotten, so new again
    expect(await c.firstDelivery('slack', 'recent')).toBe(false);
    clock.advance(30 * DAY_MS);
    expect(await c.prune()).toBe(3); // 'recent', the re-seen 'old' and the context
    expect(await c.loadContext('sources', oldContext)).toBeUndefined();
    expect(await c.threadQuestion('slack', 'C1', 't1')).toBe('kept');
    expect(await c.prune()).toBe(0);
  });
});

describe.each(BACKENDS)('SharedSignatureStore (replay guard) on $name', (backend) => {
  const store = useStore(backend);
  const NOW = Date.parse('2026-01-05T09:00:00.000Z'); // epoch ms: BIGINT on PostgreSQL

  it('remembers a signature once: true the first time, false for the replay', async () => {
    const s = new SharedSignatureStore(store().shared);
    expect(await s.rememberSignature('v0=abc', NOW + 300_000)).toBe(true);
    expect(await s.rememberSignature('v0=abc', NOW + 300_000)).toBe(false);
    expect(await s.rememberSignature('v0=abd', NOW + 300_000)).toBe(true);
  });

  it('of 12 copies of one signed request on 3 handles at once, exactly one is accepted', async () => {
    const handles = (await store().replicas(3)).map((h) => new SharedSignatureStore(h));
    const ok = await Promise.all(Array.from({ length: 12 }, (_, i) => handles[i % 3]!.rememberSignature('v0=x', NOW)));
    expect(ok.filter(Boolean)).toHaveLength(1);
  });

  it('prunes signatures whose window has passed, and counts them', async () => {
    const s = new SharedSignatureStore(store().shared);
    await s.rememberSignature('expired', NOW - 1);
    await s.rememberSignature('edge', NOW);
    await s.rememberSignature('live', NOW + 1);
    expect(await s.prune(NOW)).toBe(1);
    expect(await s.rememberSignature('expired', NOW + 300_000)).toBe(true);
    expect(await s.rememberSignature('edge', NOW)).toBe(false);
    expect(await s.prune(NOW + 2)).toBe(2);
  });
});

describe.each(BACKENDS)('ChannelSettings on $name', (backend) => {
  const store = useStore(backend);
  const where = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };

  it('answers privately by default; a setting applies to its own channel only and can be changed back', async () => {
    const clock = new TestClock();
    const s = new ChannelSettings(store().shared, clock);
    expect(await s.answers(where)).toBe('private');
    await s.setAnswers({ ...where, userId: 'Uadmin' }, 'public');
    expect(await s.answers(where)).toBe('public');
    expect(await s.answers({ ...where, channelId: 'C2' })).toBe('private');
    expect(await s.answers({ ...where, workspaceId: 'T2' })).toBe('private');
    expect(await s.answers({ ...where, platform: 'discord' })).toBe('private');
    clock.advance(HOUR_MS);
    await s.setAnswers({ ...where, userId: 'Uother' }, 'private');
    expect(await s.answers(where)).toBe('private');
    const row = await store().shared.db.selectFrom('channel_settings').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ updated_by: 'Uother', updated_at: clock.now().toISOString() });
  });

  it('keeps a channel’s language apart from its answers setting, per channel, until set back to the default', async () => {
    const s = new ChannelSettings(store().shared, new TestClock());
    expect(await s.channelLocale(where)).toBeUndefined();
    await s.setLocale({ ...where, userId: 'Uadmin' }, 'de');
    expect(await s.channelLocale(where)).toBe('de');
    expect(await s.answers(where)).toBe('private');
    await s.setAnswers({ ...where, userId: 'Uadmin' }, 'public');
    expect([await s.channelLocale(where), await s.answers(where)]).toEqual(['de', 'public']);
    expect(await s.channelLocale({ ...where, channelId: 'C2' })).toBeUndefined();
    expect(await s.channelLocale({ ...where, workspaceId: 'T2' })).toBeUndefined();
    expect(await s.channelLocale({ ...where, platform: 'discord' })).toBeUndefined();
    await s.setLocale({ ...where, userId: 'Uadmin' }, null);
    expect([await s.channelLocale(where), await s.answers(where)]).toEqual([undefined, 'public']);
    expect(await s.channelRow(where)).toEqual({ locale: undefined, answers: 'public' });
    expect(await s.channelRow({ ...where, channelId: 'C2' })).toEqual({ locale: undefined, answers: 'private' });
  });

  it('shows answers where the request’s context says, read with its language, and reads the row only without it', async () => {
    const s = new ChannelSettings(store().shared, new TestClock());
    await s.setAnswers({ ...where, userId: 'Uadmin' }, 'public');
    expect(await s.shownIn(where)).toBe('channel');
    // A context read just before this change (Router.localised) keeps what it read for its own request.
    expect(await s.shownIn({ ...where, channelAnswers: 'private' })).toBe('ephemeral');
  });
});
