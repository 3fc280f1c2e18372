import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isVersusError } from '../../src/errors.js';
import { loadMatrix } from '../../src/matrix/definition.js';
import { type Balance, classify, direction } from '../../src/matrix/scoring.js';
import { infer } from '../../src/verdict/infer.js';
import { loadLexicon } from '../../src/verdict/lexicon.js';
import { reachableDirections } from '../../src/verdict/reach.js';
import { numbers } from '../../src/verdict/text.js';
import { REAL_KNOWLEDGE, tempDir } from '../helpers/core.js';

const matrix = loadMatrix(join(REAL_KNOWLEDGE, 'matrix.yaml'));
const lexicon = loadLexicon(join(REAL_KNOWLEDGE, 'verdict.yaml'), matrix)!;
const read = (text: string) =>
  Object.fromEntries(infer(text, lexicon, matrix).inferred.map((f) => [f.factorId, [f.value, f.quote]]));

describe('reading a situation: words, numbers and negation', () => {
  it('turns a cue around when a negation stands before or after it, within its clause', () => {
    expect(read('no real-time needs')).toEqual({ 'concurrent-connections': ['no', 'no real-time needs'] });
    expect(read('hiring isn’t a concern')).toEqual({ hiring: ['1', 'hiring isn’t a concern'] });
    // "no ORM" does not reach across the comma to "websockets".
    expect(read('no ORM, websockets everywhere')).toMatchObject({
      'batteries-included': ['no', 'no ORM'],
      'concurrent-connections': ['yes', 'websockets everywhere'],
    });
  });

  it('reads numbers with their units, and a number beats a word', () => {
    expect(read('~80k rps per node')['high-throughput']).toEqual(['yes', '~80k rps per node']);
    expect(read('maybe 300 rps')['high-throughput']?.[0]).toBe('no');
    expect(read('10 million requests a day')['high-throughput']?.[0]).toBe('no'); // ≈ 116 a second
    expect(read('realtime whiteboard, a few hundred concurrent users max')['concurrent-connections']?.[0]).toBe('no');
    expect(read('edge gateways with 256MB RAM')['memory-constrained']?.[0]).toBe('yes');
    expect(read('beefy 64GB boxes')['memory-constrained']?.[0]).toBe('no');
    expect(read('we need to grow from 4 to 15 backend engineers')).toMatchObject({ hiring: ['5', expect.any(String)] });
    // numbers() reads the folded (lower-cased) text, as infer() passes it.
    expect(numbers('a few hundred, 1.5m, 10,000 and fifty thousand').map((n) => n.value)).toEqual([
      300, 1_500_000, 10_000, 50_000,
    ]);
  });

  it('reads a clause about the past as the opposite of now, and drops its numbers', () => {
    expect(read('we used to do ML recommendations but ripped them out')['ml-data']?.[0]).toBe('1');
    expect(read('we used to have 50k rps at my old job but here it is maybe 300 rps')['high-throughput']?.[0]).toBe(
      'no',
    );
  });

  it('adjusts importance by the words around it and leaves equally strong disagreement open', () => {
    expect(read('some pandas')['ml-data']?.[0]).toBe('2');
    expect(read('numpy-heavy forecasting')['ml-data']?.[0]).toBe('5');
    expect(read('the team is split: two know Go, two know Python')['team-python']).toBeUndefined();
  });

  it('sets nothing from words that only look like cues', () => {
    // "AI" alone sets nothing; calling it marketing says there is no ML at all.
    expect(read("the 'AI' in our name is pure marketing")).toEqual({
      'ml-data': ['1', "the 'AI' in our name is pure marketing"],
    });
    expect(read('our AI startup')).toEqual({});
    expect(read('we are called DataPilot')).toEqual({});
    expect(read('in a city where Python devs are easy to find')['team-python']).toBeUndefined();
    expect(infer('honestly not sure yet', lexicon, matrix).open).toHaveLength(matrix.factors.length);
  });
});

describe('knowledge/verdict.yaml is checked against the matrix at start', () => {
  const t = tempDir();
  afterAll(t.cleanup);
  const load = (yaml: string) => {
    const path = join(t.dir, 'verdict.yaml');
    writeFileSync(path, yaml);
    try {
      loadLexicon(path, matrix);
      return 'loaded';
    } catch (e) {
      return isVersusError(e, 'knowledge_invalid') ? (e as Error).message : `unexpected: ${e}`;
    }
  };
  const head = 'version: 1\nnegation: { window: 3, before: [no] }\n';

  it('names a factor the matrix does not have, a scale mismatch and a broken pattern', () => {
    expect(load(`${head}factors: { nope: { yes: [x] } }`)).toMatch(/factor "nope" is not in matrix.yaml/);
    expect(load(`${head}factors: { ml-data: { yes: [x] } }`)).toMatch(/importance factor: use levels/);
    expect(load(`${head}factors: { cloud-native: { yes: ["(unclosed"] } }`)).toMatch(/not a valid regular expression/);
    expect(load(`${head}factors: { cloud-native: { yes: [k8s] } }`)).toBe('loaded');
  });

  it('is optional: without it the folder has no verdict', () => {
    expect(loadLexicon(join(t.dir, 'absent.yaml'), matrix)).toBeUndefined();
  });
});

describe('how far open factors could move a verdict', () => {
  /** Every combination of answers, classified: what reach.ts must agree with. */
  function bruteForce(fixed: number[], open: number[][]): Set<string> {
    const out = new Set<string>();
    const go = (i: number, pulls: number[]) => {
      if (i === open.length) {
        const b: Balance = {
          net: pulls.reduce((a, n) => a + n, 0),
          magnitude: pulls.reduce((a, n) => a + Math.abs(n), 0),
          hardGo: pulls.some((n) => n >= 2),
          hardPython: pulls.some((n) => n <= -2),
        };
        out.add(direction(classify(b)));
        return;
      }
      for (const n of open[i]!) go(i + 1, [...pulls, n]);
    };
    go(0, fixed);
    return out;
  }

  it('agrees with trying every combination, on 400 random matrices', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const pull = () => Math.round((rand() * 10 - 5) * 4) / 4;
    for (let i = 0; i < 400; i++) {
      const fixed = Array.from({ length: Math.floor(rand() * 4) }, pull);
      const open = Array.from({ length: Math.floor(rand() * 6) }, () => [0, pull(), pull()]);
      expect([...reachableDirections(fixed, open)].sort(), JSON.stringify({ fixed, open })).toEqual(
        [...bruteForce(fixed, open)].sort(),
      );
    }
  });
});
