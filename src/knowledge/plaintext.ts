import { DIAGRAM_LINE, diagramAt } from './diagrams.js';
import { RULE, type SideOf, tableAt } from './flat-tables.js';
import { isListItem, itemContinues, unglueName } from './list-items.js';
import { rowText, slugFromPath } from './markdown.js';
import { pageHead } from './plain-head.js';
import {
  END_OF_ARTICLE,
  headingCandidate,
  headingText,
  isChrome,
  isCodeLine,
  isProse,
  LINK_LIST_HEADING,
  labelledPoint,
  titleCase,
} from './plain-lines.js';
import { Sections } from './plain-sections.js';
import { ProseWriter } from './prose-writer.js';
import { sentences } from './sentences.js';
import { type MarkTable, reviseSides } from './side-evidence.js';
import type { ParsedDocument } from './types.js';

/**
 * Plain prose (text extracted from a web page or a PDF) has no markup, so its structure is recovered
 * line by line: tables from header and row lines, headings from short capitalised lines, code blocks
 * skipped until prose resumes, page chrome dropped, and sentences that lean on the one before merged
 * into it (see plain-lines.ts, flat-tables.ts, coreference.ts).
 */

/**
 * A file name that was inline code, glued to the word after it ("requirements.txtwith 47 packages"): the
 * extension is known and what follows it is a word of three letters or more, so "data.json" and "golang.org" stay whole.
 */
const GLUED_FILE = /(\w\.(?:txt|py|go|js|ts|json|ya?ml|toml|cfg|ini|lock|mod|sum|md|sh))(?=[a-z]{3,}\b(?![./]))/g;

/** Rules glued to the line they underline ("=====Language Time Memory") become two lines. */
function lines(source: string): string[] {
  return source
    .replace(/\r\n?/g, '\n')
    .replace(GLUED_FILE, '$1 ')
    .split('\n')
    .flatMap((l) => {
      const m = /^([=─━]{5,})\s*(\S.*)$/.exec(l.trim());
      return m ? [m[1]!, m[2]!] : [l.trim().replace(/^[•·▪]\s*/, '- ')];
    });
}

/** The next line with text after `i`. */
const nextText = (ls: string[], i: number) => ls.slice(i + 1).find((l) => l !== '');

/** The last line with text before `i`. */
function previousText(ls: string[], i: number): string | undefined {
  let j = i - 1;
  while (j >= 0 && ls[j] === '') j--;
  return ls[j];
}

/** A heading candidate is a heading when something follows it that is not a sentence fragment of it. */
function isHeading(ls: string[], i: number): boolean {
  const next = nextText(ls, i);
  return headingCandidate(ls[i]!) && next !== undefined && !/^[\p{Ll},;]/u.test(next);
}

/** Code lasts until prose resumes: a sentence, or a heading that something other than code follows. */
function leavesCode(ls: string[], i: number): boolean {
  const next = nextText(ls, i);
  return isProse(ls[i]!) || (headingCandidate(ls[i]!) && next !== undefined && !isCodeLine(next));
}

/** A document's title: its first line that is neither chrome, code nor metadata, cut at its first sentence. */
function titleOf(ls: string[], path: string, used: Set<number>): string {
  const line = ls.find((l, i) => l.length > 0 && !used.has(i) && !isCodeLine(l) && !isChrome(l)) ?? slugFromPath(path);
  const first = sentences(line)[0] ?? line;
  return (first.length <= 150 ? first : `${first.slice(0, 147)}…`).replace(/[.:]$/, '');
}

/**
 * A short citation label in the digests' style ("Guide 2025"): what the page calls itself near its start
 * ("In this guide, …") and the year its title names. Undefined unless both are there.
 */
function shortLabel(source: string, title: string): string | undefined {
  const genre = /\b(?:in )?this (guide|post|article|essay|tutorial|review|write-up)\b/i.exec(
    source.slice(0, 3000),
  )?.[1];
  const year = /\b(?:19|20)\d\d\b/.exec(title)?.[0];
  return genre && year ? `${genre[0]!.toUpperCase()}${genre.slice(1).toLowerCase()} ${year}` : undefined;
}

/** "Memory: ~200MB (with object overhead)": a measurement written as a comment in the code. */
const CODE_MEASURE = /([A-Z][a-z]+(?: [a-z]+)?: [~≈]?\d[\d,.]*\s?(?:[KMG]B|ms|s|x|%)(?: \([^)]*\))?)\s*$/;

/**
 * A caption or comment over code that says what one language's code shows: "Python - Retries with a
 * decorator" → "Python: Retries with a decorator"; "Go static types (checked when compiling)" as it is.
 * It names a language or one of its tools; a bare label ("Python memory example", "Start workers") says nothing.
 */
export function codeCaption(text: string, sideOf: SideOf): string | undefined {
  const t = text.replace(/:$/, '').trim();
  if (t.split(/\s+/).length < 3 || /\bexample$/i.test(t) || sideOf(t) === 'both') return undefined;
  const dash = /^([^-–—]{2,30}?)\s+[-–—]\s+(\S.{6,80})$/.exec(t);
  if (dash) return `${dash[1]}: ${dash[2]}`;
  return /\(\S+(?:\s+\S+)+\)$/.test(t) ? t : undefined;
}

/**
 * A numbered caption over code ("1. Report Notebooks", "// 2. Socket Gateways") under a
 * heading that names one language ("Where Python Fits"): the code shows one of that heading's cases, a claim
 * led by the heading as a list item is by its lead-in.
 */
function numberedCase(text: string, heading: string, sideOf: SideOf): string | undefined {
  const m = /^\d{1,2}[.)]\s+(\p{Lu}[^.!?:;]{2,60})$/u.exec(text.trim());
  return m && sideOf(heading) !== 'both' ? `${heading.replace(/:$/, '')}: ${m[1]}` : undefined;
}

/** What a caption or comment over code says, if anything (see codeCaption and numberedCase). */
function captionOf(text: string, heading: string, sideOf: SideOf): { text: string; numbered: boolean } | undefined {
  const caption = codeCaption(text, sideOf);
  if (caption) return { text: caption, numbered: false };
  const numbered = numberedCase(text, heading, sideOf);
  return numbered ? { text: numbered, numbered: true } : undefined;
}

/**
 * Inside code, comments are notes ("Create 1 million points") and, now and then, a measurement; a
 * measurement becomes a claim with what it measures: the code's caption and the note before it.
 */
function codeFigure(line: string, code: { caption: string; note: string }): string | undefined {
  const measure = CODE_MEASURE.exec(line)?.[1];
  const about = [code.caption, code.note].filter(Boolean).join(': ');
  if (measure) return about ? `${about} — ${measure}` : undefined;
  // A comment line, or a comment run onto the end of a code line when the "#" was lost.
  const comment =
    /^(?:\/\/|#)\s*(.+)$/.exec(line)?.[1] ?? (isCodeLine(line) ? /[)\]}"']([A-Z][a-z][\w ]+)$/.exec(line)?.[1] : line);
  if (!comment || !/^[A-Z][\w ]+$/.test(comment)) return undefined;
  if (/\bexample$/i.test(comment)) {
    code.caption = comment;
    code.note = '';
  } else if (comment.split(' ').length >= 3) code.note = comment;
  return undefined;
}

/** The code in view, if any: its lines yield only the measurements its comments note. */
class CodeView {
  inCode = false;
  /** What the code is: the caption above it, then the last comment inside it. */
  private readonly about = { caption: '', note: '' };

  captioned(line: string): void {
    this.about.caption = line.replace(/:$/, '');
  }

  constructor(private readonly sideOf: SideOf) {}

  /** A Title Case heading that names a language between two blocks of code ("Where Go Fits", "Go: Chi Router"). */
  private lostHeading(line: string): boolean {
    return !isCodeLine(line) && headingCandidate(line) && titleCase(headingText(line)) && this.sideOf(line) !== 'both';
  }

  /** Whether line `i` is code (read here); code lasts until prose resumes. */
  read(ls: string[], i: number, prose: ProseWriter): boolean {
    const line = ls[i]!;
    if (!(this.inCode && !leavesCode(ls, i) && !this.lostHeading(line))) {
      this.inCode = isCodeLine(line);
      if (!this.inCode) return false;
      prose.endOfProse();
      this.about.note = '';
    }
    // A comment, or a numbered caption between two blocks of code ("2. Glue Scripts").
    const comment = /^(?:\/\/|#)\s*(.+)$/.exec(line)?.[1] ?? (/^\d{1,2}[.)]\s/.test(line) ? line : undefined);
    const caption = comment === undefined ? undefined : captionOf(comment, prose.headingInView, this.sideOf);
    if (caption) prose.caption(caption.text, caption.numbered);
    const measured = caption ? undefined : codeFigure(line, this.about);
    if (measured) prose.add(measured);
    return true;
  }
}

/** A line of text that is no heading, table, diagram, code or chrome: a numbered point, a caption over code, a list item or prose. */
function readText(ls: string[], i: number, prose: ProseWriter, code: CodeView, sideOf: SideOf): void {
  const line = ls[i]!;
  const next = nextText(ls, i);
  const point = labelledPoint(line, next, previousText(ls, i));
  if (point) prose.point(point);
  // A caption line right above code ("Python - Classes with dataclasses", "Example: a Flask API:") describes the code.
  else if (prose.atParagraphStart && !/[.!?]$/.test(line) && next !== undefined && isCodeLine(next)) {
    code.captioned(line);
    // A whole sentence over code ("Typed structs make the API contract explicit:") says something itself.
    if (isProse(line) && !/^[\w ]{1,20}:\s/.test(line)) prose.line(line, true);
    else {
      const caption = captionOf(line, prose.headingInView, sideOf);
      if (caption) prose.caption(caption.text, caption.numbered);
    }
  } else if (isListItem(line)) prose.item(line, itemContinues(line, ls[i + 1]));
  else {
    const item = ls[i - 1] ?? '';
    const text = isListItem(item) && itemContinues(item, line) ? unglueName(line, (w) => sideOf(w) !== 'both') : line;
    // A line that ends a sentence ends the paragraph too: extracted text often loses blank lines.
    prose.line(text, /[.!?:]$/.test(line) || !/[,;\p{Ll}]$/u.test(line) || line.length < 60);
  }
}

export function parsePlainText(source: string, path: string, sideOf: SideOf = () => 'both'): ParsedDocument {
  const ls = lines(source);
  const { head, used } = pageHead(ls);
  const title = titleOf(ls, path, used);
  const sections = new Sections(title);
  const prose = new ProseWriter(sections, sideOf);
  const { add } = prose;
  const code = new CodeView(sideOf);
  const endAt = Math.floor(ls.length * 0.8);
  const tables: MarkTable[] = [];
  for (let i = 0; i < ls.length; i++) {
    const line = ls[i]!;
    // What follows "Top comments" or "debate in the comments" near the end is readers' comments, not the article.
    if (i >= endAt && END_OF_ARTICLE.test(line)) break;
    if (
      line === '' ||
      used.has(i) ||
      RULE.test(line) ||
      (i < 12 && line === title) ||
      /^(?:published|\d+ min read)$/i.test(line)
    ) {
      prose.flush();
      continue;
    }
    const table = code.inCode || prose.skipping ? undefined : tableAt(ls, i, sideOf);
    if (table) {
      prose.endOfProse();
      const first = prose.claims.length;
      for (const row of table.rows) add(rowText(row), row);
      if (table.names) tables.push({ names: table.names, claims: prose.claims.slice(first) });
      i = table.end - 1;
      continue;
    }
    // A box diagram says which boxes it has and what each holds: one claim, named after the heading over it.
    const diagram = prose.skipping || !DIAGRAM_LINE.test(line) ? undefined : diagramAt(ls, i);
    if (diagram) {
      prose.flush();
      add(`${sections.last} diagram: ${diagram.boxes.join('; ')}`);
      i = diagram.end - 1;
      continue;
    }
    if (code.read(ls, i, prose)) continue;
    if (isChrome(line)) {
      prose.flush();
      // "Related Articles" is chrome itself, and the list of links under it too.
      if (LINK_LIST_HEADING.test(line)) prose.skipping = true;
      continue;
    }
    if (isHeading(ls, i)) {
      prose.heading(line);
      continue;
    }
    readText(ls, i, prose, code, sideOf);
  }
  prose.flush();
  reviseSides(prose.claims, prose.leadItems, tables, sideOf);
  return {
    meta: { id: slugFromPath(path), title, short: shortLabel(source, title), ...head },
    claims: prose.claims,
    warnings: [],
  };
}
