import { readAlone } from './coreference.js';
import { DIAGRAM_LINE, diagramAt } from './diagrams.js';
import { RULE, type SideOf, tableAt } from './flat-tables.js';
import { isListItem, isTableOfContents, itemContinues, leadInOf, splitItems, withLead } from './list-items.js';
import { SECTION_SEPARATOR, slugFromPath } from './markdown.js';
import {
  END_OF_ARTICLE,
  headingCandidate,
  headingText,
  isChrome,
  isCodeLine,
  isProse,
  LINK_LIST_HEADING,
  titleCase,
} from './plain-lines.js';
import { sentences } from './sentences.js';
import type { ParsedDocument, RawClaim } from './types.js';

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

/** A document's title: its first line that is neither chrome nor code, cut at its first sentence. */
function titleOf(ls: string[], path: string): string {
  const line = ls.find((l) => l.length > 0 && !isCodeLine(l) && !isChrome(l)) ?? slugFromPath(path);
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

/**
 * Heading levels, as far as flattened text shows them: numbered or emoji-led headings start a part and
 * lettered ones ("B. Blazing-Fast Performance") sit under it; a heading right under another is its child.
 * A Title Case heading ("Where Go Wins") starts a part too, and sentence-case ones ("The memory
 * difference") sit under it: pages style their top headings so and the ones below in sentence case.
 * Otherwise a heading stands alone: without markup, where a part ends cannot be known.
 */
class Sections {
  private path: string[] = [];
  private part: string | undefined;
  /** The last Title Case heading outside numbered parts: sentence-case headings after it are its children. */
  private titled: string | undefined;
  private afterHeading = false;

  constructor(private readonly title: string) {}

  heading(line: string): void {
    const text = headingText(line);
    if (/^(?:\d{1,2}[.)]|\p{Extended_Pictographic})/u.test(line)) {
      this.part = text;
      this.path = [text];
    } else if (/^[A-H][.)]\s/.test(line) && this.part) this.path = [this.part, text];
    // A heading right under another, or one that introduces a list ("Use Cases:"), belongs to the one before.
    else if (this.afterHeading || /:$/.test(text)) this.path = [...this.path.slice(-1), text];
    else if (this.titled && !titleCase(text)) this.path = [this.titled, text];
    else {
      this.part = undefined;
      this.path = [text];
    }
    if (!this.part) this.titled = titleCase(text) ? text : this.titled;
    this.afterHeading = true;
  }

  content(): void {
    this.afterHeading = false;
  }

  /** The innermost heading in view, or the title before any. */
  get last(): string {
    return this.path.at(-1) ?? this.title;
  }

  get current(): string {
    return this.path.join(SECTION_SEPARATOR) || '(introduction)';
  }
}

/** A lead-in that only points at what follows. */
const POINTER = /^(?:here[’']s|here (?:is|are)|the following|below)\b/i;

/** A heading that states a setting with its figures: "Load test: 5,000 clients, one JSON route". */
const isCaption = (text: string) => /^[^:]{3,40}:\s.*\d/.test(text) && text.split(/\s+/).length >= 4;

export function parsePlainText(source: string, path: string, sideOf: SideOf = () => 'both'): ParsedDocument {
  const ls = lines(source);
  const title = titleOf(ls, path);
  const claims: RawClaim[] = [];
  const sections = new Sections(title);
  let paragraph: string[] = [];
  let inCode = false;
  /** What the code in view is: the caption above it, then the last comment inside it. */
  const code = { caption: '', note: '' };
  let skipping = false; // a list of links ("Related Articles") until the next heading
  /** What introduced the list in view ("Python still wins for"), and whether the paragraph is one of its items. */
  let lead: string | undefined;
  /** The claim that is the lead-in sentence itself, dropped once an item carries it. */
  let leadClaim: RawClaim | undefined;
  let listItem = false;
  const add = (text: string, cells?: RawClaim['cells']) => {
    sections.content();
    claims.push({ section: sections.current, text, tags: {}, cells });
  };
  const addItems = (text: string) => {
    if (lead && isTableOfContents(lead)) return;
    const items = splitItems(text).filter((t) => /\p{L}{3}/u.test(t) && !isChrome(t) && (lead || t.length >= 12));
    // The lead-in ("When we deploy, we ship:") says nothing alone once its items carry it.
    if (leadClaim && items.length) claims.splice(claims.indexOf(leadClaim), 1);
    leadClaim = undefined;
    for (const item of items) add(withLead(lead, item));
  };
  const flush = () => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    const item = listItem;
    paragraph = [];
    listItem = false;
    if (!text || skipping) return;
    if (item) return addItems(text);
    const kept = sentences(text).filter((s) => !isChrome(s));
    // A lead-in sentence followed by prose ("Here's the one line to remember:") reads with what it introduces.
    if (leadClaim && leadClaim === claims.at(-1) && leadClaim.section === sections.current && kept.length) {
      claims.pop();
      kept[0] = `${leadClaim.text} ${kept[0]}`;
    }
    leadClaim = undefined;
    const last = claims.at(-1);
    const previous = last && !last.cells && last.section === sections.current ? last : undefined;
    lead = leadInOf(kept.at(-1));
    const { appendToPrevious, claims: texts } = readAlone(kept, previous?.text);
    if (previous && appendToPrevious) previous.text = `${previous.text} ${appendToPrevious}`;
    // Fragments of flattened tables and UI text ("3 min read") are kept only when they carry letters and some length.
    // A short lead-in ("I often combine both:", "Here's why:") says nothing until what it introduces.
    const leadIn = (t: string) => /:$/.test(t) && t.split(/\s+/).length < 7;
    for (const t of texts) if (t.length >= 12 && /\p{L}{3}/u.test(t) && !leadIn(t)) add(t);
    leadClaim = lead !== undefined && claims.at(-1)?.text === kept.at(-1) ? claims.at(-1) : undefined;
  };
  const endAt = Math.floor(ls.length * 0.8);
  for (let i = 0; i < ls.length; i++) {
    const line = ls[i]!;
    // What follows "Top comments" or "debate in the comments" near the end is readers' comments, not the article.
    if (i >= endAt && END_OF_ARTICLE.test(line)) break;
    if (line === '' || RULE.test(line) || (i < 12 && line === title) || /^(?:published|\d+ min read)$/i.test(line)) {
      flush();
      continue;
    }
    const table = inCode || skipping ? undefined : tableAt(ls, i, sideOf);
    if (table) {
      flush();
      lead = undefined;
      leadClaim = undefined;
      for (const row of table.rows) add(row.map((c) => `${c.header}: ${c.value}`).join('; '), row);
      i = table.end - 1;
      continue;
    }
    // A box diagram says which boxes it has and what each holds: one claim, named after the heading over it.
    const diagram = skipping || !DIAGRAM_LINE.test(line) ? undefined : diagramAt(ls, i);
    if (diagram) {
      flush();
      add(`${sections.last} diagram: ${diagram.boxes.join('; ')}`);
      i = diagram.end - 1;
      continue;
    }
    if (inCode && !leavesCode(ls, i)) {
      const measured = codeFigure(line, code);
      if (measured) add(measured);
      continue;
    }
    inCode = false;
    if (isCodeLine(line)) {
      flush();
      lead = undefined;
      leadClaim = undefined;
      inCode = true;
      code.note = '';
      const measured = codeFigure(line, code);
      if (measured) add(measured);
      continue;
    }
    if (isChrome(line)) {
      flush();
      // "Related Articles" is chrome itself, and the list of links under it too.
      if (LINK_LIST_HEADING.test(line)) skipping = true;
      continue;
    }
    if (isHeading(ls, i)) {
      flush();
      skipping = LINK_LIST_HEADING.test(headingText(line));
      sections.heading(line);
      lead = leadInOf(headingText(line));
      // A pointer ("Here's why I pick it:") over subsections says nothing of its own.
      if (leadClaim && leadClaim === claims.at(-1) && POINTER.test(leadClaim.text)) claims.pop();
      leadClaim = undefined;
      // A heading that states a measurement's setting ("Load test: 5,000 clients, one JSON route") is a claim too.
      if (isCaption(headingText(line))) add(headingText(line));
      continue;
    }
    // A caption line right above code ("Python - Classes with dataclasses", "Example: a Flask API:") describes the code.
    const next = nextText(ls, i);
    if (paragraph.length === 0 && !/[.!?]$/.test(line) && next !== undefined && isCodeLine(next)) {
      code.caption = line.replace(/:$/, '');
      // A whole sentence over code ("Typed structs make the API contract explicit:") says something itself.
      if (isProse(line) && !/^[\w ]{1,20}:\s/.test(line)) {
        paragraph.push(line);
        flush();
      }
      continue;
    }
    if (isListItem(line)) {
      flush();
      listItem = true;
      paragraph.push(line.replace(/^[-*]\s+/, ''));
      if (!itemContinues(line, ls[i + 1])) flush();
      continue;
    }
    paragraph.push(line);
    // A line that ends a sentence ends the paragraph too: extracted text often loses blank lines.
    if (/[.!?:]$/.test(line) || !/[,;\p{Ll}]$/u.test(line) || line.length < 60) flush();
  }
  flush();
  return { meta: { id: slugFromPath(path), title, short: shortLabel(source, title) }, claims, warnings: [] };
}
