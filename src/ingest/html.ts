import { gfm } from '@joplin/turndown-plugin-gfm';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import type { PageMeta } from './page-meta.js';

type Doc = ReturnType<typeof parseHTML>['document'];

const meta = (doc: Doc, ...selectors: string[]) => {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
};

/** schema.org JSON-LD objects on the page (an Article's headline, author and datePublished live there). */
function jsonLd(doc: Doc): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const v = JSON.parse(s.textContent ?? '') as unknown;
      const items = Array.isArray(v) ? v : [v];
      for (const item of items) {
        if (!item || typeof item !== 'object') continue;
        const graph = (item as { '@graph'?: unknown })['@graph'];
        out.push(...(Array.isArray(graph) ? graph : [item]));
      }
    } catch {
      // A broken JSON-LD block only costs us its metadata.
    }
  }
  return out;
}

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object' && 'name' in v) return text((v as { name: unknown }).name);
  return undefined;
};

/** Title, author, date, site and canonical URL from the page's own metadata, before Readability edits it. */
function pageMeta(doc: Doc, fetchedFrom: string | undefined): PageMeta {
  const ld = jsonLd(doc).find((o) => o.headline || o.datePublished) ?? {};
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const resolve = (href: string | undefined) => {
    try {
      return href ? new URL(href, fetchedFrom).href : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    title:
      meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
      text(ld.headline) ??
      doc.querySelector('title')?.textContent?.trim() ??
      undefined,
    author: meta(doc, 'meta[name="author"]', 'meta[property="article:author"]') ?? text(ld.author),
    published: (
      meta(doc, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]') ??
      text(ld.datePublished) ??
      doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined
    )?.slice(0, 10),
    site: meta(doc, 'meta[property="og:site_name"]'),
    url: resolve(canonical) ?? resolve(meta(doc, 'meta[property="og:url"]')) ?? fetchedFrom,
  };
}

let turndown: TurndownService | undefined;

/** Markdown as the indexer reads it: ATX headings, fenced code, GFM tables; images and forms dropped. */
function converter(): TurndownService {
  if (turndown) return turndown;
  turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  turndown.use(gfm);
  turndown.remove(['script', 'style', 'noscript', 'form', 'button', 'iframe', 'svg', 'img', 'nav']);
  return turndown;
}

/**
 * A web page → its article as Markdown, so headings, lists and tables survive into sections, list-item
 * claims and table rows. Readability (Firefox's Reader View) finds the main content and drops navigation,
 * sidebars and footers; a page it cannot read is converted whole.
 */
export function htmlToMarkdown(html: string, fetchedFrom?: string): { markdown: string; meta: PageMeta } {
  const { document } = parseHTML(html);
  const info = pageMeta(document, fetchedFrom);
  // Readability edits the document it reads: give it its own copy.
  const article = new Readability(parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  const content = article?.content ?? document.querySelector('body')?.innerHTML ?? '';
  const markdown = converter()
    .turndown(content)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    markdown,
    meta: {
      ...info,
      title: article?.title?.trim() || info.title,
      author: info.author ?? article?.byline?.trim() ?? undefined,
      site: info.site ?? article?.siteName ?? undefined,
    },
  };
}
