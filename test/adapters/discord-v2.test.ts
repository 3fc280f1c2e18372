import { ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { renderReplyV2, v2Size } from '../../src/adapters/discord/v2.js';
import type { Button, Reply } from '../../src/chat/reply.js';
import type { CitedClaim } from '../../src/knowledge/types.js';
import type { Json } from '../fakes/discord-fake.js';
import { v2Text } from '../fakes/discord-harness.js';
import { messageProblem } from '../fakes/discord-rest.js';

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
