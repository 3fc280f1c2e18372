import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/runtime/coalescer.js';

describe('render coalescer', () => {
  it('GIVEN a storm of requests THEN drain flushes once, showing the last state', async () => {
    let state = 0;
    const shown: number[] = [];
    const c = new Coalescer(60_000, async () => {
      shown.push(state);
    });
    for (state = 1; state <= 100; state++) c.request('poll');
    state = 100;
    await c.drain();
    expect(shown).toEqual([100]);
    expect(c.pending()).toBe(0);
  });

  it('GIVEN a request while a flush is on its way THEN drain waits for one more flush after it', async () => {
    const shown: number[] = [];
    let state = 1;
    let started: () => void = () => {};
    let release: () => void = () => {};
    const c = new Coalescer(0, async () => {
      const seen = state;
      started();
      await new Promise<void>((r) => {
        release = r;
      });
      shown.push(seen);
    });
    const firstStarted = new Promise<void>((r) => {
      started = r;
    });
    c.request('poll');
    await firstStarted;
    state = 2;
    c.request('poll'); // the flush on its way read state 1
    const secondStarted = new Promise<void>((r) => {
      started = r;
    });
    const drained = c.drain();
    release();
    await secondStarted;
    release();
    await drained;
    expect(shown).toEqual([1, 2]);
    expect(c.pending()).toBe(0);
  });

  it('GIVEN requests that keep arriving during shutdown THEN drain still ends once earlier ones are shown', async () => {
    let flushes = 0;
    const c: Coalescer = new Coalescer(1, async () => {
      flushes++;
      if (flushes < 3) c.request('poll'); // votes still coming in while the bot stops
    });
    c.request('poll');
    await c.drain();
    expect(flushes).toBe(1);
    expect(c.pending()).toBe(1); // the newer request waits for its own timer, or the next drain
    await c.drain();
    expect(flushes).toBe(2);
    await c.drain(); // the last vote's render
    expect(flushes).toBe(3);
    expect(c.pending()).toBe(0);
  });
});
