import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/knowledge/extract.js';
import { parseMarkdown } from '../../src/knowledge/markdown.js';
import { parsePlainText } from '../../src/knowledge/plaintext.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

const taxonomy = loadTaxonomy(join(REAL_KNOWLEDGE, 'taxonomy.yaml'));
const sideOf = (t: string) => taxonomy.sideOf(t);
/** Flattened text (as copied off a page, its title first) → claims, the way the indexer reads a .txt file. */
function claimsOf(text: string) {
  const p = parsePlainText(`Notes from our platform team\n${text}`, 'page.txt', sideOf);
  return { title: p.meta.title, claims: extractClaims('page', p.claims, taxonomy).claims };
}
const texts = (text: string) => claimsOf(text).claims.map((c) => `[${c.section}] ${c.text}`);

describe('plain text: tables recovered from flattened lines', () => {
  it('GIVEN a titled table of figures THEN one claim per row, Header: cell, figures with subject, metric and unit', () => {
    const { claims } = claimsOf(
      'Queue drain test\n==========\nRunner Seconds Peak memory Remarks\nGo runner 4.1s 60MB one binary\nPython runner 9.8s 240MB with uvloop\n',
    );
    expect(claims.map((c) => c.text)).toEqual([
      'Runner: Go runner; Seconds: 4.1s; Peak memory: 60MB; Remarks: one binary',
      'Runner: Python runner; Seconds: 9.8s; Peak memory: 240MB; Remarks: with uvloop',
    ]);
    expect(claims[0]).toMatchObject({ section: 'Queue drain test', kind: 'benchmark', side: 'go', tableRow: true });
    expect(claims[0]!.figures[0]).toMatchObject({ subject: 'Go runner', metric: 'Seconds', value: 4.1, unit: 's' });
  });

  it('GIVEN a header over a separator with a list per language THEN the Go list starts at its first Go word', () => {
    const rows = texts(
      'Libraries side by side\n=====\nArea Python Go\n──────────\nCaching layer cachetools, dogpile ristretto, bigcache\nMessaging Celery, kombu Machinery, asynq\n',
    );
    expect(rows).toEqual([
      '[Libraries side by side] Area: Caching layer; Python: cachetools, dogpile; Go: ristretto, bigcache',
      '[Libraries side by side] Area: Messaging; Python: Celery, kombu; Go: Machinery, asynq',
    ]);
  });

  it('GIVEN columns that each name a language, glued together THEN one claim per cell', () => {
    const rows = texts(
      'Pick one\nPick Go ForPick Python For\nLong-lived daemonsNotebooks\nSmall static binariesGlue scripts\n',
    );
    expect(rows).toEqual([
      '[Pick one] Pick Go For: Long-lived daemons',
      '[Pick one] Pick Python For: Notebooks',
      '[Pick one] Pick Go For: Small static binaries',
      '[Pick one] Pick Python For: Glue scripts',
    ]);
  });

  it('reads Markdown pipe rows in a text file, and rows of two figures without any rule', () => {
    expect(texts('| Concern | Winner |\n|---|---|\n| Cold start | Go |\n')).toEqual([
      '[(introduction)] Concern: Cold start; Winner: Go',
    ]);
    const { claims } = claimsOf(
      'Build times\n\nService Build (s) Image (MB)\nBilling in Go 38 22\nBilling in Python 12 310\n',
    );
    expect(claims.map((c) => c.text)).toEqual([
      'Service: Billing in Go; Build (s): 38; Image (MB): 22',
      'Service: Billing in Python; Build (s): 12; Image (MB): 310',
    ]);
  });

  it("spells out a table's legend and lets its Recommendation column say what a row favors", () => {
    const { claims } = claimsOf(
      'Fit by job\n=====\nJob Python Go Recommendation\n─────\nStream processing ✓ ✓✓ Go\nReport notebooks ✓✓ ✓ Python\n✓✓ = Strong ✓ = Fair\n',
    );
    expect(claims[0]!.text).toBe('Job: Stream processing; Python: ✓ (fair); Go: ✓✓ (strong); Recommendation: Go');
    expect(claims.map((c) => [c.kind, c.favors])).toEqual([
      ['recommendation', 'go'],
      ['recommendation', 'python'],
    ]);
  });
});

describe('plain text: sections, code and page chrome', () => {
  it('keeps headings as sections: a blank line after them, numbered parts with lettered subsections, a Title Case question', () => {
    const rows = texts(
      '1. Why We Moved\n\nA. Latency Budget\n\nOur checkout call had to answer within a tenth of a second.\n\nWhat Did It Cost Us?\n\nTwo engineers spent a quarter on the port.\n',
    );
    expect(rows).toEqual([
      '[Why We Moved › Latency Budget] Our checkout call had to answer within a tenth of a second.',
      '[What Did It Cost Us?] Two engineers spent a quarter on the port.',
    ]);
  });

  it('skips code until prose resumes, and the caption above it, but keeps a measurement noted in it', () => {
    const rows = texts(
      'Startup cost\nA tiny server in Go:\npackage main\nfunc main() {\n// Go example\n// Resident set after boot\n// Memory: ~9MB (static binary)\n}\nThe binary started before the health check fired.\n',
    );
    expect(rows).toEqual([
      '[Startup cost] Go example: Resident set after boot — Memory: ~9MB (static binary)',
      '[Startup cost] The binary started before the health check fired.',
    ]);
  });

  it('drops bylines, reading times, calls to action, link lists and the comments after the article', () => {
    const page = [
      'Skip to main content',
      'Cutting our build times',
      'By Marta Ruiz',
      '4 min read',
      'Our CI pipeline compiled the Go services in under a minute on every push.',
      'Share this post with your team!',
      'Related Articles',
      '- Faster Docker layers - A guide',
      'Further notes',
      'The Python jobs were cached with a lockfile hash per branch.',
      'Let us debate it: drop a comment below!',
      'Top comments (2)',
      'Great read, we saw the same thing with our monorepo at work.',
    ].join('\n');
    const p = parsePlainText(page, 'page.txt', sideOf);
    const claims = extractClaims('page', p.claims, taxonomy).claims;
    expect(p.meta.title).toBe('Cutting our build times');
    expect(claims.map((c) => c.text)).toEqual([
      'Our CI pipeline compiled the Go services in under a minute on every push.',
      'The Python jobs were cached with a lockfile hash per branch.',
    ]);
  });
});

describe('plain text: claims that read alone', () => {
  it('merges a sentence that leans on the one before, across a line break in the same section', () => {
    expect(
      texts('Our payments team ported the ledger to Go.\nTheir p99 fell from 90ms to 12ms. It also halved the bill.\n'),
    ).toEqual([
      '[(introduction)] Our payments team ported the ledger to Go. Their p99 fell from 90ms to 12ms. It also halved the bill.',
    ]);
  });

  it('joins a question with the answer that follows it', () => {
    expect(texts('Was the rewrite worth it? For the ledger, yes, because the hot path is tiny.\n')).toEqual([
      '[(introduction)] Was the rewrite worth it? For the ledger, yes, because the hot path is tiny.',
    ]);
  });

  it('does the same for a team page in Markdown: no byline or call to action, leaning sentences merged', () => {
    const md =
      'By Marta Ruiz\n\n## Builds\n\nWe split the monorepo. This cut builds to 40s.\n\nSubscribe to our newsletter for more.\n';
    const raw = parseMarkdown(md, 'p.md', { raw: true }).claims.map((c) => `[${c.section}] ${c.text}`);
    expect(raw).toEqual(['[Builds] We split the monorepo. This cut builds to 40s.']);
    // A digest is read as it is written: every sentence its own claim.
    expect(parseMarkdown(md, 'p.md').claims).toHaveLength(4);
  });
});

const SOURCES = resolve(import.meta.dirname, '../../../shared/sources');

describe.skipIf(!existsSync(SOURCES))('plain text: the four raw source articles', () => {
  const parse = (file: string) => {
    const p = parsePlainText(readFileSync(join(SOURCES, file), 'utf8'), file, sideOf);
    return extractClaims(p.meta.id, p.claims, taxonomy).claims;
  };

  it('recovers the HTTP benchmark table of the 2025 guide as rows with subject, metric and unit', () => {
    const fiber = parse('001_1700e6da2285d9e5.txt').find((c) => /^Framework: Go \(Fiber\)/.test(c.text));
    expect(fiber?.text).toMatch(/^Framework: Go \(Fiber\); Req\/sec: 130,000; Latency \(p99\): 3ms; Memory: 25MB$/);
    expect(fiber?.figures[0]).toMatchObject({ subject: 'Go (Fiber)', unit: 'req/s', value: 130000 });
    expect(fiber?.kind).toBe('benchmark');
  });

  it('gives the short blog post its sections, though every heading there is followed by a blank line', () => {
    const claims = parse('000_cd3f8287e043408c.txt');
    expect(claims.filter((c) => c.section === '(introduction)')).toEqual([]);
    expect(new Set(claims.map((c) => c.section)).size).toBeGreaterThan(8);
  });
});
