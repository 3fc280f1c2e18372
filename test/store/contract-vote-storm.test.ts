import { describe, expect, it } from 'vitest';
import { PollStore, type VoteOutcome } from '../../src/polls/poll-store.js';
import { BACKENDS, useStore } from './backends.js';

/**
 * Issue 15's central guarantee: one vote per (poll, user), however many replicas take clicks at once. A storm
 * of concurrent clicks — double clicks on the same option (retract) mixed with other options — from several
 * handles on one database; then every outcome returned must fit some serial order that ends in the stored state.
 */

const USERS = 20;
const CLICKS_PER_USER = 10;
const OPTIONS = ['Go', 'Python', 'Both'];
const T0 = Date.parse('2026-01-05T09:00:00.000Z');

interface Click {
  user: string;
  option: number;
  /** Unique per click, and written as voted_at: the stored row names the click that wrote it. */
  at: string;
  outcome?: VoteOutcome;
}

/** A small seeded generator, so every run clicks the same way (only the interleaving varies). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NONE = -1;

/** The option a user holds after `c` from `state`, or undefined when `c`'s outcome is impossible there. */
function step(state: number, c: Click): number | undefined {
  const o = c.outcome!;
  if (o.kind === 'voted') return state === NONE && o.option === c.option ? c.option : undefined;
  if (o.kind === 'changed') return state !== NONE && state !== c.option && o.option === c.option ? c.option : undefined;
  if (o.kind === 'retracted') return state === c.option && o.option === c.option ? NONE : undefined;
  return undefined; // every click here is on an open poll and a real option
}

/**
 * Whether one user's clicks, with the outcomes they returned, can be put in a serial order from "no vote"
 * that ends with `last` (the click whose voted_at is stored; undefined when no vote is stored) in `final`.
 */
function serialisable(clicks: Click[], final: number, last: Click | undefined): boolean {
  const rest = clicks.filter((c) => c !== last);
  const seen = new Set<string>();
  const search = (used: number, state: number): boolean => {
    if (used === (1 << rest.length) - 1) return last ? step(state, last) === final : state === final;
    const key = `${used}:${state}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return rest.some((c, i) => {
      if (used & (1 << i)) return false;
      const next = step(state, c);
      return next !== undefined && search(used | (1 << i), next);
    });
  };
  return search(0, NONE);
}

const userName = (u: number) => `U${String(u).padStart(2, '0')}`;

/** `count` clicks round-robin over `users` users, mostly on two options each so many repeat (retract). */
function clicksFor(users: number, count: number, seed: number): Click[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => ({
    user: userName(i % users),
    option: rand() < 0.8 ? (i % users) % 2 : 2,
    at: new Date(T0 + 1000 + i).toISOString(),
  }));
}

/**
 * Checks the stored votes against the outcomes the clicks returned: one row per user, written by one of their
 * successful clicks, and each user's successful outcomes fit a serial order ending in that row. Returns how
 * many successful (not refused) clicks there were.
 */
async function expectSerialHistory(p: PollStore, clicks: Click[], users: number): Promise<number> {
  const voters = await p.voters('p1');
  const byUser = new Map(voters.map((v) => [v.userId, v]));
  expect(byUser.size).toBe(voters.length);
  const applied = clicks.filter((c) => c.outcome!.kind !== 'closed');
  let holding = 0;
  for (let u = 0; u < users; u++) {
    const user = userName(u);
    const mine = applied.filter((c) => c.user === user);
    const stored = byUser.get(user);
    const last = stored && mine.find((c) => c.at === stored.votedAt);
    if (stored) {
      expect(last, `${user}'s stored vote was written by one of their clicks`).toBeDefined();
      expect(last!.outcome).toMatchObject({ kind: expect.stringMatching(/^(voted|changed)$/), option: stored.option });
      holding++;
    }
    // Net effect: each user's votes minus retractions is the vote they hold now (0 or 1).
    const count = (kind: string) => mine.filter((c) => c.outcome!.kind === kind).length;
    expect(count('voted') - count('retracted'), user).toBe(stored ? 1 : 0);
    expect(serialisable(mine, stored?.option ?? NONE, last), `${user}'s outcomes fit a serial order`).toBe(true);
  }
  const tally = await p.tally('p1', OPTIONS.length);
  expect(tally.total).toBe(holding);
  expect(tally.counts).toEqual(OPTIONS.map((_, o) => voters.filter((v) => v.option === o).length));
  return applied.length;
}

describe.each(BACKENDS)('concurrent votes on $name', (backend) => {
  const store = useStore(backend);

  const setup = async () => {
    const stores = (await store().replicas(3)).map((s) => new PollStore(s));
    await stores[0]!.create({
      id: 'p1',
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      creatorId: 'Uann',
      question: 'Go or Python?',
      kind: 'custom',
      anonymous: false,
      createdAt: new Date(T0).toISOString(),
      closesAt: new Date(T0 + 3_600_000).toISOString(),
      options: OPTIONS,
    });
    const click = (c: Click, i: number) =>
      stores[i % stores.length]!.vote('p1', c.user, c.option, c.at).then((o) => {
        c.outcome = o;
      });
    return { stores, click };
  };

  it('200 concurrent clicks from 20 users on 3 handles keep one vote per user, in a serialisable history', async () => {
    const { stores, click } = await setup();
    const clicks = clicksFor(USERS, USERS * CLICKS_PER_USER, 15);
    await Promise.all(clicks.map(click));
    const kinds = new Set(clicks.map((c) => c.outcome!.kind));
    expect(kinds).toEqual(new Set(['voted', 'changed', 'retracted'])); // the storm exercised every path
    expect(await expectSerialHistory(stores[0]!, clicks, USERS)).toBe(clicks.length);
    // Clicks that meet while a transaction commits share the next (VoteWriter), so the version counts
    // transactions: it moved, and never more often than there were clicks.
    const version = (await stores[0]!.get('p1'))!.version!;
    expect(version).toBeGreaterThanOrEqual(1);
    expect(version).toBeLessThanOrEqual(clicks.length);
  });

  it('a close racing 120 clicks: each click lands before it or is refused, and nothing changes after', async () => {
    const { stores, click } = await setup();
    const clicks = clicksFor(10, 120, 16);
    // Half the clicks go out; when the first is answered, the close and the other half go out together.
    let closed: Promise<boolean> | undefined;
    let second: Promise<unknown> | undefined;
    const startRest = () => {
      if (closed) return;
      closed = stores[1]!.close('p1', new Date(T0 + 2000).toISOString(), 'scheduler');
      second = Promise.all(clicks.slice(60).map((c, i) => click(c, i + 60)));
    };
    await Promise.all(clicks.slice(0, 60).map((c, i) => click(c, i).then(startRest)));
    await second;
    expect(await closed).toBe(true);
    const applied = await expectSerialHistory(stores[2]!, clicks, 10);
    expect(applied).toBeGreaterThanOrEqual(1);
    const atClose = (await stores[0]!.get('p1'))!.version!;
    expect(atClose).toBeGreaterThanOrEqual(2); // at least one vote transaction, then the close
    expect(atClose).toBeLessThanOrEqual(applied + 1);
    const after = clicksFor(10, 10, 17).map((c) => ({ ...c, at: new Date(T0 + 5000).toISOString() }));
    await Promise.all(after.map(click));
    expect(after.every((c) => c.outcome!.kind === 'closed')).toBe(true);
    expect((await stores[0]!.get('p1'))!.version).toBe(atClose); // refused clicks change nothing
  });
});
