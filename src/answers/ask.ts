import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { AnswersStore, StoredClaim } from './answers-store.js';
import { ftsMatch, queryTerms, stem, tokens } from './query.js';

/** Everyday question words → words the digests use for the same idea. */
const QUESTION_SYNONYMS: Record<string, string[]> = {
  start: ['initial', 'begin', 'spawn'],
  starts: ['initial', 'begin', 'spawn'],
  fast: ['speed', 'faster', 'performance', 'throughput'],
  faster: ['speed', 'performance', 'benchmark'],
  slow: ['slower', 'latency', 'overhead'],
  cost: ['bill', 'expensive', 'cheaper'],
  hire: ['hiring', 'talent', 'salary'],
  big: ['size', 'memory'],
  ram: ['memory'],
  threshold: ['wall', 'scale'],
};

const QUANTITATIVE = /\b(?:how (?:much|many|fast|big|long|slow)|what is the|figure|number|benchmark|\d)/i;

export interface AskOptions {
  limit?: number;
  offset?: number;
  /** The earlier question in a thread: its words help, the new question's words lead. */
  context?: string | undefined;
}

export interface ScoredClaim extends StoredClaim {
  score: number;
}

export interface AskResult {
  query: string;
  terms: string[];
  topics: string[];
  claims: ScoredClaim[];
  /** How many relevant claims exist beyond this page. */
  total: number;
}

const CANDIDATES = 60;
/**
 * Rows FTS5 may rank per query. Ranking cost grows with every matching row, so the OR pass searches
 * with the rarest words of the question until this budget is spent; common words still count when
 * candidates are re-ranked. On a small knowledge base nothing is ever left out.
 */
const ROW_BUDGET = 1_500;

interface Term {
  w: string;
  df: number;
}

function withFrequency(store: AnswersStore, words: string[]): Term[] {
  return (
    [...new Set(words)]
      // A phrase must read every word's doclist: cost it as its most common word.
      .map((w) => ({ w, df: Math.max(0, ...tokens(w).map((t) => store.documentFrequency(t))) }))
      .filter((x) => x.df > 0)
      .sort((a, b) => a.df - b.df)
  );
}

/** The rarest terms whose matches fit the budget; the single rarest when even it is over (up to 1.5×). */
function withinBudget(terms: Term[]): string[] {
  const picked: string[] = [];
  let rows = 0;
  for (const t of terms) {
    if (rows + t.df > ROW_BUDGET && !(picked.length === 0 && t.df <= 1.5 * ROW_BUDGET)) break;
    picked.push(t.w);
    rows += t.df;
  }
  return picked;
}

function candidates(
  store: AnswersStore,
  main: Term[],
  extra: Term[],
  context: Term[],
  topics: string[],
): StoredClaim[] {
  const found = new Map<number, StoredClaim>();
  const add = (cs: StoredClaim[]) =>
    cs.forEach((c) => {
      if (!found.has(c.rowid)) found.set(c.rowid, c);
    });
  // Claims with every word of the question are the best answers, and an AND query ranks only those.
  // It can match no more rows than its rarest word does.
  if (main.length >= 2 && main[0]!.df <= ROW_BUDGET)
    add(
      store.searchClaims(
        ftsMatch(
          main.map((t) => t.w),
          [],
          'AND',
        ),
        CANDIDATES,
      ),
    );
  if (found.size < CANDIDATES / 2) {
    const pool = [...main, ...extra.slice(0, 4), ...context.slice(0, 3)].sort((a, b) => a.df - b.df);
    const picked = withinBudget(pool);
    if (picked.length) add(store.searchClaims(ftsMatch(picked), CANDIDATES));
    else {
      // Only very common words: the topic's strongest evidence, then claims with all the words, then any.
      for (const t of topics) add(store.claimsForTopic(t, CANDIDATES / 4));
      const words = main.map((t) => t.w);
      if (words.length > 1) add(store.anyClaims(ftsMatch(words, [], 'AND'), CANDIDATES / 2));
      if (found.size < CANDIDATES / 2 && words.length) add(store.anyClaims(ftsMatch(words), CANDIDATES / 2));
    }
  }
  return [...found.values()];
}

export function ask(store: AnswersStore, taxonomy: Taxonomy, question: string, opts: AskOptions = {}): AskResult {
  const limit = opts.limit ?? 5;
  const offset = opts.offset ?? 0;
  const q = queryTerms(question);
  const ctx = opts.context ? queryTerms(opts.context) : { terms: [], sides: [] };
  const sides = q.sides.length ? q.sides : ctx.sides;
  const topics = taxonomy.topicsOf(question);
  const extra = [...q.terms.flatMap((t) => QUESTION_SYNONYMS[t] ?? []), ...taxonomy.expand(q.terms)];
  const contextTerms = ctx.terms.filter((t) => !q.terms.includes(t)).slice(0, 8);
  const empty: AskResult = { query: question, terms: q.terms, topics, claims: [], total: 0 };
  const pool = candidates(
    store,
    withFrequency(store, q.terms),
    withFrequency(store, extra),
    withFrequency(store, contextTerms),
    topics,
  );
  if (pool.length === 0) return empty;

  const main = q.terms.map(stem);
  const side = contextTerms.map(stem);
  const quantitative = QUANTITATIVE.test(question);
  const scored = pool.map((c): ScoredClaim => {
    const words = new Set(tokens(`${c.text} ${c.citation.section}`).map(stem));
    const hits = main.filter((t) => words.has(t)).length;
    const ctxHits = side.filter((t) => words.has(t)).length;
    let score = -(c.rank ?? 0);
    score += main.length ? (3 * hits) / main.length : 0;
    score += side.length ? ctxHits / side.length : 0;
    score += Math.min(2, topics.filter((t) => c.topics.includes(t)).length);
    if (sides.length === 1) score += c.side === sides[0] ? 1.5 : c.side === 'both' ? 0.4 : 0;
    if (quantitative && c.figures.length > 0) score += 2;
    score += { benchmark: 0.6, fact: 0.4, recommendation: 0.1, anecdote: 0, opinion: -0.3 }[c.kind];
    // Shorter claims that cover the words are crisper answers than long ones that mention them in passing.
    score -= Math.min(1, c.text.length / 600);
    // Relevance gate: a claim must share a word with the question (or its thread), not only a synonym.
    const relevant = hits > 0 || ctxHits > 0 || (main.length === 0 && topics.some((t) => c.topics.includes(t)));
    return { ...c, score: relevant ? Math.round(score * 1000) / 1000 : Number.NEGATIVE_INFINITY };
  });
  const ranked = scored.filter((c) => Number.isFinite(c.score)).sort((a, b) => b.score - a.score);
  return { ...empty, claims: ranked.slice(offset, offset + limit), total: ranked.length };
}
