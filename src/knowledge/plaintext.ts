import { SECTION_SEPARATOR, slugFromPath } from './markdown.js';
import { sentences } from './sentences.js';
import type { ParsedDocument, RawClaim } from './types.js';

/**
 * Plain prose (e.g. text extracted from a web page) has no markup, so structure is inferred line by line:
 * short capitalised lines without end punctuation are headings, code-looking lines are skipped, the
 * rest is split into sentences.
 */
const CODE_LINE =
  /^\s*(?:[{}()[\]<>]|\/\/|#|import\b|package\b|from\s+\S+\s+import|def\s|func\s|class\s|return\b|if\s.*[:{]$|for\s.*[:{]$|async\s|await\s|@\w|var\s|const\s|let\s|type\s+\w+\s+(?:struct|interface)|\w+\s*:?=\s*\S|.*;\s*$|.*\)\s*\{\s*$|[A-Za-z_.]+\(.*\)\s*$)/;
const SYMBOLS = /[{}()[\]<>=;:*&|$"'`\\/]/g;

function isCode(line: string): boolean {
  const symbols = line.match(SYMBOLS)?.length ?? 0;
  return CODE_LINE.test(line) || symbols / Math.max(1, line.length) > 0.12;
}

/** Web-page chrome that text extraction leaves at the top of an article. */
const BOILERPLATE = /^(?:skip to|command palette|search for|published$|\d+ min read|top comments|sign in|subscribe)/i;

function isHeading(line: string, next: string | undefined): boolean {
  const words = line.split(/\s+/).length;
  return (
    line.length <= 80 &&
    words <= 14 &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    !/[.!?,;:…]$/.test(line) &&
    !/\d+(?:\.\d+)?\s?(?:ms|s|MB|GB|KB|%|x)\b/.test(line) &&
    next !== undefined &&
    next.trim() !== ''
  );
}

export function parsePlainText(source: string, path: string): ParsedDocument {
  const lines = source.split(/\r?\n/).map((l) => l.trim());
  const title =
    lines.find((l) => l.length > 0 && l.length <= 150 && !isCode(l) && !BOILERPLATE.test(l)) ?? slugFromPath(path);
  const claims: RawClaim[] = [];
  let section: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join(' ');
    paragraph = [];
    for (const s of sentences(text)) {
      const clean = s.replace(/\s+/g, ' ').trim();
      // Fragments of flattened tables and UI text ("3 min read") are kept only when they carry letters and some length.
      if (clean.length >= 12 && /\p{L}{3}/u.test(clean))
        claims.push({ section: section.join(SECTION_SEPARATOR) || '(introduction)', text: clean, tags: {} });
    }
  };
  lines.forEach((line, i) => {
    if (line === '' || BOILERPLATE.test(line) || /^[=─\-–—_*]{3,}$/.test(line) || line === title) return flush();
    if (isCode(line)) return flush();
    if (isHeading(line, lines[i + 1])) {
      flush();
      section = [line];
      return;
    }
    paragraph.push(line);
    // A line that ends a sentence ends the paragraph too: extracted text often loses blank lines.
    if (/[.!?]$/.test(line)) flush();
    else if (!/[,;:\p{Ll}]$/u.test(line) || line.length < 60) flush();
  });
  flush();
  return { meta: { id: slugFromPath(path), title }, claims, warnings: [] };
}
