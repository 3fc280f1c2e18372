import type { QueryAnalysis, QueryWord } from './analyse.js';
import type { AnswersStore, StoredClaim } from './answers-store.js';
import { ftsMatch } from './query.js';

/** A claim found by the search stage, with how it was found. */
export interface Candidate extends StoredClaim {
  /** bm25 of the question's own words (lower is better); undefined when found only by other means. */
  ownRank?: number | undefined;
  /** bm25 of the thesaurus and thread-context words. */
  aidRank?: number | undefined;
}

const POOL = 80;
const AID_POOL = 30;
/**
 * Rows FTS5 may rank per query. Ranking cost grows with every matching row, so when a question's words
 * match more than this, the search ranks with its rarest words, plus the claims that have one of those
 * *and* a left-out word; the rest still count when candidates are scored. On a small knowledge base
 * nothing is ever left out. Measured by `npm run bench` (top-5 overlap with exhaustive bm25): at 100k
 * claims a 1,500-row budget alone kept 0.45 of the exhaustive top 5; 5,000 with the intersection 0.97.
 */
const ROW_BUDGET = 5_000;

interface Term {
  w: string;
  df: number;
}

function withFrequency(store: AnswersStore, words: QueryWord[]): Term[] {
  return words
    .map((x) => ({ w: x.word, df: store.documentFrequency(x.word) }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df);
}

/** The rarest terms whose matches fit the budget; the single rarest when even it is over (up to 1.5×). */
function withinBudget(terms: Term[], budget = ROW_BUDGET): string[] {
  const picked: string[] = [];
  let rows = 0;
  for (const t of terms) {
    if (rows + t.df > budget && !(picked.length === 0 && t.df <= 1.5 * budget)) break;
    picked.push(t.w);
    rows += t.df;
  }
  return picked;
}

/**
 * Stage 2: candidates from FTS5 over separately weighted columns. The question's own words and the aids
 * (thesaurus, thread context) are searched separately, so an aid can widen recall but its bm25 never
 * mixes with, or outweighs, the question's own.
 */
export function findCandidates(store: AnswersStore, q: QueryAnalysis, rowBudget = ROW_BUDGET): Candidate[] {
  const found = new Map<number, Candidate>();
  const own = withFrequency(store, q.words);
  const picked = withinBudget(own, rowBudget);
  if (picked.length) {
    for (const c of store.searchClaims(ftsMatch(picked), POOL)) found.set(c.rowid, { ...c, ownRank: c.rank });
    // Words left out of the ranking still decide coverage: claims with a ranked word *and* a left-out one
    // are the best covered. FTS5 ranks only that intersection, which stays small however common the words.
    const left = own.filter((t) => !picked.includes(t.w)).map((t) => t.w);
    if (left.length)
      for (const c of store.searchClaims(`(${ftsMatch(picked)}) AND (${ftsMatch(left)})`, POOL))
        if (!found.has(c.rowid)) found.set(c.rowid, { ...c, ownRank: c.rank });
  } else if (own.length) {
    // Only very common words: claims with all of them, unranked.
    const words = own.map((t) => t.w);
    for (const c of store.anyClaims(ftsMatch(words, [], words.length > 1 ? 'AND' : 'OR'), POOL / 2))
      found.set(c.rowid, c);
  }
  const aids = withinBudget(withFrequency(store, [...q.expansions, ...q.context.slice(0, 8)]), rowBudget);
  if (aids.length) {
    for (const c of store.searchClaims(ftsMatch(aids), AID_POOL)) {
      const known = found.get(c.rowid);
      if (known) known.aidRank = c.rank;
      else found.set(c.rowid, { ...c, aidRank: c.rank });
    }
  }
  return [...found.values()];
}
