import { distance } from 'fastest-levenshtein';
import { spokenRank } from './everyday.js';
import { tokens } from './query.js';

/** The words claims are written in, with how many claims use each. */
export type Vocabulary = ReadonlyMap<string, number>;

/** Edits a misspelling may be away from the word meant: none for short words, where a typo is a new word. */
const maxEdits = (word: string) => (word.length >= 8 ? 2 : word.length >= 6 ? 2 : word.length >= 5 ? 1 : 0);

/**
 * The index's word a misspelt question word stands for ("pyhton" → "python", "memroy" → "memory"), or
 * undefined. Only a word neither the index nor spoken English knows is corrected — "investors" and "imo"
 * stay as typed — and only to a word that differs by few edits; the most used such word wins.
 */
export function correction(word: string, index: SpellingIndex): string | undefined {
  const edits = maxEdits(word);
  if (edits === 0 || /\d/.test(word) || index.knows(word) || spokenRank(word) !== undefined) return undefined;
  const vocabulary = index.vocabulary();
  if (vocabulary.has(word)) return undefined;
  let best: { word: string; d: number; uses: number } | undefined;
  for (const [known, uses] of vocabulary) {
    if (Math.abs(known.length - word.length) > edits || known[0] !== word[0]) continue;
    const d = distance(word, known);
    if (d <= edits && (!best || d < best.d || (d === best.d && uses > best.uses))) best = { word: known, d, uses };
  }
  return best?.word;
}

/** What correction reads of the index: whether it has a word (cheap), and its whole vocabulary (built once). */
export interface SpellingIndex {
  knows(word: string): boolean;
  vocabulary(): Vocabulary;
}

/** The question with each misspelt word replaced by the index's word; the same string when none is. */
export function correctSpelling(question: string, index: SpellingIndex): string {
  const fixes = new Map<string, string>();
  for (const t of new Set(tokens(question))) {
    const fixed = correction(t, index);
    if (fixed) fixes.set(t, fixed);
  }
  if (fixes.size === 0) return question;
  return question.replace(/[\p{L}\p{N}]+/gu, (t) => fixes.get(t.toLowerCase()) ?? t);
}
