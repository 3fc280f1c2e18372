import { isCodeLine, isProse } from './plain-lines.js';
import type { RawClaim } from './types.js';

/**
 * Tables that text extraction flattened: a header line, then rows with the same number of cells, the
 * cells run together with single spaces ("Go (Fiber) 130,000 3ms 25MB"), glued ("Use Go WhenUse Python
 * When"), or kept as Markdown pipes. Each row becomes one claim in the digests' own form,
 * `Header: cell; Header: cell`, so its figures get the row label as subject and the header as metric.
 */
export interface FlatTable {
  /** Lines [start, end) the table used: header, rules, rows and legend. */
  start: number;
  end: number;
  rows: NonNullable<RawClaim['cells']>[];
  /** The column names, where the header line gives every one (pipes): rows omit their empty cells. */
  names?: string[];
}

/** Which language a piece of text names, if one (from the taxonomy's side words). */
export type SideOf = (text: string) => 'go' | 'python' | 'both';

/** A rule line; a long one wraps, leaving a stub of a character or two on the next line. */
export const RULE = /^(?:[=─━]+|[-_]{5,})$/;
const VALUE =
  /^(?:[~≈<>]?\$?\d[\d,]*(?:\.\d+)?(?:[kKmMbB](?![a-z]))?\+?(?:%|x|×|ms|µs|ns|s|sec|min|h|kb|mb|gb|tb|b)?|✓+|✔+|✗|✘|yes|no)(?:\s*\(.*\))?$/i;
/** A unit written apart from its number: "312K records/s". */
const UNIT_WORD = /^(?:\w+\/(?:s|sec|min)|req\/s|rps|ops\/s|ms|s|mb|gb|kb|%)$/i;
const isValue = (t: string) => VALUE.test(t);

/** Words with their parenthesised remarks attached: "Go (Fiber)", "No (GIL)", "Latency (p99)". */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const w of line.trim().split(/\s+/)) {
    const last = out.at(-1);
    if (last !== undefined && (/^\(/.test(w) || last.split('(').length > last.split(')').length))
      out[out.length - 1] = `${last} ${w}`;
    else out.push(w);
  }
  return out;
}

/** Header words into `n` column names: groups that start at a capital, else one word each. */
function columnNames(header: string, n: number): string[] | undefined {
  const ws = words(header);
  const groups: string[] = [];
  for (const w of ws) {
    if (groups.length === 0 || /^[\p{Lu}\d]/u.test(w)) groups.push(w);
    else groups[groups.length - 1] += ` ${w}`;
  }
  if (groups.length === n) return groups;
  return ws.length === n ? ws : undefined;
}

const cellsOf = (names: string[], values: string[]) =>
  values.map((value, i) => ({ header: names[i] ?? `Column ${i + 1}`, value })).filter((c) => c.value !== '');

/** A row of figures: label words, then values (a unit word joins its number), then an optional note. */
function numericRow(line: string): { label: string; values: string[]; note: string } | undefined {
  const ws = words(line);
  const first = ws.findIndex((w, i) => i > 0 && isValue(w));
  if (first < 1) return undefined;
  const values: string[] = [];
  let i = first;
  for (; i < ws.length && isValue(ws[i]!); i++) {
    values.push(ws[i]!);
    if (UNIT_WORD.test(ws[i + 1] ?? '') && /[\dkKmM+]$/.test(ws[i]!)) values[values.length - 1] += ` ${ws[++i]}`;
  }
  return { label: ws.slice(0, first).join(' '), values, note: ws.slice(i).join(' ') };
}

/** A row of words split into a label and `k` cells; `strong` when the split rests on more than word count. */
function textRow(line: string, k: number, sideOf: SideOf): { cells: string[]; strong: boolean } | undefined {
  const ws = words(line);
  if (ws.length < k + 1 || /[.!?]$/.test(line) || ws.length > 16) return undefined;
  // Comma lists per language ("Celery, RQ, Dramatiq Machinery, Asynq"): the second list starts at its first Go word.
  if (k === 2 && line.includes(',')) {
    // The label ends where the first list starts: a word before a comma, a Python word, or a package-like name.
    const labelEnd = Math.max(
      1,
      ws.findIndex((w) => /,$/.test(w) || sideOf(w) === 'python' || /^[a-z][\w]*[-./\d]/.test(w)),
    );
    let split = ws.findIndex((w, i) => i > 1 && sideOf(w.replace(/,$/, '')) === 'go');
    // The Go list may start before its first Go word: at the item that follows no comma.
    while (split > 2 && ws[split - 1]!.endsWith(',')) split--;
    if (split < 2) split = ws.findIndex((_, n) => n > labelEnd && !ws[n - 1]!.endsWith(','));
    if (split > labelEnd)
      return {
        cells: [ws.slice(0, labelEnd).join(' '), ws.slice(labelEnd, split).join(' '), ws.slice(split).join(' ')],
        strong: true,
      };
  }
  const starts = ws.map((w, i) => (i > 0 && (isValue(w) || /^[\p{Lu}~]/u.test(w)) ? i : -1)).filter((i) => i > 0);
  const at = starts.length >= k ? starts.slice(-k) : ws.map((_, i) => i).slice(-k);
  if (at[0]! < 1) return undefined;
  const cells = [ws.slice(0, at[0]).join(' '), ...at.map((s, j) => ws.slice(s, at[j + 1] ?? ws.length).join(' '))];
  const strong = cells.slice(1).some((c) => /[(,]|^[a-z~\d✓]/.test(c) || isValue(c.split(' ')[0]!));
  return { cells, strong };
}

/** "✓✓✓ = Excellent ✓✓ = Good ✓ = Adequate" → what each mark means. */
function legend(line: string | undefined): Map<string, string> | undefined {
  const pairs = [...(line ?? '').matchAll(/([✓✔]+)\s*=\s*([\p{L}-]+)/gu)];
  return pairs.length >= 2 ? new Map(pairs.map((m) => [m[1]!, m[2]!.toLowerCase()])) : undefined;
}

const stops = (line: string | undefined) =>
  line === undefined || !line.trim() || RULE.test(line) || isCodeLine(line) || isProse(line) || /^notes?:/i.test(line);

/** Rows under `header` from line `from`; undefined unless at least two rows fit the same shape. */
function rowsUnder(
  lines: string[],
  header: string,
  from: number,
  sideOf: SideOf,
): (FlatTable & { figures: number }) | undefined {
  const first = lines[from];
  if (stops(first)) return undefined;
  const rows: NonNullable<RawClaim['cells']>[] = [];
  let i = from;
  const numeric = numericRow(first!);
  if (numeric) {
    const n = numeric.values.length;
    for (; !stops(lines[i]); i++) {
      const r = numericRow(lines[i]!);
      if (!r || r.values.length !== n) break;
      const hasNote = r.note !== '';
      const names = columnNames(header, 1 + n + (hasNote ? 1 : 0)) ?? columnNames(header, 1 + n) ?? [];
      rows.push(cellsOf(names, [r.label, ...r.values, ...(hasNote ? [r.note] : [])]));
    }
    const marks = legend(lines[i]);
    if (marks) {
      for (const row of rows)
        for (const c of row) c.value = marks.has(c.value) ? `${c.value} (${marks.get(c.value)})` : c.value;
      i++;
    }
  } else {
    const names = columnNames(header, 3) ?? columnNames(header, 2);
    if (!names) return undefined;
    const row = (j: number) => (stops(lines[j]) ? undefined : textRow(lines[j]!, names.length - 1, sideOf));
    // A row that fits only by its word count is kept when one that fits for real follows within three lines.
    const strongSoon = (j: number) =>
      [1, 2, 3].some((d) => row(j + d)?.strong && [1, 2, 3].slice(0, d).every((e) => row(j + e)));
    for (let r = row(i); r && (r.strong || strongSoon(i)); r = row(++i)) rows.push(cellsOf(names, r.cells));
  }
  return rows.length >= 2 ? { start: from, end: i, rows, figures: numeric?.values.length ?? 0 } : undefined;
}

/** "| a | b |" rows; the "|---|" line under the header is skipped. */
function pipeTable(lines: string[], at: number): FlatTable | undefined {
  const cells = (l: string | undefined) =>
    l && /^\|.*\|$/.test(l.trim())
      ? l
          .trim()
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim())
      : undefined;
  const names = cells(lines[at]);
  if (!names || names.length < 2) return undefined;
  const rows: NonNullable<RawClaim['cells']>[] = [];
  let i = at + 1;
  for (let r = cells(lines[i]); r; r = cells(lines[++i])) {
    if (r.every((c) => /^:?-{2,}:?$/.test(c))) continue;
    rows.push(cellsOf(names, r));
  }
  return rows.length ? { start: at, end: i, rows, names } : undefined;
}

/** Cells run together without spaces ("Building high-performance APIsPrototyping or scripting quickly"). */
const glued = (l: string) => l.trim().split(/(?<=[\p{Ll})])(?=\p{Lu})/u);

/** Columns that each name a language ("Use Go When", "Use Python When"): one claim per cell, not per row. */
function gluedTable(lines: string[], at: number, sideOf: SideOf): FlatTable | undefined {
  const names = glued(lines[at] ?? '');
  if (names.length < 2 || names.length > 4 || !names.every((n) => sideOf(n) !== 'both')) return undefined;
  const rows: NonNullable<RawClaim['cells']>[] = [];
  let i = at + 1;
  for (; !stops(lines[i]); i++) {
    const parts = glued(lines[i]!);
    if (parts.length !== names.length) break;
    rows.push(...parts.map((value, j) => [{ header: names[j]!, value }]));
  }
  return rows.length >= 2 * names.length ? { start: at, end: i, rows } : undefined;
}

/**
 * The table starting at line `at`, if any: pipes; a header under or over a rule (─── or ===); a header
 * whose next rows carry the same number of figures; glued language columns.
 */
export function tableAt(lines: string[], at: number, sideOf: SideOf): FlatTable | undefined {
  const line = lines[at];
  const pipes = pipeTable(lines, at);
  if (pipes || line === undefined || !line.trim() || RULE.test(line) || isCodeLine(line)) return pipes;
  if (isProse(line) || /[.!?]$/.test(line) || words(line).length > 10) return undefined;
  const next = lines[at + 1] ?? '';
  // "Title\n=====\nHeader\n─────\nrows": "=" underlines a table's title, "─" parts its header from its rows.
  if (/^=+$/.test(next)) return undefined;
  const separated = /^(?:[─━]+|-{5,})$/.test(next);
  const titled = /^=+$/.test(lines[at - 1] ?? '');
  let from = at + 1;
  while (separated && RULE.test(lines[from] ?? '')) from++;
  const table = rowsUnder(lines, line, from, sideOf);
  // Without a rule, only rows of two or more figures each make a table: words alone would take any list.
  if (table && (separated || titled || table.figures >= 2)) return { start: at, end: table.end, rows: table.rows };
  return gluedTable(lines, at, sideOf);
}
