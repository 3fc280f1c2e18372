import { describe, expect, it } from 'vitest';
import { AnswerQueue } from '../../../src/adapters/slack/answer-queue.js';

describe('answer queue (acknowledgements first)', () => {
  it('holds answers while a request awaits its ack, and runs them once it is acknowledged', async () => {
    const q = new AnswerQueue(10_000);
    const ran: number[] = [];
    q.requestStarted();
    const done = q.push(async () => {
      ran.push(1);
    });
    await new Promise(setImmediate);
    expect(ran).toEqual([]);
    expect(q.size).toBe(1);
    q.requestFinished();
    await done;
    expect(ran).toEqual([1]);
  });

  it('still runs a job every maxWaitMs while requests keep arriving', async () => {
    const q = new AnswerQueue(20);
    q.requestStarted(); // never acknowledged
    const started = Date.now();
    await q.push(async () => {});
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('stops deferring when the backlog is full, so memory stays bounded', async () => {
    const q = new AnswerQueue(60_000, 3);
    q.requestStarted();
    const ran: number[] = [];
    const all = [1, 2, 3, 4].map((n) =>
      q.push(async () => {
        ran.push(n);
      }),
    );
    // The third job fills the backlog: jobs run until two are left waiting, then deferral resumes.
    await Promise.all(all.slice(0, 2));
    await new Promise(setImmediate);
    expect(ran).toEqual([1, 2]);
    expect(q.size).toBe(2);
    q.requestFinished();
    await Promise.all(all);
    expect(ran).toEqual([1, 2, 3, 4]);
  });

  it('once jobs are overdue, starts up to perTurn of them in one turn of the event loop, not one per turn', async () => {
    // One start per turn capped a vote storm's confirmations at the loop's turn rate (README, benchmarks).
    const q = new AnswerQueue(0, 2_000, 1_024, 4);
    q.requestStarted(); // never acknowledged: only overdue jobs may start
    const ran: number[] = [];
    const all = [1, 2, 3, 4, 5, 6].map((n) =>
      q.push(async () => {
        ran.push(n);
      }),
    );
    expect(ran).toEqual([1]); // the first push started its job at once
    await new Promise(setImmediate);
    expect(ran).toEqual([1, 2, 3, 4, 5]);
    await Promise.all(all);
    expect(ran).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('drains every queued job (shutdown)', async () => {
    const q = new AnswerQueue(5);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++)
      void q.push(async () => {
        ran.push(i);
      });
    await q.drain();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('50 started jobs that never finish hold back no other job', async () => {
    const q = new AnswerQueue(5);
    for (let i = 0; i < 50; i++) void q.push(() => new Promise<void>(() => {}));
    let ran = false;
    await q.push(async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    expect(q.size).toBe(50);
  });

  it('past maxRunning unfinished jobs, the next waits in the queue (where shutdown can drop it)', async () => {
    const q = new AnswerQueue(5, 2_000, 3);
    const release: (() => void)[] = [];
    for (let i = 0; i < 3; i++) void q.push(() => new Promise<void>((r) => release.push(r)));
    let ran = false;
    const fourth = q.push(async () => {
      ran = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toBe(false);
    expect(q.discard()).toBe(1);
    await fourth;
    expect(ran).toBe(false);
    for (const r of release) r();
    await q.drain();
  });

  it('runs jobs with the same key one after another, in order, while other keys go on', async () => {
    const q = new AnswerQueue(5);
    const order: string[] = [];
    let release = () => {};
    const first = q.push(
      () =>
        new Promise<void>((r) => {
          order.push('a1 start');
          release = () => {
            order.push('a1 end');
            r();
          };
        }),
      'a',
    );
    const second = q.push(async () => void order.push('a2'), 'a');
    await q.push(async () => void order.push('b1'), 'b');
    expect(order).toEqual(['a1 start', 'b1']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });
});

describe('answer queue (storms of re-votes)', () => {
  it('a queued job is replaced in its place by a newer one with the same label; started ones are not', async () => {
    const q = new AnswerQueue(60_000);
    q.requestStarted(); // hold everything in line
    const ran: string[] = [];
    const push = (name: string, latest?: string) =>
      q.push(
        async () => {
          ran.push(name);
        },
        undefined,
        latest,
      );
    const all = [push('ann: A', 'ann:poll'), push('bob: A', 'bob:poll'), push('ann: B', 'ann:poll'), push('x')];
    expect(q.size).toBe(3);
    q.requestFinished();
    await Promise.all(all);
    // Replaceable jobs have their own line: in order among themselves.
    expect(ran.filter((n) => n !== 'x')).toEqual(['ann: B', 'bob: A']);
    expect(ran).toContain('x');
    await push('ann: C', 'ann:poll');
    expect(ran.at(-1)).toBe('ann: C');
  });

  it('starts at most maxReplies replaceable jobs at once; the rest wait in line, where newer ones replace them', async () => {
    const q = new AnswerQueue(0, 2_000, 1_024, 16, 2);
    const release: (() => void)[] = [];
    const ran: string[] = [];
    const hang = (name: string) => () =>
      new Promise<void>((r) => {
        ran.push(name);
        release.push(r);
      });
    const all = [q.push(hang('ann: A'), undefined, 'ann'), q.push(hang('bob: A'), undefined, 'bob')];
    all.push(q.push(hang('cid: A'), undefined, 'cid'), q.push(hang('cid: B'), undefined, 'cid'));
    // Other answers are not held back by replies in flight.
    await q.push(async () => void ran.push('answer'));
    await new Promise(setImmediate);
    expect([...ran].sort()).toEqual(['ann: A', 'answer', 'bob: A']);
    release.shift()!();
    await all[0];
    await new Promise(setImmediate);
    expect(ran.at(-1)).toBe('cid: B');
    expect(ran).toHaveLength(4);
    for (const r of release.splice(0)) r();
    await Promise.all(all);
    await q.drain();
    expect(q.size).toBe(0);
  });

  it('under load, a reply waits replyWaitMs (replaced meanwhile) while an answer behind it waits only maxWaitMs', async () => {
    const q = new AnswerQueue(10, 2_000, 1_024, 16, 64, 60_000);
    q.requestStarted(); // a storm: some request always awaits its ack
    const ran: string[] = [];
    const reply = (name: string) => q.push(async () => void ran.push(name), undefined, 'ann:poll');
    const first = reply('ann: A');
    await q.push(async () => void ran.push('answer'));
    expect(ran).toEqual(['answer']);
    const second = reply('ann: B');
    q.requestFinished(); // acknowledged: the reply goes at once
    await Promise.all([first, second]);
    expect(ran).toEqual(['answer', 'ann: B']);
  });
});
