import { describe, expect, it } from 'vitest';
import { PageStore } from '../../src/adapters/shared/page-store.js';
import { SlackPages } from '../../src/adapters/slack/pages.js';
import { TestClock } from '../../src/clock.js';

describe('the page store both adapters keep long replies in', () => {
  it('GIVEN a full store THEN the least recently read reply goes first', async () => {
    const store = new PageStore<string>({ capacity: 2 });
    store.put('a', ['a1', 'a2']);
    store.put('b', ['b1', 'b2']);
    expect(await store.page('a', 2)).toBe('a2'); // reading a makes b the least recently used
    store.put('c', ['c1', 'c2']);
    expect(await store.page('b', 2)).toBeUndefined();
    expect(await store.page('a', 1)).toBe('a1');
    expect(await store.page('c', 2)).toBe('c2');
  });

  it('GIVEN a reply older than the TTL on the injected clock THEN it is gone', async () => {
    const clock = new TestClock();
    const store = new PageStore<string>({ ttlMs: 1000, clock });
    store.put('a', ['a1', 'a2']);
    clock.advance(1000);
    expect(await store.page('a', 2)).toBe('a2');
    clock.advance(1);
    expect(await store.page('a', 2)).toBeUndefined();
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
    const first = pages.render({ visibility: 'channel', blocks: [{ type: 'claims', claims }] });
    const moreId = (blocks: unknown) => JSON.stringify(blocks).match(/"action_id":"(slack:page:[^"]+)"/)?.[1] ?? '';
    const id = moreId(first.blocks);
    expect(SlackPages.isPageAction(id)).toBe(true);
    const second = await pages.page(id);
    expect(JSON.stringify(second?.blocks)).toMatch(/Page 2 of|Claim/);
    expect(JSON.stringify(second?.blocks)).not.toBe(JSON.stringify(first.blocks));
    expect(await pages.page('slack:page:unknownkey:2')).toBeUndefined();
  });
});
