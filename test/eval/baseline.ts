import type { Database } from '../../src/db/open.js';

/**
 * Plain FTS5 bm25, the yardstick the product's ranking must beat. Deliberately naive and independent:
 * it reads the database directly and uses none of src/answers (no synonyms, no stemming of its own, no
 * re-ranking), so a change to the product's ranking can never move the baseline with it.
 */

// Only function words: anything with meaning (go, python, memory, fast…) must stay in the query.
const STOPWORDS = new Set(
  (
    'a an the is are was were be been am do does did i im we you it its that this these those to of in on at for ' +
    'and or but with vs versus what whats which who how why when where can could should would will my our your me ' +
    'us they them there their so if than then just like about any some s'
  ).split(' '),
);

const MAX_TOKENS = 24;

/** Lowercased letter/digit runs, stopwords dropped, first occurrence order, at most 24. */
export function baselineTokens(question: string): string[] {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => !STOPWORDS.has(w)))].slice(0, MAX_TOKENS);
}

/** Each token double-quoted (so FTS5 syntax words like OR/NEAR stay plain words), OR-joined. */
export function baselineMatch(question: string): string | null {
  const tokens = baselineTokens(question);
  return tokens.length ? tokens.map((t) => `"${t}"`).join(' OR ') : null;
}

export interface BaselineClaim {
  rowid: number;
  id: string;
  text: string;
}

export class Bm25Baseline {
  private readonly search;

  constructor(db: Database) {
    // bm25() with no weights: every FTS column counts the same, whatever columns the schema has. Only
    // claims_fts's rowid and claims.text are read so a change of FTS columns cannot break the baseline.
    this.search = db.prepare(`SELECT c.rowid AS rowid, c.id AS id, c.text AS text FROM (
        SELECT rowid, bm25(claims_fts) AS score FROM claims_fts WHERE claims_fts MATCH ? ORDER BY score LIMIT ?
      ) f JOIN claims c ON c.rowid = f.rowid ORDER BY f.score, c.rowid`);
  }

  /** Top claims for a question; empty only when none of its tokens occurs in any claim. */
  ask(question: string, limit = 5): BaselineClaim[] {
    const match = baselineMatch(question);
    return match ? (this.search.all(match, limit) as BaselineClaim[]) : [];
  }
}
