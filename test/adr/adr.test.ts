import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Reply } from '../../src/chat/reply.js';
import { DAY_MS, TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { pollAction } from '../../src/polls/poll-action.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { buttonOf, chatCtx } from '../helpers/chat.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';
import { EXAMPLE } from '../verdict/example.js';

const ctx = (userId: string, channelId: string, extra: Partial<ChatContext> = {}) =>
  chatCtx(userId, { channelId, ...extra });
const button = buttonOf;
const md = new MarkdownIt();

/** The record's headings, as a Markdown parser sees them: [level, text]. */
function headings(markdown: string): [string, string][] {
  const tokens = md.parse(markdown, {});
  return tokens.flatMap((t, i) =>
    t.type === 'heading_open' ? [[t.tag, tokens[i + 1]!.content] as [string, string]] : [],
  );
}

/** Every link target in the record, as a Markdown parser sees them. */
function links(markdown: string): string[] {
  return md
    .parse(markdown, {})
    .flatMap((t) => t.children ?? [])
    .filter((t) => t.type === 'link_open')
    .map((t) => String(t.attrGet('href') ?? ''));
}

describe('decision records (MADR) from walks and verdicts', () => {
  let core: Core;
  let port: RecordingPort;
  const clock = new TestClock('2026-03-01T10:00:00Z');
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE, ':memory:', { clock, pollUpdateIntervalMs: 5 });
    port = new RecordingPort();
    core.registerPort(port);
  });
  afterAll(async () => core.close());

  async function finishedWalk(channelId: string): Promise<Reply> {
    await core.handler.command('matrix', ctx('lead', channelId));
    let step = port.posts.at(-1)!.reply;
    // Two people answer the first step (Shipping a first version fast: yes), then the starter finishes.
    for (const user of ['ann', 'bob']) await core.handler.action(button(step, /^Yes$/), ctx(user, channelId));
    step = (await core.handler.action(button(step, /Finish now/), ctx('lead', channelId))).update!;
    return step;
  }

  it('renders as Markdown in the MADR layout, and every claim link resolves to an indexed claim', async () => {
    // A team poll ran in this channel a week ago: its result is the record's team sentiment.
    const poll = await core.handler.command('poll', ctx('ann', 'arch'));
    const pollId = /Poll (p\w+)/.exec(renderText(poll))![1]!;
    for (const [user, option] of [
      ['ann', 1],
      ['bob', 1],
      ['cy', 0],
    ] as const)
      await core.handler.action(pollAction.encode({ op: 'vote', pollId, option }), ctx(user, 'arch'));
    clock.advance(7 * DAY_MS);
    const card = await finishedWalk('arch');
    const out = await core.handler.action(button(card, /Export decision record/), ctx('ann', 'arch'));
    expect(renderText(out.reply!)).toMatch(
      /Exported the decision record w\w+: decision-w\w+-r1\.md \(https:[^)]+\) in #\w+\./,
    );
    const markdown = port.uploads.at(-1)!.content;
    expect(headings(markdown)).toEqual([
      ['h1', 'Use Python for this backend'],
      ['h2', 'Context and Problem Statement'],
      ['h2', 'Decision Drivers'],
      ['h2', 'Considered Options'],
      ['h2', 'Decision Outcome'],
      ['h3', 'Consequences'],
      ['h2', 'Team sentiment'],
      ['h2', 'Revisions'],
    ]);
    expect(markdown).toMatch(/\* Status: accepted\n\* Deciders: @lead, @ann, @bob\n\* Date: 2026-03-08/);
    expect(markdown).toMatch(
      /Team poll p\w+ in this channel \(“Team Go vs Team Python: which for our backend\?”, started 2026-03-01, closed 2026-03-02\): 🐹 Go 1 · 🐍 Python 2 · 🤝 It depends 0 \(3 votes\)\./,
    );
    expect(markdown).toContain('| **Total** | | **0** | **3** |');
    const claimLinks = links(markdown).filter((h) => h.includes('#claim='));
    expect(claimLinks.length).toBeGreaterThanOrEqual(3);
    const ids = claimLinks.map((h) => decodeURIComponent(h.split('#claim=')[1]!));
    const found = new Set(core.answers.claimsByIds(ids).map((c) => c.id));
    expect(ids.filter((id) => !found.has(id))).toEqual([]);
    for (const h of claimLinks) expect(h).toMatch(/^knowledge\/[a-z0-9-]+\.md#claim=/);
  });

  it('leaves team sentiment out when the last team poll is older than 30 days', async () => {
    await core.handler.command('poll', ctx('ann', 'old'));
    clock.advance(31 * DAY_MS);
    const card = await finishedWalk('old');
    await core.handler.action(button(card, /Export/), ctx('ann', 'old'));
    expect(headings(port.uploads.at(-1)!.content).map(([, t]) => t)).not.toContain('Team sentiment');
  });

  it('shows a channel’s weights on the scorecard, the verdict and the record, with who changed them', async () => {
    const root = ctx('root', 'tuned', { isAdmin: fixedAdmin(true) });
    await core.handler.command('matrix weights prototype-speed 2', root);
    const card = await finishedWalk('tuned');
    expect(renderText(card)).toMatch(
      /Weights changed in this channel: Shipping a first version fast ×2 — by @root on 2026-/,
    );
    expect(renderText(card)).toContain('Total: 🐹 0 | 🐍 6'); // yes: Python +3, doubled
    await core.handler.action(button(card, /Export/), ctx('ann', 'tuned'));
    const markdown = port.uploads.at(-1)!.content;
    expect(markdown).toMatch(/Weights changed in this channel: prototype-speed ×2 by @root on 2026-/);
    expect(markdown).toContain('Python +6 (weight ×2 in this channel; yes: Python +3; no: Go +1)');
    const verdict = await core.handler.command(`verdict ${EXAMPLE}`, ctx('ann', 'tuned'));
    expect(renderText(verdict)).toMatch(/Weights changed in this channel: Shipping a first version fast ×2/);
  });

  it('exports only a finished walk, and only from its own channel', async () => {
    await core.handler.command('matrix', ctx('lead', 'open'));
    const walkId = /v1:mx:\w+:(\w+):/.exec(button(port.posts.at(-1)!.reply, /^Yes$/))![1]!;
    const early = await core.handler.action(`v1:adr:w:${walkId}`, ctx('lead', 'open'));
    expect(renderText(early.reply!)).toMatch(/is open: a decision record is written once it is finished/);
    const foreign = await core.handler.action(`v1:adr:w:${walkId}`, ctx('lead', 'other'));
    expect(renderText(foreign.reply!)).toMatch(/There is no walk w\w+ here/);
  });
});
