import type { SideOf } from './flat-tables.js';
import { withLead } from './list-items.js';
import { rowText, SECTION_SEPARATOR } from './markdown.js';
import type { RawClaim } from './types.js';

/**
 * Flattening loses what decides a side: a "Choose Go when:" heading vanishes so its items run on under the
 * "Choose Python when:" list before it, and a two-column "Python wins | Go wins" table keeps every tick in its
 * first column. The page itself says elsewhere which side each such item belongs to: a decision row naming
 * one side ("Scenario: CLI tools; …; Recommendation: Go") or a claim under a heading that says a side wins
 * ("Where Go Wins"). An item whose words the page ties clearly to the other side is moved to it; an item
 * with no such evidence keeps what the text says. Pure; plaintext.ts applies it once the page is read.
 */

type Language = 'go' | 'python';

/** A list item under a lead-in naming one side: "Choose Python when" + "Memory efficiency matters". */
export interface LeadItem {
  claim: RawClaim;
  lead: string;
  item: string;
}

/** A table whose rows mark a winner per column: its column names, header first, and its rows' claims. */
export interface MarkTable {
  names: string[];
  claims: RawClaim[];
}

interface Evidence {
  side: Language;
  stems: Set<string>;
  weight: number;
}

const NAME: Record<Language, string> = { go: 'Go', python: 'Python' };
const other = (s: Language): Language => (s === 'go' ? 'python' : 'go');
const oneSide = (sideOf: SideOf, text: string): Language | undefined => {
  const s = sideOf(text);
  return s === 'both' ? undefined : s;
};

/** A heading that says a side wins or is the one to pick: "Where Go Wins", "The Case for Go", "Python's Sweet Spot". */
const WINNING_HEADING =
  /\b(?:wins?|shines?|choose|pick|case for|sweet spot|strengths?|advantages?|build in|excels?|better (?:for|at))\b/i;
const DECISION_HEADER = /recommend|verdict|winner|choice|pick/i;
const MARK = /^[✓✔xX]+(?:\s*\(.*\))?$/;
const STOP = new Set(
  'the a an of for to in on at by with and or but is are be when where what which it its this that your you we our more most less than very can has have need needs use using build building work working with from into per one two'.split(
    ' ',
  ),
);

/** Content words cut to six letters ("concurrent"/"concurrency" → "concur"); figures as "10k"; no language names. */
function stems(text: string, sideOf: SideOf): Set<string> {
  const out = new Set<string>();
  const plain = text.toLowerCase().replace(/(\d+),000\b/g, '$1k');
  for (const w of plain.split(/[^\p{L}\p{N}+]+/u)) {
    const word = w.replace(/\+$/, '');
    if (word.length < 2 || STOP.has(word) || sideOf(word) !== 'both') continue;
    out.add(word.slice(0, 6));
  }
  return out;
}

/** What the page says firmly about sides, leaving out the claims under review. */
function evidenceOf(claims: RawClaim[], doubted: Set<RawClaim>, sideOf: SideOf): Evidence[] {
  const out: Evidence[] = [];
  for (const c of claims) {
    if (doubted.has(c)) continue;
    const decided = c.cells?.find((cell) => DECISION_HEADER.test(cell.header) && oneSide(sideOf, cell.value));
    if (decided && c.cells?.[0]) {
      out.push({ side: oneSide(sideOf, decided.value)!, stems: stems(c.cells[0].value, sideOf), weight: 2 });
      continue;
    }
    const parts = c.section.split(SECTION_SEPARATOR);
    const at = parts.findLastIndex((p) => WINNING_HEADING.test(p) && oneSide(sideOf, p));
    if (at < 0) continue;
    const below = parts.slice(at + 1).join(' ');
    out.push({ side: oneSide(sideOf, parts[at]!)!, stems: stems(`${below} ${c.text}`, sideOf), weight: 1 });
  }
  return out;
}

/**
 * Shared words an item needs with one side's evidence: one shared word ("tools" of "admin tools" and "CLI
 * tools") is chance, and a decision row counts twice.
 */
const MIN_EVIDENCE = 4;

/** How strongly the page ties `text` to each side: shared words with each side's evidence, weighted. */
function scores(text: string, evidence: Evidence[], sideOf: SideOf): Record<Language, number> {
  const words = stems(text, sideOf);
  const score = { go: 0, python: 0 };
  for (const e of evidence) {
    let shared = 0;
    for (const w of words) if (e.stems.has(w)) shared++;
    score[e.side] += shared * e.weight;
  }
  return score;
}

/** The side the page ties `text` to, when its evidence for that side is at least twice that for the other. */
function evidencedSide(score: Record<Language, number>): Language | undefined {
  if (score.go >= MIN_EVIDENCE && score.go >= 2 * score.python) return 'go';
  if (score.python >= MIN_EVIDENCE && score.python >= 2 * score.go) return 'python';
  return undefined;
}

/** "Choose Python when" → "Choose Go when": the word naming one side swapped for the other language. */
function swapSide(lead: string, to: Language, sideOf: SideOf): string {
  return lead
    .split(/(\s+)/)
    .map((w) => (oneSide(sideOf, w) ? w.replace(/[\p{L}.]+/u, NAME[to]) : w))
    .join('');
}

function moveItem(x: LeadItem, to: Language, sideOf: SideOf): void {
  const lead = swapSide(x.lead, to, sideOf);
  x.claim.text = withLead(lead, x.item);
  const parts = x.claim.section.split(SECTION_SEPARATOR);
  if (parts.at(-1) === `${x.lead}:`) x.claim.section = [...parts.slice(0, -1), `${lead}:`].join(SECTION_SEPARATOR);
}

/**
 * One list under one lead-in. A lost heading moves a run of items, not single ones: the items from the first
 * to the last that the evidence moves go together, and so do their neighbours with no evidence for the
 * lead-in's side, up to an item that has some.
 */
function moveRun(list: LeadItem[], evidence: Evidence[], sideOf: SideOf): void {
  const from = oneSide(sideOf, list[0]!.lead)!;
  const score = list.map((x) => scores(x.item, evidence, sideOf));
  const moved = score.flatMap((s, i) => (evidencedSide(s) === other(from) ? [i] : []));
  if (!moved.length) return;
  let lo = moved[0]!;
  let hi = moved.at(-1)!;
  while (lo > 0 && score[lo - 1]![from] === 0) lo--;
  while (hi < list.length - 1 && score[hi + 1]![from] === 0) hi++;
  for (const x of list.slice(lo, hi + 1)) moveItem(x, other(from), sideOf);
}

/** Items in runs under one lead-in each, in page order. */
function lists(items: LeadItem[]): LeadItem[][] {
  const out: LeadItem[][] = [];
  for (const x of items) {
    const list = out.at(-1);
    if (list && list[0]!.lead === x.lead && list[0]!.claim.section === x.claim.section) list.push(x);
    else out.push([x]);
  }
  return out;
}

/**
 * The column every tick sits in and the other language's column, when a table has two language columns
 * ("Python Wins", "Go Wins") and at least three rows each ticked in the same one: then the ticks say nothing.
 */
function oneColumnTicks(t: MarkTable, sideOf: SideOf): { from: string; to: string } | undefined {
  const columns = t.names.slice(1).filter((n) => oneSide(sideOf, n));
  if (columns.length !== 2 || oneSide(sideOf, columns[0]!) === oneSide(sideOf, columns[1]!) || t.claims.length < 3)
    return undefined;
  const marked = (c: RawClaim) => c.cells?.filter((cell) => columns.includes(cell.header) && MARK.test(cell.value));
  const used = new Set(t.claims.flatMap((c) => (marked(c) ?? []).map((cell) => cell.header)));
  if (used.size !== 1 || !t.claims.every((c) => marked(c)?.length === 1)) return undefined;
  const [from] = used as Set<string>;
  return { from: from!, to: columns.find((n) => n !== from)! };
}

function moveMarks(
  t: MarkTable,
  { from, to }: { from: string; to: string },
  evidence: Evidence[],
  sideOf: SideOf,
): void {
  for (const c of t.claims) {
    if (evidencedSide(scores(c.cells![0]!.value, evidence, sideOf)) !== oneSide(sideOf, to)) continue;
    for (const cell of c.cells!) if (cell.header === from) cell.header = to;
    c.text = rowText(c.cells!);
  }
}

/** Moves list items and table ticks the page's own evidence places on the other side (in place). */
export function reviseSides(claims: RawClaim[], items: LeadItem[], tables: MarkTable[], sideOf: SideOf): void {
  const sided = items.filter((x) => oneSide(sideOf, x.lead) && !oneSide(sideOf, x.item));
  const ticked = tables.flatMap((t) => {
    const columns = oneColumnTicks(t, sideOf);
    return columns ? [{ t, columns }] : [];
  });
  if (!sided.length && !ticked.length) return;
  const doubted = new Set<RawClaim>([...sided.map((x) => x.claim), ...ticked.flatMap(({ t }) => t.claims)]);
  const evidence = evidenceOf(claims, doubted, sideOf);
  for (const list of lists(sided)) moveRun(list, evidence, sideOf);
  for (const { t, columns } of ticked) moveMarks(t, columns, evidence, sideOf);
}
