import { describe, expect, it } from 'vitest';
import { Fifo } from '../../src/runtime/fifo.js';

describe('Fifo', () => {
  it('gives items back in the order they came, across its compactions', () => {
    const q = new Fifo<number>();
    const out: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      q.push(i);
      if (i % 3 === 0) out.push(q.shift()!);
    }
    expect(q.peek()).toBe(out.length);
    out.push(...q.drain());
    expect(out).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
  });
});
