import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/knowledge/markdown.js';

const doc = `---
id: sample
title: "Sample: a title"
published: 2025-01-15
url: https://example.com/s
---
# Sample

Intro sentence, e.g. with an abbreviation. A second sentence here. {side=go kind=opinion}

## Tables
{kind=benchmark topics=performance}

| Framework | Req/sec |
|---|---|
| FastAPI | 45,000 |
| Gin | 110,000 {metric=http-rps} |

### Nested
- Parent item with **bold** and \`code\`.
  - Child item stands alone.
- Item with a tag. {side=python stance=gil-matters:no}

\`\`\`go
func main() {}
\`\`\`
`;

describe('markdown digests → raw claims', () => {
  const parsed = parseMarkdown(doc, 'knowledge/sample.md');

  it('GIVEN an HTML comment or raw HTML THEN no claim is made of it, and inline HTML is dropped from the text', () => {
    const doc = parseMarkdown(
      '# T\n\n<!-- editor: restored from the prose -->\n## S\n\nGo starts fast <span>really</span>.\n\n<div>\nnot a claim\n</div>\n',
      'x.md',
    );
    expect(doc.claims.map((c) => c.text)).toEqual(['Go starts fast really.']);
  });

  it('reads a short citation label from the front matter', () => {
    expect(parseMarkdown('---\nid: a\ntitle: A long title\nshort: Guide 2025\n---\n# A\n', 'a.md').meta.short).toBe(
      'Guide 2025',
    );
  });

  it('reads the front matter, keeping a YAML date as a day', () => {
    expect(parsed.meta).toMatchObject({
      id: 'sample',
      title: 'Sample: a title',
      published: '2025-01-15',
      url: 'https://example.com/s',
    });
  });

  it('makes one claim per prose sentence, keeping abbreviations inside a sentence', () => {
    expect(parsed.claims.slice(0, 2).map((c) => c.text)).toEqual([
      'Intro sentence, e.g. with an abbreviation.',
      'A second sentence here.',
    ]);
  });

  it('applies a trailing tag to the sentence it follows only', () => {
    expect(parsed.claims[0]!.tags).toEqual({});
    expect(parsed.claims[1]!.tags).toEqual({ side: 'go', kind: 'opinion' });
  });

  it('makes one claim per table row with header: cell text, defaults from a tag paragraph, and a row tag', () => {
    const rows = parsed.claims.filter((c) => c.cells);
    expect(rows.map((r) => r.text)).toEqual([
      'Framework: FastAPI; Req/sec: 45,000',
      'Framework: Gin; Req/sec: 110,000',
    ]);
    expect(rows[0]!.tags).toEqual({ kind: 'benchmark', topics: ['performance'] });
    expect(rows[1]!.tags).toMatchObject({ kind: 'benchmark', metric: 'http-rps' });
    expect(rows[0]!.section).toBe('Tables');
  });

  it('makes one claim per list item, nested ones included, with the heading path as section', () => {
    const items = parsed.claims.filter((c) => c.section === 'Tables › Nested');
    expect(items.map((c) => c.text)).toEqual([
      'Parent item with bold and code.',
      'Child item stands alone.',
      'Item with a tag.',
    ]);
    expect(items[2]!.tags).toEqual({ side: 'python', stance: 'gil-matters:no' });
  });

  it('skips code blocks', () => {
    expect(parsed.claims.some((c) => c.text.includes('func main'))).toBe(false);
  });

  it('reports a bad tag as a warning and keeps the claim', () => {
    const p = parseMarkdown('- Go is fast. {side=rust}\n', 'x.md');
    expect(p.claims).toHaveLength(1);
    expect(p.warnings.join()).toMatch(/side/);
  });

  it('falls back to the file name and first heading when there is no front matter', () => {
    const p = parseMarkdown('# My Notes\n\nGo compiles to one binary.\n', 'dir/My Notes.md');
    expect(p.meta).toMatchObject({ id: 'my-notes', title: 'My Notes' });
  });
});
