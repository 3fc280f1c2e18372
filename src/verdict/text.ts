/** Text helpers for reading a situation: one lower-cased copy aligned with the original, clauses, numbers. */

/**
 * A letter or digit of the folded text: ASCII, Latin, Greek and Cyrillic. Spelled out rather than \p{L}:
 * V8 compiles a Unicode property class into a large automaton, which made the first reading 80 ms slower.
 */
export const LETTER = 'a-z0-9\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff';
const WORD = new RegExp(`[${LETTER}'-]+`, 'g');

/**
 * Lower case and plain quotes, character for character, so an offset in the copy is the same offset in
 * the original (the quote shown back is cut from the original). A character whose lower case is longer
 * (İ) stays as it is.
 */
export function fold(text: string): string {
  let out = '';
  for (const c of text) {
    const l = c.toLowerCase();
    const plain = l === '’' || l === '‘' || l === '`' ? "'" : l === '“' || l === '”' ? '"' : l === '\u00a0' ? ' ' : l;
    out += plain.length === c.length ? plain : c;
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Clauses: a negation, a past tense or a quote does not reach across one. They end at sentence marks,
 * commas, brackets and dashes, and before a word that turns the sentence (but, however, so, while, …).
 */
const CLAUSE_BREAK =
  /[.;!?:()[\]\n]+(?=\s|$)|[;!?()[\]\n]+|,(?!\d{3})|\s[-–—]+\s|\s(?=(?:but|however|although|though|whereas|while|so|except|unlike)\s)/g;

export function clauses(low: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of low.matchAll(CLAUSE_BREAK)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < low.length) out.push({ start, end: low.length });
  return out;
}

export function clauseAt(cs: readonly Span[], at: number): Span {
  return cs.find((c) => at >= c.start && at < c.end) ?? { start: at, end: at };
}

const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
const MULTIPLIER: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  mil: 1e6,
  bn: 1e9,
  billion: 1e9,
  hundred: 100,
};
/** Counts people write without digits: "a few hundred", "tens of thousands of". */
const VAGUE: [RegExp, number][] = [
  [/hundreds of thousands(?: of)?/y, 300_000],
  [/tens of thousands(?: of)?/y, 30_000],
  [/(?:a few|several|a couple(?: of)?) hundred(?: thousand)?/y, 300],
  [/(?:a few|several|a couple(?: of)?) thousand/y, 3_000],
  [/(?:a few|several|a couple(?: of)?) million/y, 3_000_000],
  [/millions(?: of)?/y, 3_000_000],
  [/thousands(?: of)?/y, 3_000],
  [/hundreds(?: of)?/y, 300],
  [/dozens(?: of)?/y, 36],
  [/a dozen/y, 12],
  [/a handful(?: of)?/y, 5],
];

const DIGITS = new RegExp(
  `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s?(k|mm|m|bn|thousand|million|mil|billion)(?![${LETTER}]))?`,
  'y',
);
const WORDS = new RegExp(
  `(${Object.keys(SMALL).join('|')})(?:[- ](one|two|three|four|five|six|seven|eight|nine))?(?:\\s+(hundred|thousand|million))?(?![${LETTER}])`,
  'y',
);

/** A number starts only after a space or mark, not inside a word ("p99") or another number. */
const NUMBER_GLUE = new RegExp(`[${LETTER}.,]`);

export interface NumberAt extends Span {
  value: number;
}

/** The numbers in a folded text, with where each stands: "80k" → 80,000; "a few hundred" → 300. */
export function numbers(low: string): NumberAt[] {
  const out: NumberAt[] = [];
  let i = 0;
  while (i < low.length) {
    const prev = i > 0 ? low[i - 1]! : ' ';
    if (NUMBER_GLUE.test(prev)) {
      i++;
      continue;
    }
    const found = readNumber(low, i);
    if (found) {
      out.push(found);
      i = found.end;
    } else i++;
  }
  return out;
}

function readNumber(low: string, at: number): NumberAt | undefined {
  for (const [re, value] of VAGUE) {
    re.lastIndex = at;
    const m = re.exec(low);
    if (m) return { start: at, end: at + m[0].length, value };
  }
  DIGITS.lastIndex = at;
  const d = DIGITS.exec(low);
  if (d) {
    const base = Number(d[1]!.replace(/,/g, ''));
    return { start: at, end: at + d[0].length, value: base * (d[2] ? MULTIPLIER[d[2]]! : 1) };
  }
  WORDS.lastIndex = at;
  const w = WORDS.exec(low);
  // "a" and "an" count only with a multiplier after them ("a million"); alone they are articles.
  if (w && !((w[1] === 'a' || w[1] === 'an') && !w[3])) {
    const value = (SMALL[w[1]!]! + (w[2] ? SMALL[w[2]]! : 0)) * (w[3] ? MULTIPLIER[w[3]]! : 1);
    return { start: at, end: at + w[0].length, value };
  }
  return undefined;
}

/** The words just before `at` in `text` (at most `n`), as [start, end] spans. */
export function wordsBefore(text: string, from: number, at: number, n: number): Span[] {
  const spans: Span[] = [];
  for (const m of text.slice(from, at).matchAll(WORD))
    spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  return spans.slice(-n);
}
