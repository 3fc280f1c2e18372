import type { Matrix } from '../matrix/definition.js';
import type { FactorLexicon, Lexicon } from './lexicon.js';
import { clauseAt, clauses, fold, LETTER, type NumberAt, numbers, type Span, wordsBefore } from './text.js';

/** One factor read from the situation: its answer and the words that set it, as the user wrote them. */
export interface InferredFactor {
  factorId: string;
  /** The walk's answer values: 'yes' / 'no', or '1'…'5' for importance factors. */
  value: string;
  quote: string;
}

export interface Inference {
  situation: string;
  /** In the matrix's order. */
  inferred: InferredFactor[];
  /** Factors nothing in the text set, in the matrix's order. */
  open: string[];
}

/** Passages quoted back for one factor, at most. */
const MAX_QUOTES = 2;

/** How strongly a cue speaks (see knowledge/verdict.yaml): a number, then a "no", then a plain mention. */
const RANK = { amount: 3, no: 2, mention: 1 } as const;

interface Hit {
  value: string;
  rank: number;
  at: number;
  /** What to quote back: the cue with its negation or number. */
  span: Span;
}

interface Text {
  text: string;
  low: string;
  clauses: Span[];
  numbers: NumberAt[];
}

/** Maps a situation to answers. Pure and fast: a few hundred regular expressions over one sentence or two. */
export function infer(situation: string, lex: Lexicon, matrix: Matrix): Inference {
  const low = fold(situation);
  const t: Text = { text: situation, low, clauses: clauses(low), numbers: numbers(low) };
  const byId = new Map<string, InferredFactor>();
  for (const f of lex.factors) {
    const hits = [...ruleHits(f, t, lex), ...amountHits(f, t, lex)];
    const hit = decide(f, hits);
    if (!hit) continue;
    // Every passage that says the same, in reading order, one per clause: "a reporting module" … "some pandas".
    const agreeing = hits.filter((h) => h.rank === hit.rank && h.value === hit.value);
    const quotes = [...new Set(perClause(t, agreeing).map((span) => quote(t, span)))].slice(0, MAX_QUOTES);
    byId.set(f.id, { factorId: f.id, value: hit.value, quote: quotes.join(' … ') });
  }
  const inferred = matrix.factors.flatMap((f) => byId.get(f.id) ?? []);
  return { situation, inferred, open: matrix.factors.filter((f) => !byId.has(f.id)).map((f) => f.id) };
}

/**
 * The strongest cues win. Mentions of an importance factor take the highest level named; equally strong
 * cues that still disagree leave the factor open ("two know Go, two know Python"), as a reader would.
 */
function decide(f: FactorLexicon, hits: Hit[]): Hit | undefined {
  if (hits.length === 0) return undefined;
  const top = Math.max(...hits.map((h) => h.rank));
  const best = hits.filter((h) => h.rank === top).sort((a, b) => a.at - b.at);
  if (f.importance && top === RANK.mention) return best.reduce((a, b) => (Number(b.value) > Number(a.value) ? b : a));
  return best.every((h) => h.value === best[0]!.value) ? best.at(-1) : undefined;
}

function ruleHits(f: FactorLexicon, t: Text, lex: Lexicon): Hit[] {
  const hits: Hit[] = [];
  for (const { value, rule } of f.rules) {
    if (rule.needs && !rule.needs.test(t.low)) continue;
    for (const m of t.low.matchAll(rule.re)) {
      const cue = { start: m.index, end: m.index + m[0].length };
      const clause = clauseAt(t.clauses, cue.start);
      const neg = negation(t.low, clause, cue, lex);
      if ((neg && rule.negation === 'ignore') || (!neg && rule.negation === 'required')) continue;
      const past = lex.past.test(t.low.slice(clause.start, clause.end));
      const read = f.importance
        ? readLevel(value, neg, past, t, clause, cue, lex)
        : readChoice(value, !!neg, past, f.symmetric);
      if (read) hits.push({ ...read, at: cue.start, span: neg ? union(cue, neg) : cue });
    }
  }
  return hits;
}

/** A yes-no cue, turned around by negation; a cue about the past says the opposite holds now. */
function readChoice(
  value: string,
  negated: boolean,
  past: boolean,
  symmetric: boolean,
): Omit<Hit, 'at' | 'span'> | undefined {
  if (value === 'yes') {
    if (negated) return { value: 'no', rank: RANK.no };
    return { value: past ? 'no' : 'yes', rank: RANK.mention };
  }
  if (negated) return { value: 'yes', rank: symmetric ? RANK.no : RANK.mention };
  return past ? undefined : { value: 'no', rank: symmetric ? RANK.mention : RANK.no };
}

/** An importance cue: negated or past means 1; "some" takes a level off, "heavy" adds one (2…5). */
function readLevel(
  value: string,
  neg: Span | undefined,
  past: boolean,
  t: Text,
  clause: Span,
  cue: Span,
  lex: Lexicon,
): Omit<Hit, 'at' | 'span'> | undefined {
  if (value === '1') return neg ? undefined : { value: '1', rank: RANK.no };
  if (neg) return { value: '1', rank: RANK.no };
  if (past) return { value: '1', rank: RANK.mention };
  const lead = wordsBefore(t.low, clause.start, cue.start, 3)[0];
  const before = lead ? t.low.slice(lead.start, cue.start) : '';
  const shift =
    lex.stronger.test(before) || HEAVY_AFTER.test(t.low.slice(cue.end)) ? 1 : lex.softer.test(before) ? -1 : 0;
  return { value: String(Math.min(5, Math.max(2, Number(value) + shift))), rank: RANK.mention };
}

/** A negator up to `window` words before the cue in its clause, or a negation right after it; its span. */
function negation(low: string, clause: Span, cue: Span, lex: Lexicon): Span | undefined {
  let last: Span | undefined;
  for (const m of low.slice(clause.start, cue.start).matchAll(lex.negators))
    last = { start: clause.start + m.index, end: clause.start + m.index + m[0].length };
  if (last && wordsBefore(low, last.end, cue.start, lex.window + 1).length <= lex.window) return last;
  const rest = low.slice(cue.end, clause.end);
  for (const re of lex.after) {
    const m = re.exec(rest);
    if (m) return { start: cue.end, end: cue.end + m[0].length };
  }
  return undefined;
}

/** Numbers with their unit ("80k rps"); a number in a clause about the past says nothing about now. */
function amountHits(f: FactorLexicon, t: Text, lex: Lexicon): Hit[] {
  const hits: Hit[] = [];
  for (const n of t.numbers) {
    for (const a of f.amounts) {
      a.unit.lastIndex = n.end;
      const unit = a.unit.exec(t.low);
      if (!unit) continue;
      const clause = clauseAt(t.clauses, n.start);
      if (a.before && !a.before.test(t.low.slice(clause.start, n.start))) continue;
      if (lex.past.test(t.low.slice(clause.start, clause.end))) break;
      const value = a.value(n.value * a.scale);
      if (value)
        hits.push({ value, rank: RANK.amount, at: n.start, span: { start: n.start, end: n.end + unit[0].length } });
      break;
    }
  }
  return hits;
}

/** "numpy-heavy": a stronger word after the cue. */
const HEAVY_AFTER = new RegExp(`^[- ]heavy(?![${LETTER}])`);
const WORD = new RegExp(`[${LETTER}'-]+`, 'g');

const union = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });

/** The hits' spans joined clause by clause, in reading order: two cues in one clause are one quote. */
function perClause(t: Text, hits: Hit[]): Span[] {
  const byClause = new Map<number, Span>();
  for (const h of hits) {
    const c = clauseAt(t.clauses, h.span.start).start;
    const seen = byClause.get(c);
    byClause.set(c, seen ? union(seen, h.span) : h.span);
  }
  return [...byClause.values()].sort((a, b) => a.start - b.start);
}

/** Most words of a quote: a short clause is quoted whole, a long one around the cue. */
const SHORT_CLAUSE = 64;
const AROUND = 2;

/** The words that set a factor, cut from the original text: "no real-time needs", "ship an MVP by spring". */
function quote(t: Text, span: Span): string {
  const clause = clauseAt(t.clauses, span.start);
  const whole = t.text.slice(clause.start, clause.end).trim();
  if (whole.length <= SHORT_CLAUSE && span.end <= clause.end) return tidy(whole);
  const before = wordsBefore(t.low, clause.start, span.start, AROUND)[0];
  const after = [...t.low.slice(span.end, clause.end).matchAll(WORD)].slice(0, AROUND).at(-1);
  const start = before?.start ?? span.start;
  const end = after ? span.end + after.index + after[0].length : span.end;
  return tidy(t.text.slice(start, Math.max(end, span.end)));
}

const tidy = (s: string) => s.replace(/\s+/g, ' ').replace(/^[\s,;:.'"-]+|[\s,;:'"-]+$/g, '');
