import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadMatrix, type Matrix } from '../matrix/definition.js';
import { channelOf } from '../matrix/walk-outcome.js';
import type { WeightChange } from '../matrix/weights.js';
import { decide, type Verdict } from './decide.js';
import { type Lexicon, loadLexicon } from './lexicon.js';

/** A sentence the lexicon is run against at start, so the first verdict does not pay for compiling it (~60 ms). */
const WARM_UP = 'four of us, no real-time needs, ~2k rps, 256MB RAM, we used to do ML, hire 5 engineers, MVP by spring';

/** Reads situations into verdicts under a channel's weight changes: what an answer worker runs. Pure. */
export interface Decider {
  decide(situation: string, changes: readonly WeightChange[]): Verdict;
}

export function decider(matrix: Matrix, lexicon: Lexicon): Decider {
  const d: Decider = { decide: (situation, changes) => decide(situation, lexicon, channelOf(matrix, changes)) };
  d.decide(WARM_UP, []);
  return d;
}

/** The knowledge folder's matrix.yaml and verdict.yaml as a decider; undefined when either is absent. */
export function loadDecider(knowledgeDir: string): Decider | undefined {
  const matrixPath = join(knowledgeDir, 'matrix.yaml');
  if (!existsSync(matrixPath)) return undefined;
  const matrix = loadMatrix(matrixPath);
  const lexicon = loadLexicon(join(knowledgeDir, 'verdict.yaml'), matrix);
  return lexicon && decider(matrix, lexicon);
}
