import damerau from 'damerau-levenshtein';
import { distance } from 'fastest-levenshtein';
import { stem } from './analyse.js';
import { spokenRank } from './everyday.js';
import { tokens } from './query.js';

/**
 * What correction reads of the index: whether it has a word, its terms (stems) that start with a prefix
 * and in how many claims each occurs (an FTS5 vocabulary range: a few ms at 100k claims), and a term as a
 * claim the asker can see writes it.
 */
export interface SpellingIndex {
  knows(word: string): boolean;
  terms(prefix: string): [term: string, claims: number][];
  surface(term: string): string | undefined;
}

/**
 * Edits between a word and how a claim writes the term, a swap of neighbouring letters counting as one
 * ("memroy", "goroutnie"): the commonest typo, which plain Levenshtein counts twice, so a swap plus a
 * plural ("goroutnie" → "goroutines") was out of reach. Only for the few finalists: it is ~20× slower
 * than the bit-parallel Levenshtein that picks them from every term with the same first letters.
 */
const swapsAsOne = (a: string, b: string): number => damerau(a, b).steps;

/** Edits a misspelling may be away from the word meant: none for short words, where a typo is a new word. */
const maxEdits = (word: string) => (word.length >= 6 ? 2 : word.length >= 5 ? 1 : 0);

/**
 * The index's word a misspelt question word stands for ("pyhton" → "python", "memroy" → "memory"), or
 * undefined. Only a word neither spoken English nor the index knows is corrected — "investors" and "imo"
 * stay as typed — to a term sharing its first two letters and a few edits away from its stem; the closest,
 * then the most used, wins, written as a claim the asker can see writes it. A word with no such term may
 * be two words run together.
 */
export function correction(word: string, index: SpellingIndex): string | undefined {
  const edits = maxEdits(word);
  // Cheapest first: spoken English is a map lookup, the index's document frequency a query (cached).
  if (edits === 0 || /\d/.test(word) || spokenRank(word) !== undefined || index.knows(word)) return undefined;
  // Terms near the word's stem are candidates; each is judged by how its claims write it (one query each).
  const own = stem(word);
  const near = index
    .terms(word.slice(0, 2))
    .map(([term, uses]) => ({ term, uses, d: distance(own, term) }))
    .filter((n) => n.d <= edits + 1)
    .sort((a, b) => a.d - b.d || b.uses - a.uses)
    .slice(0, 8);
  let best: { written: string; d: number; uses: number } | undefined;
  for (const n of near) {
    const written = index.surface(n.term);
    const d = written === undefined ? Infinity : swapsAsOne(word, written);
    if (d <= edits && (!best || d < best.d || (d === best.d && n.uses > best.uses)))
      best = { written: written!, d, uses: n.uses };
  }
  return best?.written ?? compoundSplit(word, index);
}

/**
 * "realtime" → "real time", "threadsafe" → "thread safe", "webserver" → "web server": two words of spoken
 * English that the index knows, typed as one. The first split that works wins (the shorter first word).
 */
function compoundSplit(word: string, index: SpellingIndex): string | undefined {
  for (let i = 3; i <= word.length - 3; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (spokenRank(a) !== undefined && spokenRank(b) !== undefined && index.knows(a) && index.knows(b))
      return `${a} ${b}`;
  }
  return undefined;
}

/**
 * The question with each misspelt word replaced by the index's word; the same string when none is. Words
 * in `keep` (the names the question gives: "actix-web", "Kotlin") are never corrected: a name the sources
 * don't cover must stay one, not become the nearest word they do.
 */
export function correctSpelling(question: string, index: SpellingIndex, keep: ReadonlySet<string> = new Set()): string {
  const fixes = new Map<string, string>();
  for (const t of new Set(tokens(question))) {
    if (keep.has(t)) continue;
    const fixed = correction(t, index);
    if (fixed) fixes.set(t, fixed);
  }
  if (fixes.size === 0) return question;
  return question.replace(/[\p{L}\p{N}]+/gu, (t) => fixes.get(t.toLowerCase()) ?? t);
}
