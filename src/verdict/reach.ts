import type { Direction } from '../matrix/scoring.js';

/**
 * Which verdict directions some answers to the open factors could give. A verdict depends on the net pull N,
 * the sum of pulls M and whether some factor pulls hard (≥ 2) each way (matrix/scoring.ts classify):
 *   Go:     N/M ≥ 0.5, or N/M ≥ 0.15 without hard pulls both ways (Python the mirror image);
 *   Split:  hard pulls both ways and |N/M| < 0.5;
 *   Toss-up: |N/M| < 0.15 without hard pulls both ways; no signal: M = 0.
 * "N/M ≥ t" is Σ(n − t·|n|) ≥ 0 over the factors' pulls n, a sum each factor adds to on its own, so the
 * largest reachable value is each factor's best answer (1-D). "|N/M| < t" needs two such sums at once,
 * solved over a Pareto front of (Σ n − t|n|, Σ n + t|n|). Both are exact and take microseconds, where listing
 * every combination of 14 open answers took up to 300 ms.
 */

/** Each open factor's possible pulls (net, Go positive), its answer "not sure" (0) among them. */
export type Options = readonly number[];

const HARD = 2;
const STRONG = 0.5;
const LEAN = 0.15;
const EPS = 1e-9;

const lo = (t: number) => (n: number) => n - t * Math.abs(n);
const hi = (t: number) => (n: number) => n + t * Math.abs(n);

export function reachableDirections(fixed: readonly number[], open: readonly Options[]): Set<Direction> {
  const out = new Set<Direction>();
  const hardGo = fixed.some((n) => n >= HARD);
  const hardPython = fixed.some((n) => n <= -HARD);
  if (fixed.every((n) => n === 0)) out.add('no-signal');
  if (leans(fixed, open, hardGo, hardPython)) out.add('go');
  const mirror = (ns: readonly number[]) => ns.map((n) => -n);
  if (leans(mirror(fixed), open.map(mirror), hardPython, hardGo)) out.add('python');
  if (within(fixed, open, STRONG, 'both')) out.add('split');
  if (within(fixed, open, LEAN, 'not-both')) out.add('toss-up');
  return out;
}

/** Can the ratio reach ≥ 0.5, or ≥ 0.15 with no hard pull against it (Go; Python by mirroring)? */
function leans(fixed: readonly number[], open: readonly Options[], hardFor: boolean, hardAgainst: boolean) {
  const best = (t: number, allowed: (n: number) => boolean) => {
    const f = lo(t);
    let sum = fixed.reduce((a, n) => a + f(n), 0);
    let net = fixed.reduce((a, n) => a + n, 0);
    for (const o of open) {
      const pick = o.filter(allowed).reduce((a, n) => (f(n) > f(a) ? n : a), 0);
      sum += f(pick);
      net += pick;
    }
    return sum >= -EPS && net > EPS;
  };
  if (best(STRONG, () => true)) return true;
  // Lean needs no hard pull both ways: with one already against it, no hard pull may be added for it.
  if (!hardAgainst) return best(LEAN, (n) => n > -HARD);
  return !hardFor && best(LEAN, (n) => n < HARD);
}

interface Point {
  lo: number;
  hi: number;
}

/** Is |N/M| < t reachable, with hard pulls both ways ('both', split) or not ('not-both', toss-up)? */
function within(fixed: readonly number[], open: readonly Options[], t: number, flags: 'both' | 'not-both'): boolean {
  const [l, h] = [lo(t), hi(t)];
  const flagOf = (n: number) => (n >= HARD ? 1 : 0) | (n <= -HARD ? 2 : 0);
  // One Pareto front per set of hard pulls (bit 1: Go, bit 2: Python): low lo and high hi are better.
  let fronts = new Map<number, Point[]>([
    [
      fixed.reduce((a, n) => a | flagOf(n), 0),
      [{ lo: fixed.reduce((a, n) => a + l(n), 0), hi: fixed.reduce((a, n) => a + h(n), 0) }],
    ],
  ]);
  for (const o of open) {
    const next = new Map<number, Point[]>();
    for (const [flag, front] of fronts)
      for (const n of o) {
        const f = flag | flagOf(n);
        const list = next.get(f) ?? [];
        for (const p of front) list.push({ lo: p.lo + l(n), hi: p.hi + h(n) });
        next.set(f, list);
      }
    fronts = new Map([...next].map(([f, ps]) => [f, pareto(ps)]));
  }
  return [...fronts].some(
    ([flag, ps]) => (flags === 'both') === (flag === 3) && ps.some((p) => p.lo < -EPS && p.hi > EPS),
  );
}

/** The points no other point beats on both lo (lower) and hi (higher). */
function pareto(ps: Point[]): Point[] {
  ps.sort((a, b) => a.lo - b.lo || b.hi - a.hi);
  const out: Point[] = [];
  let bestHi = Number.NEGATIVE_INFINITY;
  for (const p of ps)
    if (p.hi > bestHi + EPS) {
      out.push(p);
      bestHi = p.hi;
    }
  return out;
}
