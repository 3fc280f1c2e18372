import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type EvalQuestion, loadQuestions, QUESTIONS_PATH } from './questions.js';

/**
 * Two question sets. `dev` (questions.yaml) is the one ranking work may read, misses and all. `sealed`
 * (sealed/*.yaml) was written by helpers who read only the source articles — never the digests, the index
 * or any answer — and nobody reads its misses while changing ranking: the eval prints its aggregates only.
 */
export type SetName = 'dev' | 'sealed';
export const SEALED_DIR = resolve(import.meta.dirname, 'sealed');

export function loadSealed(dir = SEALED_DIR): EvalQuestion[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.flatMap((f) => loadQuestions(join(dir, f)));
}

export function loadSet(name: SetName): EvalQuestion[] {
  return name === 'dev' ? loadQuestions(QUESTIONS_PATH) : loadSealed();
}
