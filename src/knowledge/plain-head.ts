/**
 * What a plain-text page says about itself in its first lines, where a web page keeps its metadata: a byline
 * ("By Dana Reyes · Mar 3, 2025"), a date, the site it was published on ("Originally published on Dev
 * Notes", a bare "dev.to"). Pure; plaintext.ts adds it to the document's metadata.
 */
export interface PageHead {
  author?: string | undefined;
  site?: string | undefined;
  /** ISO date (YYYY-MM-DD). */
  published?: string | undefined;
}

/** How far down the page its head may go: past it, a name or a date is the article's. */
const HEAD_LINES = 12;

const NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3}`;
const BYLINE = new RegExp(String.raw`^(?:written |posted )?by (${NAME})(?:\s*[·|•,—-]\s*(.*))?$`, 'iu');
const AUTHOR_LABEL = new RegExp(String.raw`^author:\s*(${NAME})$`, 'u');
const SITE =
  /^(?:[Oo]riginally )?(?:[Pp]ublished|[Pp]osted) (?:on|in|at) (\p{Lu}[\w.'’-]*(?: \p{Lu}[\w.'’-]*){0,3})\.?$/u;
const DOMAIN = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|to|blog|co|app|tech))\/?$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_FIRST = new RegExp(String.raw`\b${MONTH} (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`, 'i');
const DAY_FIRST = new RegExp(String.raw`\b(\d{1,2}) ${MONTH},? (\d{4})\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

const iso = (year: string, month: number, day: string) =>
  `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;

/** A date written in a line ("Mar 3, 2025", "3 March 2025", "2025-03-03"), as YYYY-MM-DD. */
export function dateIn(line: string): string | undefined {
  const m = MONTH_FIRST.exec(line);
  if (m) return iso(m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, m[2]!);
  const d = DAY_FIRST.exec(line);
  if (d) return iso(d[3]!, MONTHS.indexOf(d[2]!.toLowerCase()) + 1, d[1]!);
  const i = ISO.exec(line);
  return i ? `${i[1]}-${i[2]}-${i[3]}` : undefined;
}

/** A line of the head that is only a date, or a date with a reading time ("Mar 3, 2025 · 6 min read"). */
const isDateLine = (line: string) =>
  dateIn(line) !== undefined &&
  line.replace(/[\w]+ ?\d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\d+ min read|[·|•,\s]/gi, '').length < 12;

/**
 * The page's author, site and date from its first lines (up to the first long one), and which lines said so:
 * they are the page's metadata, not its title or its text.
 */
export function pageHead(lines: readonly string[]): { head: PageHead; used: Set<number> } {
  const head: PageHead = {};
  const used = new Set<number>();
  for (let i = 0, seen = 0; i < lines.length && seen < HEAD_LINES; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    seen++;
    if (line.length > 120) break;
    const by = BYLINE.exec(line) ?? AUTHOR_LABEL.exec(line);
    const site = by ? undefined : (SITE.exec(line)?.[1] ?? DOMAIN.exec(line)?.[1]);
    if (by) {
      head.author ??= by[1];
      if (by[2]) head.published ??= dateIn(by[2]);
    } else if (site) head.site ??= site;
    else if (isDateLine(line)) head.published ??= dateIn(line);
    else continue;
    used.add(i);
  }
  return { head, used };
}
