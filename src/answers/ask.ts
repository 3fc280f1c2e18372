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

const CANDIDATES = 80;

export function ask(store: AnswersStore, taxonomy: Taxonomy, question: string, opts: AskOptions = {}): AskResult {
  const limit = opts.limit ?? 5;
  const offset = opts.offset ?? 0;
  const q = queryTerms(question);
  const ctx = opts.context ? queryTerms(opts.context) : { terms: [], sides: [] };
  const sides = q.sides.length ? q.sides : ctx.sides;
  const topics = taxonomy.topicsOf(question);
  const extra = [...q.terms.flatMap((t) => QUESTION_SYNONYMS[t] ?? []), ...taxonomy.expand(q.terms)].slice(0, 16);
  const contextTerms = ctx.terms.filter((t) => !q.terms.includes(t)).slice(0, 8);
  const match = ftsMatch([...q.terms, ...contextTerms], extra);
  const empty: AskResult = { query: question, terms: q.terms, topics, claims: [], total: 0 };
  if (!match) return empty;

  const main = q.terms.map(stem);
  const side = contextTerms.map(stem);
  const quantitative = QUANTITATIVE.test(question);
  const scored = store.searchClaims(match, CANDIDATES).map((c): ScoredClaim => {
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
