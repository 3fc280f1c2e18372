import { type APIEmbed, embedLength } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { type ButtonRow, parsePageButtonId } from '../../src/adapters/discord/components.js';
import {
  citationMarkdown,
  type EmbedPayload,
  type MessagePayload,
  renderReply,
  splitText,
} from '../../src/adapters/discord/embeds.js';
import { markdown } from '../../src/adapters/discord/markdown.js';
import { DiscordPages } from '../../src/adapters/discord/pages.js';
import type { Button, Reply } from '../../src/chat/reply.js';
import { md, mention } from '../../src/chat/rich.js';
import { TestClock } from '../../src/clock.js';
import type { CitedClaim } from '../../src/knowledge/types.js';
import { createLogger } from '../../src/logger.js';

// The renderer on its own: every page within Discord's limits, and nothing lost.

const claim = (n: number, url?: string): CitedClaim => ({
  id: `c${n}`,
  text: `Claim ${n}.`,
  side: 'go',
  kind: n % 2 ? 'benchmark' : 'fact',
  topics: [],
  figures: [],
  citation: { documentId: 'a', title: 'Article [A]', section: `S${n}`, url },
});

function checkLimits(p: EmbedPayload): void {
  expect(p.embeds.length).toBeLessThanOrEqual(10);
  expect(p.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  for (const e of p.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(e.title || e.description || e.fields?.length).toBeTruthy(); // Discord rejects empty embeds
  }
  expect(p.components.length).toBeLessThanOrEqual(5);
  for (const row of p.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  }
}

const descriptions = (pages: EmbedPayload[]) =>
  pages.flatMap((p) => p.embeds.map((e: APIEmbed) => e.description ?? '')).join('\n');
const buttons = (n: number, prefix = 'v1:x:'): Button[] =>
  Array.from({ length: n }, (_, i) => ({ actionId: `${prefix}${i}`, label: `B${i}` }));

describe('renderReply', () => {
  it('renders claims with their citation, linked when the source has a url, and marks non-fact kinds', () => {
    const { pages } = renderReply(
      {
        visibility: 'channel',
        title: 'T',
        blocks: [{ type: 'claims', claims: [claim(1, 'https://x.test/a_(b)'), claim(2)] }],
      },
      'k',
    );
    const d = pages[0]!.embeds[0]!.description!;
    expect(d).toContain('**1.** 🐹 Claim 1. *(benchmark)*\n-# ↳ [Article \\[A\\] › S1](https://x.test/a_(b%29)');
    expect(d).toContain('**2.** 🐹 Claim 2.\n-# ↳ Article \\[A\\] › S2');
    expect(citationMarkdown({ documentId: 'a', title: 'T', section: 'S', url: 'javascript:alert(1)' })).toBe('T › S');
  });

  it('renders figures as fields, disagreements with ⚠️ and both citations, and bars as text bars', () => {
    const reply: Reply = {
      visibility: 'channel',
      title: 'Poll',
      blocks: [
        { type: 'figures', rows: [{ label: 'Throughput', go: '120,000 req/s', python: '45,000 req/s' }] },
        {
          type: 'disagreements',
          items: [{ about: 'Speed-up', summary: '5–10× vs 56×', claims: [claim(1), claim(2)] }],
        },
        {
          type: 'bars',
          title: 'Votes',
          total: 10,
          bars: [
            { label: '🐹 Go', count: 7, percent: 70 },
            { label: '🐍 Python', count: 3, percent: 30 },
          ],
        },
      ],
    };
    const [page] = renderReply(reply, 'k').pages;
    const fields = page!.embeds.flatMap((e) => e.fields ?? []);
    expect(fields).toEqual([
      { name: 'Throughput', value: '🐹 Go: 120,000 req/s\n🐍 Python: 45,000 req/s', inline: true },
    ]);
    const text = descriptions([page!]);
    expect(text).toContain('⚠️ **Speed-up**: 5–10× vs 56×\n-# ↳ Article \\[A\\] › S1\n-# ↳ Article \\[A\\] › S2');
    expect(text).toContain('🐹 Go ███████░░░ 70% (7)');
    expect(text).toContain('🐍 Python ███░░░░░░░ 30% (3)');
    expect(page!.embeds.map((e) => e.title)).toContain('⚠️ Where the sources disagree');
  });

  it('keeps a title longer than 256 characters whole in the description', () => {
    const title = 'Q'.repeat(300);
    const [page] = renderReply({ visibility: 'channel', title, blocks: [{ type: 'text', text: 'x' }] }, 'k').pages;
    expect(page!.embeds[0]!.title).toHaveLength(256);
    expect(page!.embeds[0]!.description).toContain(title);
  });

  it('pages a 50,000-character answer: every page within limits, with navigation, and the text complete', () => {
    const words = Array.from({ length: 8000 }, (_, i) => `w${i}`).join(' ');
    const { pages } = renderReply(
      { visibility: 'channel', title: 'Long', blocks: [{ type: 'text', text: words }], buttons: buttons(3) },
      'key1',
    );
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => {
      checkLimits(p);
      expect(p.embeds.at(-1)!.footer!.text).toBe(`Page ${i + 1}/${pages.length}`);
      const ids = p.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
      expect(ids.filter((id) => id.startsWith('v1:x:'))).toHaveLength(3); // the reply's own buttons on every page
      if (i + 1 < pages.length) expect(ids).toContain(`dc:page:${i + 2}:key1`);
      if (i > 0) expect(ids).toContain(`dc:page:${i}:key1`);
    });
    expect(
      descriptions(pages)
        .replace(/\s+/g, ' ')
        .split(' ')
        .filter((w) => w.startsWith('w')),
    ).toEqual(words.split(' '));
  });

  it('splits over-long field values into continuation fields and never puts more than 25 fields in an embed', () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({
      label: `Metric ${i}`,
      go: 'g'.repeat(i === 0 ? 1500 : 10),
      python: 'p',
    }));
    const { pages } = renderReply(
      { visibility: 'channel', title: 'Figures', blocks: [{ type: 'figures', rows }] },
      'k',
    );
    pages.forEach(checkLimits);
    const fields = pages.flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
    expect(fields.filter((f) => f.name.startsWith('Metric 0'))).toHaveLength(2);
    expect(fields.find((f) => f.name === 'Metric 0 (cont.)')).toBeDefined();
    expect(new Set(fields.map((f) => f.name.replace(' (cont.)', ''))).size).toBe(60);
  });

  it('lays out up to 25 buttons in rows of 5 and spreads more over pages instead of dropping them', () => {
    const twelve = renderReply(
      { visibility: 'channel', blocks: [{ type: 'text', text: 'x' }], buttons: buttons(12) },
      'k',
    ).pages;
    expect(twelve).toHaveLength(1);
    expect(twelve[0]!.components.map((r) => r.components.length)).toEqual([5, 5, 2]);
    const many = renderReply(
      { visibility: 'channel', blocks: [{ type: 'text', text: 'x' }], buttons: buttons(30) },
      'k',
    ).pages;
    many.forEach(checkLimits);
    const ids = many.flatMap((p) =>
      p.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : ''))),
    );
    expect(ids.filter((id) => id.startsWith('v1:x:')).sort()).toEqual(
      buttons(30)
        .map((b) => b.actionId)
        .sort(),
    );
  });

  it('reports buttons Discord would reject (id over 100 characters, duplicate) instead of failing the whole message', () => {
    const bad: Button[] = [
      { actionId: `v1:${'x'.repeat(120)}`, label: 'Long' },
      { actionId: 'v1:a', label: 'A' },
      { actionId: 'v1:a', label: 'A again' },
    ];
    const { pages, warnings } = renderReply(
      { visibility: 'channel', blocks: [{ type: 'text', text: 'x' }], buttons: bad },
      'k',
    );
    expect(pages[0]!.components.flatMap((r) => r.components)).toHaveLength(1);
    expect(warnings).toHaveLength(2);
  });

  it('splitText never breaks a surrogate pair and prefers line breaks', () => {
    expect(splitText('ab\ncd', 3)).toEqual(['ab', 'cd']);
    const emoji = '😀'.repeat(10);
    expect(splitText(emoji, 5).join('')).toBe(emoji);
    for (const part of splitText(emoji, 5)) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});

describe('PageStore', () => {
  const long: Reply = { visibility: 'channel', blocks: [{ type: 'text', text: 'word '.repeat(3000) }] };
  const keyOf = (p: MessagePayload) => {
    const row = p.components.at(-1) as ButtonRow;
    return parsePageButtonId(row.components.at(-1)!.custom_id)!.key;
  };
  const footer = (p: MessagePayload | undefined) =>
    JSON.stringify(p?.components ?? []).match(/-# (Page \d+\/\d+)/)?.[1];

  const HERE = { channelId: 'c1' };
  const READER = { channelId: 'c1', userId: 'u1' };
  it('keeps the pages of a long reply and serves them by key; short replies are not stored', async () => {
    const store = new DiscordPages(createLogger('silent'));
    store.render({ visibility: 'channel', blocks: [{ type: 'text', text: 'short' }] }, HERE);
    expect(store.size).toBe(0);
    const first = store.render(long, HERE);
    expect(store.size).toBe(1);
    expect(footer(await store.page(keyOf(first), 2, READER))).toMatch(/^Page 2\//);
    expect(await store.page('nope', 2, READER)).toBeUndefined();
    expect(await store.page(keyOf(first), 2, { ...READER, channelId: 'c2' })).toBeUndefined(); // only where it was shown
  });

  it('drops the least recently used reply beyond its capacity, and replies older than its TTL', async () => {
    const clock = new TestClock();
    const store = new DiscordPages(createLogger('silent'), { capacity: 2, ttlMs: 1000, clock });
    const [a, b] = [keyOf(store.render(long, HERE)), keyOf(store.render(long, HERE))];
    expect(await store.page(a, 1, READER)).toBeDefined(); // a is now the most recently used
    const c = keyOf(store.render(long, HERE));
    expect(await store.page(b, 1, READER)).toBeUndefined();
    expect(await store.page(a, 1, READER)).toBeDefined();
    clock.advance(2000);
    expect(await store.page(c, 1, READER)).toBeUndefined();
  });
});

describe('markup and user text on Discord', () => {
  it('renders markup spans as Discord markdown', () => {
    expect(markdown(md`*Verdict* _maybe_ \`/versus poll\` ${mention('1100000000000000022')}`)).toBe(
      '**Verdict** *maybe* `/versus poll` <@1100000000000000022>',
    );
  });

  it('never reads user text as markup or a mention: a poll question and its options stay literal', () => {
    const question = '**Go** or _Python_? <@1100000000000000022> @everyone ||spoiler|| [x](https://evil.test)';
    const [page] = renderReply(
      {
        visibility: 'channel',
        title: question,
        blocks: [
          { type: 'text', text: md`Result: *${question}* wins` },
          { type: 'bars', total: 1, bars: [{ label: '# Heading?', count: 1, percent: 100 }] },
        ],
      },
      'k',
    ).pages;
    const d = page!.embeds[0]!.description!;
    expect(d).toContain(
      'Result: **\\*\\*Go\\*\\* or \\_Python\\_? \\<@1100000000000000022\\> @\u200Beveryone \\|\\|spoiler\\|\\| \\[x\\](https://evil.test)** wins',
    );
    expect(d).toContain('\\# Heading? ');
    expect(page!.embeds[0]!.title).toBe(
      '∗∗Go∗∗ or ˍPythonˍ? <@1100000000000000022> @everyone ||spoiler|| [x](https://evil.test)',
    );
  });
});
