import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction, parseAction } from '../../src/chat/action-id.js';
import type { ChatContext } from '../../src/chat/context.js';
import { parseCommand } from '../../src/chat/parse-command.js';
import { renderText } from '../../src/chat/render-text.js';
import type { TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';

const ctx: ChatContext = { platform: 'console', workspaceId: 'w', channelId: 'c1', userId: 'u1', isAdmin: false };
const thread = { ...ctx, threadId: 't1' };

describe('command parsing', () => {
  it('GIVEN "compare concurrency" THEN a compare command', () => {
    expect(parseCommand('compare concurrency')).toEqual({ ok: true, value: { name: 'compare', topic: 'concurrency' } });
  });
  it('GIVEN nothing THEN help', () => {
    expect(parseCommand('   ')).toEqual({ ok: true, value: { name: 'help' } });
  });
  it('GIVEN compare without a topic THEN a usage error with an example', () => {
    const r = parseCommand('compare');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        command: 'compare',
        message: expect.stringContaining('/versus compare concurrency'),
      });
  });
  it('GIVEN a typo THEN "did you mean"', () => {
    const r = parseCommand('comapre gil');
    expect(!r.ok && r.error.message).toMatch(/Did you mean `\/versus compare`/);
  });
  it('GIVEN a whole question without "ask" THEN it is asked', () => {
    expect(parseCommand('is go faster than python?')).toMatchObject({ ok: true, value: { name: 'ask' } });
  });
  it('GIVEN a question over 12,000 characters THEN a usage error, not a crash', () => {
    expect(parseCommand(`ask ${'x '.repeat(7000)}`)).toMatchObject({ ok: false });
  });
});

describe('button action ids', () => {
  it('round-trips every kind within 100 characters', () => {
    for (const a of [
      { kind: 'more', contextId: 'abcDEF12_-', offset: 5 },
      { kind: 'cmp', topic: 'development-speed' },
      { kind: 'poll', op: 'vote', pollId: 'p1', option: 2 },
      { kind: 'mx', op: 'answer', sessionId: 's1', step: 3, value: 'yes' },
    ] as const) {
      const id = encodeAction(a);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(parseAction(id)).toEqual({ ok: true, value: a });
    }
  });
  it('rejects a forged or foreign id with a clear message', () => {
    expect(parseAction('v1:more:../../etc:1')).toMatchObject({ ok: false });
    expect(parseAction('v9:cmp:x')).toMatchObject({ ok: false, error: expect.stringContaining('another version') });
  });
});

describe('router', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  it('answers compare in the channel with both sides and a flagged disagreement', async () => {
    const r = await core.handler.command('compare concurrency', ctx);
    expect(r.visibility).toBe('channel');
    expect(r.blocks.some((b) => b.type === 'disagreements')).toBe(true);
    expect(renderText(r)).toMatch(/🐹 Go side[\s\S]*🐍 Python side/);
  });

  it('answers a usage error only to the user who typed it', async () => {
    const r = await core.handler.command('compare', ctx);
    expect(r.visibility).toBe('ephemeral');
    expect(renderText(r)).toMatch(/Usage: `\/versus compare <topic>`/);
  });

  it('says plainly when nothing matches, suggesting topics', async () => {
    const r = await core.handler.command('ask what about the weather in Paris', ctx);
    expect(renderText(r)).toMatch(/found nothing.*Try a topic/s);
  });

  it('pages an answer with "More sources" and serves the next page from the button', async () => {
    const real = await testCore(REAL_KNOWLEDGE);
    const first = await real.handler.command('ask how much memory do goroutines and threads use', ctx);
    const more = first.buttons?.find((b) => b.label === 'More sources');
    expect(more).toBeDefined();
    const next = await real.handler.action(more!.actionId, ctx);
    expect(next.update?.blocks[0]?.type).toBe('claims');
    const ids = (r: typeof first | undefined) =>
      (r?.blocks ?? []).flatMap((b) => (b.type === 'claims' ? b.claims.map((c) => c.id) : []));
    const answerIds = first.blocks[0]?.type === 'answer' ? first.blocks.length : 0;
    expect(answerIds).toBeGreaterThan(0);
    expect(ids(next.update).length).toBeGreaterThan(0);
    expect(ids(next.update).some((id) => ids(first).includes(id))).toBe(false);
    real.close();
  });

  it('answers a "Compare" button with the comparison', async () => {
    const r = await core.handler.action(encodeAction({ kind: 'cmp', topic: 'performance' }), ctx);
    expect(r.reply?.title).toBe('Go vs Python: Performance');
  });

  it('answers follow-ups only in threads where it was mentioned, with the earlier question as context', async () => {
    expect(await core.handler.threadMessage('and python?', { ...ctx, threadId: 'unknown' })).toBeNull();
    await core.handler.mention('does the GIL matter for backends', thread);
    const follow = await core.handler.threadMessage('and python?', thread);
    expect(['answer', 'claims']).toContain(follow?.blocks[0]?.type);
    expect(renderText(follow!)).toMatch(/GIL/);
  });

  it('stays quiet on thanks and greetings in a thread, and answers a greeting mention briefly', async () => {
    await core.handler.mention('does the GIL matter for backends', { ...thread, threadId: 't9' });
    for (const text of ['thanks!', 'ok', 'hello there', 'cool, thank you 👍'])
      expect(await core.handler.threadMessage(text, { ...thread, threadId: 't9' })).toBeNull();
    const hi = await core.handler.mention('hello there', { ...thread, threadId: 't10' });
    expect(hi.blocks.some((b) => b.type === 'claims' || b.type === 'answer')).toBe(false);
    expect(renderText(hi)).toMatch(/Ask me/);
  });

  it('runs a command given in a mention', async () => {
    const r = await core.handler.mention('compare performance', { ...ctx, threadId: 't2' });
    expect(r.title).toBe('Go vs Python: Performance');
  });

  it('reports a delivery as first only once', async () => {
    expect(await core.handler.firstDelivery('slack', 'Ev1')).toBe(true);
    expect(await core.handler.firstDelivery('slack', 'Ev1')).toBe(false);
    expect(await core.handler.firstDelivery('discord', 'Ev1')).toBe(true);
  });

  it('forgets deliveries after a day, so the table stays small', async () => {
    expect(await core.handler.firstDelivery('slack', 'EvOld')).toBe(true);
    (core.clock as TestClock).advance(86_400_000 + 1);
    expect(core.conversations.prune()).toBeGreaterThan(0);
    expect(await core.handler.firstDelivery('slack', 'EvOld')).toBe(true);
  });

  it('autocompletes topics, at most 25', async () => {
    expect(await core.handler.autocomplete('topic', 'conc')).toEqual(['concurrency']);
    expect((await core.handler.autocomplete('topic', '')).length).toBeLessThanOrEqual(25);
  });

  it('answers a stale or forged button with an ephemeral note', async () => {
    const r = await core.handler.action('v1:more:nosuchctx:5', ctx);
    expect(r.reply?.visibility).toBe('ephemeral');
    expect(renderText(r.reply!)).toMatch(/too old/);
  });
});
