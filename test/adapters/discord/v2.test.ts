import { ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { markdown } from '../../../src/adapters/discord/markdown.js';
import { citationMarkdown, splitText } from '../../../src/adapters/discord/sections.js';
import { renderReplyV2, type V2Payload, v2Size } from '../../../src/adapters/discord/v2.js';
import type { Button, Reply } from '../../../src/chat/reply.js';
import { md, mention } from '../../../src/chat/rich.js';
import type { CitedClaim } from '../../../src/knowledge/types.js';
import type { Json } from '../../fakes/discord-fake.js';
import { v2Text } from '../../fakes/discord-harness.js';
import { messageProblem } from '../../fakes/discord-rest.js';

const claim = (n: number): CitedClaim => ({
  id: `c${n}`,
  text: `Claim number ${n}: ${'goroutines and threads compared at length '.repeat(3)}`,
  side: n % 2 ? 'go' : 'python',
  kind: 'fact',
  topics: [],
  figures: [],
  citation: { documentId: 'd', title: 'Guide 2025', section: `Part ${n}`, url: 'https://example.com/g' },
});
const buttons = (n: number): Button[] =>
  Array.from({ length: n }, (_, i) => ({ actionId: `v1:x:${i}`, label: `B${i}` }));
const cited = (n: number, url?: string): CitedClaim => ({
  id: `c${n}`,
  text: `Claim ${n}.`,
  side: 'go',
  kind: n % 2 ? 'benchmark' : 'fact',
  topics: [],
  figures: [],
  citation: { documentId: 'a', title: 'Article [A]', section: `S${n}`, url },
});
const textOf = (p: V2Payload | undefined) => v2Text(p as unknown as Json);
/** Every button custom id of a page, the reply's own and the ◀ / ▶ navigation. */
const buttonIds = (p: V2Payload) =>
  p.components
    .filter((c) => c.type === ComponentType.ActionRow)
    .flatMap((r) => ('components' in r ? r.components : []))
    .map((b) => ('custom_id' in b ? b.custom_id : ''));
const one = (blocks: Reply['blocks'], more: Partial<Reply> = {}) =>
  renderReplyV2({ visibility: 'channel', blocks, ...more }, 'k');

describe('Components V2 rendering', () => {
  it('GIVEN a reply of 60 claims THEN every page is a valid V2 message within 40 components and 4,000 characters, and no claim is cut or repeated', () => {
    const reply: Reply = {
      visibility: 'channel',
      title: 'Long',
      blocks: [{ type: 'claims', claims: Array.from({ length: 60 }, (_, i) => claim(i + 1)) }],
    };
    const { pages } = renderReplyV2(reply, 'k1');
    expect(pages.length).toBeGreaterThan(1);
    let text = '';
    for (const p of pages) {
      expect(p.flags & MessageFlags.IsComponentsV2).toBe(MessageFlags.IsComponentsV2);
      expect(messageProblem(p as unknown as Json)).toBeUndefined();
      text += `\n${v2Text(p as unknown as Json)}`;
    }
    for (let n = 1; n <= 60; n++)
      expect(text.match(new RegExp(`Claim number ${n}:`, 'g')), `claim ${n}`).toHaveLength(1);
    expect(v2Text(pages[0] as unknown as Json)).toMatch(new RegExp(`-# Page 1/${pages.length}$`));
  });

  it('GIVEN a poll with 10 options and its two actions THEN all 12 buttons fit beside the text on one message', () => {
    const reply: Reply = {
      visibility: 'channel',
      title: 'Team Go or Team Python?',
      blocks: [
        {
          type: 'bars',
          bars: Array.from({ length: 10 }, (_, i) => ({ label: `Option ${i}`, count: i, percent: i * 2 })),
          total: 45,
        },
      ],
      buttons: buttons(12),
    };
    const { pages } = renderReplyV2(reply, 'k2');
    expect(pages).toHaveLength(1);
    const size = v2Size(pages[0]!);
    expect(size.components).toBeLessThanOrEqual(40);
    const rows = pages[0]!.components.filter((c) => c.type === ComponentType.ActionRow);
    expect(rows.flatMap((r) => ('components' in r ? r.components : [])).length).toBe(12);
  });

  it('GIVEN one text of 15,000 characters THEN it is split over pages at spaces, every page within the text budget', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const { pages } = renderReplyV2({ visibility: 'channel', blocks: [{ type: 'text', text: words }] }, 'k3');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages) expect(v2Size(p).chars).toBeLessThanOrEqual(4000);
    const body = pages.map((p) => v2Text(p as unknown as Json).replace(/\n-# Page \d+\/\d+$/, '')).join(' ');
    expect(body.split(/\s+/).filter(Boolean)).toEqual(words.split(' '));
  });

  it('gives each block its own container with the side’s accent colour', () => {
    const { pages } = renderReplyV2(
      {
        visibility: 'channel',
        blocks: [
          { type: 'claims', title: '🐹 Go side', claims: [claim(1)] },
          { type: 'claims', title: '🐍 Python side', claims: [claim(2)] },
        ],
      },
      'k4',
    );
    const containers = pages[0]!.components.filter((c) => c.type === ComponentType.Container);
    expect(containers.map((c) => ('accent_color' in c ? c.accent_color : undefined))).toEqual([0x00add8, 0x3776ab]);
  });
});

describe('what a reply shows on Discord', () => {
  it('renders claims with their citation, linked when the source has a web address, and marks non-fact kinds', () => {
    const text = textOf(one([{ type: 'claims', claims: [cited(1, 'https://x.test/a_(b)'), cited(2)] }]).pages[0]);
    expect(text).toContain('**1.** 🐹 Claim 1. *(benchmark)*\n-# ↳ [Article \\[A\\] › S1](https://x.test/a_(b%29)');
    expect(text).toContain('**2.** 🐹 Claim 2.\n-# ↳ Article \\[A\\] › S2');
    expect(citationMarkdown({ documentId: 'a', title: 'T', section: 'S', url: 'javascript:alert(1)' })).toBe('T › S');
  });

  it('renders figures as a bold name over both sides, disagreements with ⚠️ and both citations, and bars as text bars', () => {
    const { pages } = one([
      { type: 'figures', rows: [{ label: 'Throughput', go: '120,000 req/s', python: '45,000 req/s' }] },
      {
        type: 'disagreements',
        title: '⚠️ Where the sources disagree',
        items: [{ about: 'Speed-up', summary: '5–10× vs 56×', claims: [cited(1), cited(2)] }],
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
    ]);
    expect(pages).toHaveLength(1);
    expect(textOf(pages[0])).toBe(
      [
        '### Figures',
        '**Throughput**\n🐹 Go: 120,000 req/s\n🐍 Python: 45,000 req/s',
        '### ⚠️ Where the sources disagree',
        '⚠️ **Speed-up**: 5–10× vs 56×\n-# ↳ Article \\[A\\] › S1\n-# ↳ Article \\[A\\] › S2\n**Votes**\n🐹 Go ███████░░░ 70% (7)\n🐍 Python ███░░░░░░░ 30% (3)\n-# 10 vote(s)',
      ].join('\n'),
    );
  });

  it('keeps a title longer than a heading whole in the body', () => {
    const title = 'Q'.repeat(300);
    const text = textOf(one([{ type: 'text', text: 'x' }], { title }).pages[0]);
    expect(text).toBe(`### ${'Q'.repeat(255)}…\n**${title}**\nx`);
  });

  it('GIVEN a long answer with buttons THEN every page has the reply’s buttons and the ◀ / ▶ to its neighbours', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const { pages } = one([{ type: 'text', text: words }], { buttons: buttons(3) });
    pages.forEach((p, i) => {
      expect(messageProblem(p as unknown as Json)).toBeUndefined();
      const ids = buttonIds(p);
      expect(ids.filter((id) => id.startsWith('v1:x:'))).toEqual(['v1:x:0', 'v1:x:1', 'v1:x:2']);
      if (i + 1 < pages.length) expect(ids).toContain(`dc:page:${i + 2}:k`);
      if (i > 0) expect(ids).toContain(`dc:page:${i}:k`);
    });
  });

  it('lays out buttons in rows of 5 and spreads more than a page holds over pages instead of dropping them', () => {
    const twelve = one([{ type: 'text', text: 'x' }], { buttons: buttons(12) }).pages;
    expect(twelve).toHaveLength(1);
    const rows = twelve[0]!.components.filter((c) => c.type === ComponentType.ActionRow);
    expect(rows.map((r) => ('components' in r ? r.components.length : 0))).toEqual([5, 5, 2]);
    const many = one([{ type: 'text', text: 'x' }], { buttons: buttons(30) }).pages;
    expect(many.length).toBeGreaterThan(1);
    for (const p of many) expect(messageProblem(p as unknown as Json)).toBeUndefined();
    expect(
      many
        .flatMap(buttonIds)
        .filter((id) => id.startsWith('v1:x:'))
        .sort(),
    ).toEqual(
      buttons(30)
        .map((b) => b.actionId)
        .sort(),
    );
  });

  it('leaves out buttons Discord would reject (id over 100 characters, duplicate) and says so, instead of failing the message', () => {
    const bad: Button[] = [
      { actionId: `v1:${'x'.repeat(120)}`, label: 'Long' },
      { actionId: 'v1:a', label: 'A' },
      { actionId: 'v1:a', label: 'A again' },
    ];
    const { pages, warnings } = one([{ type: 'text', text: 'x' }], { buttons: bad });
    expect(buttonIds(pages[0]!)).toEqual(['v1:a']);
    expect(warnings).toHaveLength(2);
  });

  it('splits text at a line break, else a space, and never inside a surrogate pair', () => {
    expect(splitText('ab\ncd', 3)).toEqual(['ab', 'cd']);
    expect(splitText('ab cd', 3)).toEqual(['ab', 'cd']);
    const emoji = '😀'.repeat(10);
    expect(splitText(emoji, 5).join('')).toBe(emoji);
    for (const part of splitText(emoji, 5)) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('renders markup spans as Discord markdown', () => {
    expect(markdown(md`*Verdict* _maybe_ \`/versus poll\` ${mention('1100000000000000022')}`)).toBe(
      '**Verdict** *maybe* `/versus poll` <@1100000000000000022>',
    );
  });

  it('never reads user text as markup or a mention: a poll question and its options stay literal', () => {
    const question = '**Go** or _Python_? <@1100000000000000022> @everyone ||spoiler|| [x](https://evil.test)';
    const escaped =
      '\\*\\*Go\\*\\* or \\_Python\\_? \\<@1100000000000000022\\> @\u200Beveryone \\|\\|spoiler\\|\\| \\[x\\](https://evil.test)';
    const text = textOf(
      one(
        [
          { type: 'text', text: md`Result: *${question}* wins` },
          { type: 'bars', total: 1, bars: [{ label: '# Heading?', count: 1, percent: 100 }] },
        ],
        { title: question },
      ).pages[0],
    );
    expect(text.split('\n')[0]).toBe(`### ${escaped}`);
    expect(text).toContain(`Result: **${escaped}** wins`);
    expect(text).toContain('\\# Heading? ');
  });
});

describe('the fake Discord checks V2 bodies as Discord does', () => {
  it('rejects V2 components without the flag, content beside the flag, and bodies over the limits', () => {
    const container = { type: 17, components: [{ type: 10, content: 'x' }] };
    expect(messageProblem({ components: [container] })).toMatch(/IS_COMPONENTS_V2/);
    expect(messageProblem({ flags: 1 << 15, content: 'hi', components: [container] })).toMatch(/content and embeds/);
    const many = { flags: 1 << 15, components: Array.from({ length: 21 }, () => container) };
    expect(messageProblem(many)).toMatch(/42 components/);
    const long = { flags: 1 << 15, components: [{ type: 10, content: 'x'.repeat(4001) }] };
    expect(messageProblem(long)).toMatch(/4001 characters/);
    expect(messageProblem({ flags: (1 << 15) | (1 << 6), components: [container] })).toBeUndefined();
  });
});
