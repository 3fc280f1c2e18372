import { describe, expect, it } from 'vitest';
import { type ButtonRow, parsePageButtonId } from '../../../src/adapters/discord/components.js';
import { DiscordPages } from '../../../src/adapters/discord/pages.js';
import type { V2Payload } from '../../../src/adapters/discord/v2.js';
import type { Reply } from '../../../src/chat/reply.js';
import { TestClock } from '../../../src/clock.js';
import { createLogger } from '../../../src/logger.js';

describe('DiscordPages: the pages of a long reply, kept for ◀ / ▶', () => {
  const long: Reply = { visibility: 'channel', blocks: [{ type: 'text', text: 'word '.repeat(3000) }] };
  const keyOf = (p: V2Payload) => {
    const row = p.components.at(-1) as ButtonRow;
    return parsePageButtonId(row.components.at(-1)!.custom_id)!.key;
  };
  const footer = (p: V2Payload | undefined) => JSON.stringify(p?.components ?? []).match(/-# (Page \d+\/\d+)/)?.[1];

  const HERE = { channelId: 'c1' };
  const READER = { channelId: 'c1', userId: 'u1' };
  it('keeps the pages of a long reply and serves them by key; short replies are not stored', async () => {
    const store = new DiscordPages(createLogger('silent'));
    store.render({ visibility: 'channel', blocks: [{ type: 'text', text: 'short' }] }, HERE);
    expect(store.size).toBe(0);
    const first = store.render(long, HERE);
    expect(store.size).toBe(1);
    expect(footer(await store.page(keyOf(first), 2, READER))).toMatch(/^Page 2\//);
    expect(await store.page('nope', 2, READER)).toBeUndefined();
    expect(await store.page(keyOf(first), 2, { ...READER, channelId: 'c2' })).toBeUndefined(); // only where it was shown
  });

  it('drops the least recently used reply beyond its capacity, and replies older than its TTL', async () => {
    const clock = new TestClock();
    const store = new DiscordPages(createLogger('silent'), { capacity: 2, ttlMs: 1000, clock });
    const [a, b] = [keyOf(store.render(long, HERE)), keyOf(store.render(long, HERE))];
    expect(await store.page(a, 1, READER)).toBeDefined(); // a is now the most recently used
    const c = keyOf(store.render(long, HERE));
    expect(await store.page(b, 1, READER)).toBeUndefined();
    expect(await store.page(a, 1, READER)).toBeDefined();
    clock.advance(2000);
    expect(await store.page(c, 1, READER)).toBeUndefined();
  });
});
