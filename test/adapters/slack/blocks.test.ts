import { describe, expect, it } from 'vitest';
import { fallbackText, LIMITS, paginate, renderBlock } from '../../../src/adapters/slack/blocks.js';
import type { Reply } from '../../../src/chat/reply.js';
import { md, mention } from '../../../src/chat/rich.js';
import type { CitedClaim } from '../../../src/knowledge/types.js';

const claim = (i: number, len = 200): CitedClaim => ({
  id: `d:${i}`,
  text: `Claim number ${i} ${'x'.repeat(len)}`,
  side: i % 2 ? 'go' : 'python',
  kind: 'fact',
  topics: [],
  figures: [],
  citation: { documentId: 'd', title: 'Doc', section: `S${i}` },
});

describe('Block Kit renderer', () => {
  it('pages a reply that does not fit, losing nothing: every claim appears exactly once, each page inside the limits', () => {
    const reply: Reply = {
      visibility: 'channel',
      title: 'Big',
      blocks: [{ type: 'claims', claims: Array.from({ length: 60 }, (_, i) => claim(i)) }],
      buttons: [{ actionId: 'v1:cmp:x', label: 'Compare' }],
    };
    const pages = paginate(reply, (n) => ({ actionId: `slack:page:abcdef:${n}`, label: 'More' }));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.map((p) => JSON.stringify(p.blocks)).join('');
    for (let i = 0; i < 60; i++) expect(all.split(`Claim number ${i} `).length - 1).toBe(1);
    for (const [n, p] of pages.entries()) {
      expect(p.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      expect(JSON.stringify(p.blocks).length).toBeLessThan(12_000);
      expect(p.text.length).toBeGreaterThan(0);
      const hasMore = JSON.stringify(p.blocks).includes(`slack:page:abcdef:${n + 2}`); // the next page, 1-based
      expect(hasMore).toBe(n < pages.length - 1);
    }
    expect(JSON.stringify(pages.at(-1)!.blocks)).toContain('v1:cmp:x'); // the reply's own buttons end the last page
  });

  it('keeps sections under 3,000 characters and figure fields at 10 per section', () => {
    const [long] = renderBlock({ type: 'text', text: 'y'.repeat(5000) });
    expect(JSON.stringify(long).length).toBeLessThan(3100);
    const figures = renderBlock({
      type: 'figures',
      rows: Array.from({ length: 12 }, (_, i) => ({ label: `m${i}`, go: '1', python: '2' })),
    });
    for (const b of figures) if ('fields' in b && b.fields) expect(b.fields.length).toBeLessThanOrEqual(10);
  });

  it('renders markup spans as mrkdwn and escapes the text in them', () => {
    const [b] = renderBlock({
      type: 'text',
      text: md`a < b & c > d, *${'bold'}* \`${'x < 1'}\`, voters: ${mention('U123')}`,
    });
    expect(JSON.stringify(b)).toContain('a &lt; b &amp; c &gt; d, *bold* `x &lt; 1`, voters: <@U123>');
  });

  it('never reads user text as markup or a mention: a poll question and its options stay literal', () => {
    const question = '*Go* or _Python_? <@U999> <!here> `rm` ~x~';
    const rendered = JSON.stringify(
      renderBlock({ type: 'text', text: md`Result: *${question}* wins` }).concat(
        renderBlock({ type: 'bars', total: 1, bars: [{ label: question, count: 1, percent: 100 }] }),
      ),
    );
    expect(rendered).not.toMatch(/<@U999>|<!here>|`rm`|\*Go\*|_Python_|~x~/);
    expect(rendered).toContain('∗Go∗ or ˍPythonˍ? &lt;@U999&gt; &lt;!here&gt; ˋrmˋ ∼x∼');
    expect(JSON.stringify(renderBlock({ type: 'text', text: 'snake_case stays 2*3' }))).toContain(
      'snake_case stays 2*3',
    );
  });

  it('always has a plain-text fallback for notifications', () => {
    expect(fallbackText({ visibility: 'channel', blocks: [{ type: 'claims', claims: [claim(1, 5)] }] })).toMatch(
      /Claim number 1/,
    );
    expect(fallbackText({ visibility: 'channel', blocks: [] })).toBe('Versus');
  });

  it('leads a notification with the answer when there is one', () => {
    const answer = { type: 'answer' as const, text: 'Go with Fiber: 130,000 req/s', citations: [] };
    expect(
      fallbackText({ visibility: 'channel', title: 'Q', blocks: [answer, { type: 'claims', claims: [claim(1, 5)] }] }),
    ).toBe('Q: Go with Fiber: 130,000 req/s');
  });
});
