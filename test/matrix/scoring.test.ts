import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/matrix/definition.js';
import { type Aggregate, aggregate, score } from '../../src/matrix/scoring.js';

const matrix: Matrix = {
  version: 1,
  title: 't',
  factors: [
    {
      id: 'rps',
      title: 'Throughput',
      question: 'Tens of thousands of requests per second?',
      scale: 'yes-no',
      weights: { yes: { go: 3, python: 0 }, no: { go: 0, python: 1 } },
      claims: ['a'],
      from: [],
    },
    {
      id: 'ml',
      title: 'ML integration',
      question: 'How important is ML integration to you?',
      scale: 'importance',
      weights: { go: 0, python: 4 },
      claims: ['b'],
      from: [],
    },
    {
      id: 'cpu',
      title: 'CPU-bound work',
      question: 'Is there heavy CPU work in requests?',
      scale: 'yes-no',
      weights: { yes: { go: 3, python: 0 }, no: { go: 0, python: 0 } },
      claims: ['c'],
      from: [],
    },
  ],
};
const f = (i: number) => matrix.factors[i]!;
const aggs = (...a: Aggregate[]) => new Map(matrix.factors.map((x, i) => [x.id, a[i]!]));

describe('decision-matrix scoring (hand-computed cases)', () => {
  it('GIVEN majority yes THEN yes; GIVEN a yes–no tie THEN not sure, shown as a tie', () => {
    expect(aggregate(f(0), ['yes', 'yes', 'no'])).toMatchObject({ kind: 'choice', value: 'yes', tie: false });
    expect(aggregate(f(0), ['yes', 'no'])).toMatchObject({ kind: 'choice', value: 'not-sure', tie: true });
    expect(aggregate(f(0), ['not-sure', 'not-sure', 'yes'])).toMatchObject({
      kind: 'choice',
      value: 'not-sure',
      tie: false,
    });
  });

  it('GIVEN importance answers THEN their mean, leaving out "not sure"', () => {
    expect(aggregate(f(1), ['5', '4', 'not-sure'])).toEqual({ kind: 'importance', mean: 4.5, answers: 2, notSure: 1 });
  });

  it('GIVEN all-Go answers THEN Go 6 vs Python 0, strong Go, deciding factors cited', () => {
    const card = score(matrix, aggs(aggregate(f(0), ['yes']), aggregate(f(1), ['1']), aggregate(f(2), ['yes'])));
    expect([card.go, card.python]).toEqual([6, 0]);
    expect(card.verdict.kind).toBe('strong-go');
    expect(card.deciding.map((c) => c.factorId)).toEqual(['rps', 'cpu']);
    expect(card.claims).toEqual(['a', 'c']);
  });

  it('GIVEN all-Python answers THEN Go 0 vs Python 5, strong Python', () => {
    const card = score(matrix, aggs(aggregate(f(0), ['no']), aggregate(f(1), ['5']), aggregate(f(2), ['no'])));
    expect([card.go, card.python]).toEqual([0, 5]);
    expect(card.verdict.kind).toBe('strong-python');
  });

  it('GIVEN factors pulling hard both ways THEN split it, naming both sides', () => {
    // rps yes: Go +3; ML importance 5: Python +4; cpu no: 0 → net −1 of 7, both pulls ≥ 2.
    const card = score(matrix, aggs(aggregate(f(0), ['yes']), aggregate(f(1), ['5']), aggregate(f(2), ['no'])));
    expect([card.go, card.python]).toEqual([3, 4]);
    expect(card.verdict.kind).toBe('split');
    expect(card.verdict.text).toMatch(
      /Go for the parts driven by throughput, Python for the parts driven by ml integration/,
    );
  });

  it('GIVEN a mixed result where one side pulls harder THEN lean, not split', () => {
    // rps yes: Go +3; ML importance mean 2.5 → Python 4 × 0.375 = 1.5 (under the 2-point split pull);
    // cpu not sure: 0. Net +1.5 of 4.5 = 0.33 → lean Go.
    const card = score(
      matrix,
      aggs(aggregate(f(0), ['yes']), aggregate(f(1), ['2', '3']), aggregate(f(2), ['not-sure'])),
    );
    expect([card.go, card.python]).toEqual([3, 1.5]);
    expect(card.verdict.kind).toBe('lean-go');
  });

  it('GIVEN a two-point pull each way that nearly cancels THEN split', () => {
    // rps yes: Go +3; ML importance 3 → Python +2; net +1 of 5 = 0.2 with both pulls ≥ 2.
    const card = score(matrix, aggs(aggregate(f(0), ['yes']), aggregate(f(1), ['3']), aggregate(f(2), ['not-sure'])));
    expect([card.go, card.python]).toEqual([3, 2]);
    expect(card.verdict.kind).toBe('split');
  });

  it('GIVEN all "not sure" THEN no signal', () => {
    const card = score(
      matrix,
      aggs(aggregate(f(0), ['not-sure']), aggregate(f(1), ['not-sure']), aggregate(f(2), ['not-sure'])),
    );
    expect([card.go, card.python]).toEqual([0, 0]);
    expect(card.verdict.kind).toBe('no-signal');
  });

  it('GIVEN skipped steps THEN they score zero and show as skipped', () => {
    const card = score(matrix, aggs({ kind: 'skipped' }, { kind: 'skipped' }, aggregate(f(2), ['yes'])));
    expect([card.go, card.python]).toEqual([3, 0]);
    expect(card.contributions[0]!.aggregate.kind).toBe('skipped');
    expect(card.verdict.kind).toBe('strong-go');
  });
});
