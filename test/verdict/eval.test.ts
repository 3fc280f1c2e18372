import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMatrix } from '../../src/matrix/definition.js';
import { infer } from '../../src/verdict/infer.js';
import { loadLexicon } from '../../src/verdict/lexicon.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';
import { DEV, factorRight, loadSituations, OWN, SEALED, score } from './situations.js';

/**
 * Floors for `npm run eval:verdict`, so the lexicon cannot regress silently. A factor counts right when its
 * inferred state equals the label: open = open, yes/no exactly, importance (1–5) within one level.
 * Measured when pinned: dev 1.000, own 0.998, sealed 0.948 (issue 25 asks for at least 0.85); leaving every
 * factor open scores dev 0.845, own 0.886, sealed 0.860, so the floors sit above that.
 */
const FLOORS = { dev: 0.98, own: 0.97, sealed: 0.9 };

const matrix = loadMatrix(join(REAL_KNOWLEDGE, 'matrix.yaml'));
const lexicon = loadLexicon(join(REAL_KNOWLEDGE, 'verdict.yaml'), matrix)!;
const read = (text: string) => infer(text, lexicon, matrix);

describe('verdict factor accuracy on the labelled situations', () => {
  it('counts a factor right by the stated rule', () => {
    expect(factorRight('yes-no', undefined, undefined)).toBe(true);
    expect(factorRight('yes-no', 'yes', undefined)).toBe(false);
    expect(factorRight('yes-no', undefined, 'no')).toBe(false);
    expect(factorRight('yes-no', 'yes', 'no')).toBe(false);
    expect(factorRight('importance', '2', '3')).toBe(true);
    expect(factorRight('importance', '2', '4')).toBe(false);
  });

  it.each(Object.entries({ dev: DEV, own: OWN, sealed: SEALED }))('%s set stays above its floor', (name, path) => {
    const items = loadSituations(path);
    if (!items) return; // a checkout without the set (it is written by another helper)
    // Only the aggregate is asserted and reported: a failure must not print a sealed item.
    const { accuracy } = score(matrix, items, read);
    expect(accuracy >= FLOORS[name as keyof typeof FLOORS], `${name} accuracy ${accuracy}`).toBe(true);
  });
});
