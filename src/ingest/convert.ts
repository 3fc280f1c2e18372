import { textOf } from '../knowledge/folder.js';
import { parseMarkdown } from '../knowledge/markdown.js';
import { parsePlainText } from '../knowledge/plaintext.js';
import type { PageMeta } from './page-meta.js';
import { SourceError, type SourceProblem } from './problems.js';

/** What a team handed us: bytes, with whatever the server or the upload said about them. */
export interface IncomingDocument {
  body: Buffer;
  contentType?: string | undefined;
  /** A file name (upload) or the URL's last path segment. */
  name?: string | undefined;
  /** Where it was fetched from. */
  url?: string | undefined;
}

/** A document ready to store and index: Markdown (with headings and tables) or plain text. */
export interface Converted {
  format: 'markdown' | 'text';
  content: string;
  /** title is always set. */
  meta: PageMeta & { title: string };
  /** What it was before conversion. */
  from: 'html' | 'markdown' | 'text' | 'pdf';
}

type Kind = Converted['from'];

const unreadable = (problem: SourceProblem) => new SourceError('source_unreadable', problem);

/** The format from the server's word, the file name, then the bytes themselves. */
export function sniff(doc: IncomingDocument): Kind | undefined {
  const type = (doc.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const name = (doc.name ?? '').toLowerCase();
  const head = doc.body.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  if (type === 'application/pdf' || head.startsWith('%pdf-')) return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/\.(md|markdown)$/.test(name) || type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (type === 'text/plain' || /\.txt$/.test(name)) return 'text';
  if (/\.html?$/.test(name) || /^<(!doctype html|html|head|body)\b/.test(head)) return 'html';
  if (type && !type.startsWith('text/') && type !== 'application/octet-stream') return undefined;
  return 'text';
}

/** The charset the server or the page declares; UTF-8 otherwise. */
function decodeHtml(doc: IncomingDocument): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(doc.contentType ?? '')?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(doc.body.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(doc.body);
  } catch {
    // A charset label this runtime does not know: read it as UTF-8.
    return new TextDecoder('utf-8').decode(doc.body);
  }
}

function plainText(doc: IncomingDocument): string {
  const t = textOf(doc.body);
  if ('problem' in t) throw unreadable({ kind: 'notText' });
  return t.text;
}

/** A title when the document gives none: the file name or the URL's last segment, as words. */
function fallbackTitle(doc: IncomingDocument): string {
  const last = (doc.name ?? '').split('/').at(-1) ?? '';
  const words = decodeURIComponent(last.replace(/\.[a-z0-9]+$/i, ''))
    .replace(/[-_]+/g, ' ')
    .trim();
  if (words) return words;
  try {
    return doc.url ? new URL(doc.url).hostname : 'Untitled document';
  } catch {
    return 'Untitled document';
  }
}

/**
 * Bytes → a document the indexer reads. HTML becomes Markdown (main content only); Markdown and text
 * are kept as they are; a PDF's text layer becomes plain text. Title, author, date and URL come from
 * the document's own metadata (front matter, meta tags, PDF info), else from its name.
 */
export async function convertDocument(doc: IncomingDocument): Promise<Converted> {
  const kind = sniff(doc);
  if (!kind) throw unreadable({ kind: 'format', contentType: doc.contentType });
  let format: Converted['format'] = 'text';
  let content: string;
  let meta: PageMeta = {};
  if (kind === 'html') {
    // Loaded on first use: start-up (every CLI call, every bot start) never pays for the DOM and converters.
    const { htmlToMarkdown } = await import('./html.js');
    const page = htmlToMarkdown(decodeHtml(doc), doc.url);
    format = 'markdown';
    content = page.markdown;
    meta = page.meta;
  } else if (kind === 'pdf') {
    const { pdfToText } = await import('./pdf.js');
    const pdf = await pdfToText(doc.body);
    content = pdf.text;
    meta = pdf.meta;
  } else if (kind === 'markdown') {
    format = 'markdown';
    content = plainText(doc);
    const m = parseMarkdown(content, doc.name ?? 'document.md').meta;
    const titled = m.title !== m.id; // parseMarkdown falls back to the file's slug
    meta = { title: titled ? m.title : undefined, author: m.author, published: m.published, url: m.url, site: m.site };
  } else {
    content = plainText(doc);
    const t = parsePlainText(content, doc.name ?? 'document.txt').meta;
    meta = { title: t.title !== t.id ? t.title : undefined };
  }
  const title = (meta.title ?? fallbackTitle(doc)).replace(/\s+/g, ' ').trim().slice(0, 200);
  return { format, content, meta: { ...meta, title, url: meta.url ?? doc.url }, from: kind };
}
