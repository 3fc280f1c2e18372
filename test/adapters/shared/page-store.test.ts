import { describe, expect, it } from 'vitest';
import { PageStore } from '../../../src/adapters/shared/page-store.js';
import { SlackPages } from '../../../src/adapters/slack/pages.js';
import { TestClock } from '../../../src/clock.js';

const HERE = { channelId: 'C1' };
const READER = { channelId: 'C1', userId: 'U1' };

describe('the page store both adapters keep long replies in', () => {
  it('GIVEN a full store THEN the least recently read reply goes first', async () => {
    const store = new PageStore<string>({ capacity: 2 });
    store.put('a', ['a1', 'a2'], HERE);
    store.put('b', ['b1', 'b2'], HERE);
    expect(await store.page('a', 2, READER)).toBe('a2'); // reading a makes b the least recently used
    store.put('c', ['c1', 'c2'], HERE);
    expect(await store.page('b', 2, READER)).toBeUndefined();
    expect(await store.page('a', 1, READER)).toBe('a1');
    expect(await store.page('c', 2, READER)).toBe('c2');
  });

  it('GIVEN a reply older than the TTL on the injected clock THEN it is gone', async () => {
    const clock = new TestClock();
    const store = new PageStore<string>({ ttlMs: 1000, clock });
    store.put('a', ['a1', 'a2'], HERE);
    clock.advance(1000);
    expect(await store.page('a', 2, READER)).toBe('a2');
    clock.advance(1);
    expect(await store.page('a', 2, READER)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('GIVEN a long Slack reply THEN its More buttons serve each following page from the store', async () => {
    const pages = new SlackPages();
    const claims = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      text: `Claim ${i} ${'x'.repeat(400)}`,
      side: 'go' as const,
      kind: 'fact' as const,
      topics: [],
      figures: [],
      citation: { documentId: 'd', title: 'Doc', section: 'S' },
    }));
    const first = pages.render({ visibility: 'channel', blocks: [{ type: 'claims', claims }] }, HERE);
    const moreId = (blocks: unknown) => JSON.stringify(blocks).match(/"action_id":"(slack:page:[^"]+)"/)?.[1] ?? '';
    const id = moreId(first.blocks);
    expect(SlackPages.isPageAction(id)).toBe(true);
    const second = await pages.page(id, READER);
    expect(JSON.stringify(second?.blocks)).toMatch(/Page 2 of|Claim/);
    expect(JSON.stringify(second?.blocks)).not.toBe(JSON.stringify(first.blocks));
    expect(await pages.page('slack:page:unknownkey:2', READER)).toBeUndefined();
  });

  it('GIVEN a reply shown in one channel, or privately to one person THEN its pages are served only there, to them', async () => {
    const store = new PageStore<string>();
    store.put('pub', ['p1', 'p2'], { channelId: 'C1' });
    store.put('priv', ['q1', 'q2'], { channelId: 'C1', userId: 'U1' });
    expect(await store.page('pub', 2, { channelId: 'C1', userId: 'U9' })).toBe('p2');
    expect(await store.page('pub', 2, { channelId: 'C2', userId: 'U1' })).toBeUndefined();
    expect(await store.page('priv', 2, { channelId: 'C1', userId: 'U1' })).toBe('q2');
    expect(await store.page('priv', 2, { channelId: 'C1', userId: 'U9' })).toBeUndefined();
  });
});
