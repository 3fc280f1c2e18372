import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/chat/strings-en.js';
import { isVersusError } from '../../src/errors.js';
import { convertDocument, sniff } from '../../src/ingest/convert.js';
import type { SourceError } from '../../src/ingest/problems.js';
import { problemText } from '../../src/sources/problem-text.js';
import { makePdf } from '../helpers/pdf.js';

/** What the person who added the document reads (in English) for a refused or unreadable one. */
const said = (e: unknown) => problemText((e as SourceError).problem, en);

const FIXTURES = join(import.meta.dirname, '../fixtures/sources');
const html = readFileSync(join(FIXTURES, 'job-workers.html'));

describe('convertDocument: what a team hands us → a document the indexer reads', () => {
  it('GIVEN an HTML page THEN keeps its article as Markdown (headings, table, list) and drops navigation and footer', async () => {
    const c = await convertDocument({ body: html, contentType: 'text/html; charset=utf-8', url: 'http://x/y' });
    expect(c.from).toBe('html');
    expect(c.format).toBe('markdown');
    expect(c.content).toContain('## What we measured');
    expect(c.content).toMatch(/\| Worker pool \| Thumbnails per minute \| Memory \(MB\) \| p95 job time \|/);
    expect(c.content).toMatch(/\| Go with goroutines \| 6,100 \| 95 +\| 0\.4s \|/);
    expect(c.content).toMatch(/^- +The receipt mailer/m);
    expect(c.content).not.toMatch(/Careers|Privacy|All rights reserved/);
  });

  it("takes title, author, date, site and canonical URL from the page's metadata", async () => {
    const c = await convertDocument({ body: html, contentType: 'text/html', url: 'http://x/y' });
    expect(c.meta).toEqual({
      title: 'Moving our job workers to Go',
      author: 'Rita Okafor',
      published: '2026-02-14',
      site: 'Harbor Engineering',
      url: 'https://eng.harbor.example/job-workers',
    });
  });

  it('reads schema.org JSON-LD when the page has no meta tags', async () => {
    const page = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",
      "headline":"Latency notes","author":{"@type":"Person","name":"Kim Bo"},"datePublished":"2025-11-02"}</script></head>
      <body><article><p>${'Our gateway answered in four milliseconds at the median. '.repeat(8)}</p></article></body></html>`;
    const c = await convertDocument({ body: Buffer.from(page), url: 'https://a.example/notes' });
    expect(c.meta).toMatchObject({ title: 'Latency notes', author: 'Kim Bo', published: '2025-11-02' });
    expect(c.meta.url).toBe('https://a.example/notes');
  });

  it('keeps Markdown as it is, title and author from its front matter when it has one', async () => {
    const md = '---\ntitle: Queue notes\nauthor: Lee\n---\n\n## Results\n\n| A | B |\n| - | - |\n| 1 | 2 |\n';
    const c = await convertDocument({ body: Buffer.from(md), name: 'queue-notes.md' });
    expect(c).toMatchObject({ from: 'markdown', format: 'markdown', content: md });
    expect(c.meta).toMatchObject({ title: 'Queue notes', author: 'Lee' });
    const bare = await convertDocument({ body: Buffer.from('Some words here.'), name: 'adr-007_queues.md' });
    expect(bare.meta.title).toBe('adr 007 queues');
  });

  it('keeps plain text as text, titled by its first line', async () => {
    const c = await convertDocument({ body: Buffer.from('Why we kept Django\n\nIt was fine.\n'), name: 'x.txt' });
    expect(c).toMatchObject({ from: 'text', format: 'text', meta: { title: 'Why we kept Django' } });
  });

  it("GIVEN a PDF THEN reads its text layer offline (pdf.js), headings apart, and its info's title and author", async () => {
    const pdf = makePdf(
      [
        { text: 'Batch import timings', size: 18 },
        { text: 'The Go importer loaded the nightly file in 40 seconds.' },
        { text: 'The Python importer needed 3 minutes for the same file.' },
      ],
      { title: 'Importer review', author: 'Dana Cole' },
    );
    const c = await convertDocument({ body: pdf, contentType: 'application/pdf', name: 'review.pdf' });
    expect(c.from).toBe('pdf');
    expect(c.format).toBe('text');
    expect(c.content).toBe(
      'Batch import timings\n\nThe Go importer loaded the nightly file in 40 seconds.\nThe Python importer needed 3 minutes for the same file.',
    );
    expect(c.meta).toMatchObject({ title: 'Importer review', author: 'Dana Cole', published: '2026-03-01' });
  });

  it('refuses what it cannot read, saying which formats it reads', async () => {
    const e = await convertDocument({ body: Buffer.from([0x89, 0x50]), contentType: 'image/png' }).catch((x) => x);
    expect(isVersusError(e, 'source_unreadable')).toBe(true);
    expect(said(e)).toMatch(/image\/png.*HTML.*Markdown.*plain text.*PDF/);
    const bin = await convertDocument({ body: Buffer.from([0, 1, 2, 3]), name: 'x.txt' }).catch((x) => x);
    expect(said(bin)).toMatch(/not text I can read \(a binary file\?\)/);
  });

  it('sniffs the format from the server, the file name, then the bytes', () => {
    expect(sniff({ body: Buffer.from('%PDF-1.7'), contentType: 'application/octet-stream' })).toBe('pdf');
    expect(sniff({ body: Buffer.from('<!DOCTYPE html><p>x'), contentType: 'text/plain' })).toBe('text');
    expect(sniff({ body: Buffer.from('<!DOCTYPE html><p>x') })).toBe('html');
    expect(sniff({ body: Buffer.from('# x'), name: 'a.markdown' })).toBe('markdown');
    expect(sniff({ body: Buffer.from('x'), contentType: 'application/zip' })).toBeUndefined();
  });
});
