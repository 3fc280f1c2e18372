import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PageMeta } from './page-meta.js';
import { SourceError } from './problems.js';

interface TextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

interface Line {
  y: number;
  size: number;
  text: string;
}

/** Items → lines, top to bottom: pdf.js gives runs of text with their position and font height. */
function linesOf(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  for (const it of items) {
    if (!it.str.trim() && !it.hasEOL) continue;
    const y = it.transform[5] ?? 0;
    const last = lines.at(-1);
    if (last && Math.abs(last.y - y) < Math.max(2, it.height * 0.4)) {
      last.text += (/\s$/.test(last.text) || /^\s/.test(it.str) ? '' : ' ') + it.str;
      last.size = Math.max(last.size, it.height);
    } else if (it.str.trim()) lines.push({ y, size: it.height, text: it.str });
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/**
 * Lines → plain text for the plain-text parser: a wider gap than the line spacing ends a paragraph, and a
 * line set larger than the body text stands alone as a heading.
 */
function layout(pages: Line[][]): string {
  const sizes = pages.flat().map((l) => l.size);
  const body = sizes.sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
  const out: string[] = [];
  for (const lines of pages) {
    lines.forEach((l, i) => {
      const gap = i > 0 ? lines[i - 1]!.y - l.y : Number.POSITIVE_INFINITY;
      const heading = l.size > body * 1.15 && l.text.length <= 100;
      if (heading || gap > body * 1.8 || gap < 0) out.push('');
      out.push(l.text);
      if (heading) out.push('');
    });
    out.push('');
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "D:20260301093000Z" → "2026-03-01". */
const pdfDate = (d: unknown) =>
  typeof d === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(d)?.slice(1).join('-') : undefined;

/**
 * A PDF's text layer with pdf.js (Mozilla's pure-JavaScript reader; no canvas, no network). Loaded on
 * first use, so processes that never see a PDF never pay for it. A scanned PDF has no text layer: the
 * caller gets empty text and says so.
 */
export async function pdfToText(data: Uint8Array): Promise<{ text: string; meta: PageMeta; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data),
      isEvalSupported: false,
      disableFontFace: true,
      standardFontDataUrl: fonts,
      verbosity: 0,
    }).promise;
  } catch (cause) {
    throw new SourceError('source_unreadable', { kind: 'pdfUnreadable' }, { cause });
  }
  try {
    const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items.filter((i): i is TextItem & typeof i => 'str' in i)));
      page.cleanup();
    }
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    return {
      text: layout(pages),
      meta: { title: str(info.Title), author: str(info.Author), published: pdfDate(info.CreationDate) },
      pages: doc.numPages,
    };
  } finally {
    await doc.destroy();
  }
}
