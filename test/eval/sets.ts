import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type EvalQuestion, loadQuestions, QUESTIONS_PATH } from './questions.js';

/**
 * Three question sets. `dev` (questions.yaml, written from the digests) and `tune` (tune/*.yaml, written by
 * helpers from the source articles alone, in the words people type in chat) are the ones ranking work may
 * read, misses and all. `sealed` (sealed/*.yaml) was written the same way as `tune` by other helpers, and
 * nobody reads its misses while changing ranking: the eval prints its aggregates only.
 */
export type SetName = 'dev' | 'tune' | 'sealed';
export const SEALED_DIR = resolve(import.meta.dirname, 'sealed');
export const TUNE_DIR = resolve(import.meta.dirname, 'tune');

/** Every set in a folder of YAML files, in file-name order; none when the folder is absent. */
export function loadFolder(dir: string): EvalQuestion[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.flatMap((f) => loadQuestions(join(dir, f)));
}

export const loadSealed = (dir = SEALED_DIR): EvalQuestion[] => loadFolder(dir);

export function loadSet(name: SetName): EvalQuestion[] {
  if (name === 'dev') return loadQuestions(QUESTIONS_PATH);
  return loadFolder(name === 'tune' ? TUNE_DIR : SEALED_DIR);
}
