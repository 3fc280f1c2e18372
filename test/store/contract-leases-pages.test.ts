import { describe, expect, it } from 'vitest';
import { DAY_MS, TestClock } from '../../src/clock.js';
import { RenderLeases } from '../../src/store/render-leases.js';
import { ReplyPages } from '../../src/store/reply-pages.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 15: render leases (one editor per live message, across processes) and reply pages, on both backends. */

const HOLD_MS = 30_000;

describe.each(BACKENDS)('RenderLeases on $name', (backend) => {
  const store = useStore(backend);

  /** Two processes: two RenderLeases (two owners) on two handles of one database, one clock. */
  const twoProcesses = async () => {
    const clock = new TestClock();
    const [h1, h2] = await store().replicas(2);
    return { clock, a: new RenderLeases(h1!, clock), b: new RenderLeases(h2!, clock) };
  };

  it('one holder at a time: the holder may renew, the other process may not take it', async () => {
    const { a, b } = await twoProcesses();
    expect(a.owner).not.toBe(b.owner);
    expect(await a.acquire('poll:p1')).toBe(true);
    expect(await b.acquire('poll:p1')).toBe(false);
    expect(await a.acquire('poll:p1')).toBe(true);
    expect(await b.acquire('poll:p2')).toBe(true); // another message is another lease
  });

  it('after a release with a pace, the other process waits out the pace; the holder need not', async () => {
    const { clock, a, b } = await twoProcesses();
    await a.acquire('poll:p1');
    await a.release('poll:p1', 5_000);
    expect(await b.acquire('poll:p1')).toBe(false);
    clock.advance(4_999);
    expect(await b.acquire('poll:p1')).toBe(false);
    clock.advance(1);
    expect(await b.acquire('poll:p1')).toBe(true);
    await b.release('poll:p1', 5_000);
    expect(await b.acquire('poll:p1')).toBe(true); // its own lease, pace or not
    await b.release('poll:p1', 0);
    expect(await a.acquire('poll:p1')).toBe(true); // no pace: free at once
  });

  it("a crashed holder's lease lapses after the hold time; a non-holder's release changes nothing", async () => {
    const { clock, a, b } = await twoProcesses();
    await a.acquire('walk:w1');
    await b.release('walk:w1', 0);
    clock.advance(HOLD_MS - 1);
    expect(await b.acquire('walk:w1')).toBe(false);
    clock.advance(1);
    expect(await b.acquire('walk:w1')).toBe(true);
    expect(await a.acquire('walk:w1')).toBe(false);
  });

  it('of 3 processes acquiring a new subject at once (repeatedly), exactly one gets it', async () => {
    const clock = new TestClock();
    const leases = (await store().replicas(3)).map((h) => new RenderLeases(h, clock));
    const got = await Promise.all([...leases, ...leases, ...leases].map((l) => l.acquire('poll:p1')));
    const winners = new Set(got.flatMap((ok, i) => (ok ? [i % 3] : [])));
    expect(winners.size).toBe(1);
  });

  it('exclusive runs the edit holding the lease and releases it, even when the edit fails', async () => {
    const { clock, a, b } = await twoProcesses();
    let ranB = false;
    const result = await a.exclusive('poll:p1', 1_000, async () => {
      expect(
        await b.exclusive('poll:p1', 1_000, async () => {
          ranB = true;
        }),
      ).toBe(false);
    });
    expect(result).toBe(true);
    expect(ranB).toBe(false);
    clock.advance(1_000);
    await expect(
      b.exclusive('poll:p1', 0, async () => {
        throw new Error('edit failed');
      }),
    ).rejects.toThrow('edit failed');
    expect(await a.acquire('poll:p1')).toBe(true); // released with pace 0 despite the failure
  });

  it('prunes leases that lapsed over a day ago', async () => {
    const { clock, a } = await twoProcesses();
    await a.acquire('old');
    clock.advance(HOLD_MS + DAY_MS - 1);
    await a.acquire('recent');
    expect(await a.prune()).toBe(0);
    clock.advance(2);
    expect(await a.prune()).toBe(1);
    const rows = await store().shared.db.selectFrom('render_leases').select('subject').execute();
    expect(rows).toEqual([{ subject: 'recent' }]);
  });
});

describe.each(BACKENDS)('ReplyPages on $name', (backend) => {
  const store = useStore(backend);

  it('saves pages once per key and loads them on any handle', async () => {
    const clock = new TestClock();
    const [h1, h2] = await store().replicas(2);
    const pages = [{ text: 'page 1', blocks: [{ type: 'section' }] }, { text: 'page 2' }];
    await new ReplyPages(h1!, clock).save('r1', pages);
    await new ReplyPages(h1!, clock).save('r1', [{ text: 'a second save' }]); // the first stays
    expect(await new ReplyPages(h2!, clock).load('r1')).toEqual(pages);
    expect(await new ReplyPages(h2!, clock).load('nope')).toBeUndefined();
  });

  it('expires pages after a day and prunes them', async () => {
    const clock = new TestClock();
    const p = new ReplyPages(store().shared, clock);
    await p.save('old', ['x']);
    clock.advance(DAY_MS / 2);
    await p.save('new', ['y']);
    clock.advance(DAY_MS / 2);
    expect(await p.load('old')).toEqual(['x']); // exactly a day: still there
    expect(await p.prune()).toBe(0);
    clock.advance(1);
    expect(await p.load('old')).toBeUndefined();
    expect(await p.load('new')).toEqual(['y']);
    expect(await p.prune()).toBe(1);
    expect(await p.load('new')).toEqual(['y']);
  });
});
