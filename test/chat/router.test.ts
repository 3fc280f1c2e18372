import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareAction, moreAction } from '../../src/answers/answer-actions.js';
import { Answering } from '../../src/answers/answer-features.js';
import { inThreadEngine } from '../../src/answers/engine.js';
import { ACTION_ERRORS, type ActionCodec, actionCodec, splitActionId } from '../../src/chat/action-id.js';
import { AnswerRecords } from '../../src/chat/answer-records.js';
import type { ChatContext } from '../../src/chat/context.js';
import { action, command, type Feature } from '../../src/chat/feature.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { parseCommand } from '../../src/chat/parse-command.js';
import { renderText } from '../../src/chat/render-text.js';
import { ephemeral } from '../../src/chat/reply.js';
import { err, ok } from '../../src/chat/result.js';
import { plain } from '../../src/chat/rich.js';
import { Router } from '../../src/chat/router.js';
import { DAY_MS, type TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { walkAction } from '../../src/matrix/walk-action.js';
import { pollAction } from '../../src/polls/poll-action.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';

const ctx: ChatContext = {
  platform: 'console',
  workspaceId: 'w',
  channelId: 'c1',
  userId: 'u1',
  isAdmin: fixedAdmin(false),
};
const thread = { ...ctx, threadId: 't1' };

const NAMES = ['ask', 'compare', 'sources', 'poll', 'schedule', 'matrix', 'help'];

describe('command parsing', () => {
  it('GIVEN "compare concurrency" THEN the compare feature with its arguments', () => {
    expect(parseCommand('compare concurrency', NAMES)).toEqual({
      ok: true,
      value: { name: 'compare', args: 'concurrency' },
    });
  });
  it('GIVEN nothing THEN help', () => {
    expect(parseCommand('   ', NAMES)).toEqual({ ok: true, value: { name: 'help', args: '' } });
  });
  it('GIVEN a typo THEN "did you mean"', () => {
    const r = parseCommand('comapre gil', NAMES);
    expect(!r.ok && plain(r.error.message)).toMatch(/Did you mean `\/versus compare`/);
  });
  it('GIVEN a whole question without "ask" THEN it is asked', () => {
    expect(parseCommand('is go faster than python?', NAMES)).toEqual({
      ok: true,
      value: { name: 'ask', args: 'is go faster than python?' },
    });
  });
  it('GIVEN control characters THEN they are dropped, not echoed', () => {
    expect(parseCommand('compare\u0007 gil\u0000', NAMES)).toEqual({
      ok: true,
      value: { name: 'compare', args: 'gil' },
    });
  });
});

describe('button action ids', () => {
  it('round-trips every kind within 100 characters', () => {
    const cases = [
      [moreAction, { answerId: 'abcDEF12_-', offset: 5 }],
      [compareAction, { topic: 'development-speed' }],
      [pollAction, { op: 'vote', pollId: 'p1', option: 2 }],
      [pollAction, { op: 'close', pollId: 'p1' }],
      [walkAction, { op: 'answer', sessionId: 's1', step: 3, value: 'yes' }],
    ] as const;
    for (const [codec, a] of cases) {
      const id = (codec as ActionCodec<typeof a>).encode(a);
      expect(id.length).toBeLessThanOrEqual(100);
      const split = splitActionId(id);
      expect(split.ok && split.value.kind).toBe(codec.kind);
      expect(split.ok && codec.decode(split.value.fields)).toEqual({ ok: true, value: a });
    }
    expect(pollAction.encode({ op: 'close', pollId: 'p1' })).toBe('v1:poll:close:p1');
  });
  it('rejects a forged or foreign id with a clear message', () => {
    expect(moreAction.decode(['../../etc', '1'])).toEqual({ ok: false, error: ACTION_ERRORS.invalid });
    expect(splitActionId('v9:cmp:x')).toMatchObject({ ok: false, error: expect.stringContaining('another version') });
  });
});

describe('router', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  it('answers compare with both sides and a flagged disagreement, only to the asker with Share by default', async () => {
    const r = await core.handler.command('compare concurrency', ctx);
    expect(r.visibility).toBe('ephemeral');
    expect(r.buttons?.[0]?.label).toBe('Share with channel');
    expect(r.blocks.some((b) => b.type === 'disagreements')).toBe(true);
    expect(renderText(r)).toMatch(/🐹 Go side[\s\S]*🐍 Python side/);
  });

  it('answers a usage error only to the user who typed it', async () => {
    const r = await core.handler.command('compare', ctx);
    expect(r.visibility).toBe('ephemeral');
    expect(renderText(r)).toMatch(/Usage: `\/versus compare <topic>`/);
    expect(renderText(r)).toContain('/versus compare concurrency');
  });

  it('refuses a question over 12,000 characters with a usage error, not a crash', async () => {
    const r = await core.handler.command(`ask ${'x '.repeat(7000)}`, ctx);
    expect(r.visibility).toBe('ephemeral');
    expect(renderText(r)).toMatch(/too long/);
  });

  it('lists every registered feature in help, help last', async () => {
    expect(core.handler.names).toEqual([
      'ask',
      'compare',
      'sources',
      'poll',
      'schedule',
      'matrix',
      'verdict',
      'settings',
      'report',
      'home',
      'help',
    ]);
    const text = renderText(await core.handler.command('help', ctx));
    for (const name of core.handler.names) expect(text).toContain(`/versus ${name}`);
  });

  it('answers a button of an unknown kind as not understood', async () => {
    const r = await core.handler.action('v1:nope:x', ctx);
    expect(renderText(r.reply!)).toMatch(/could not be understood/);
  });

  it('answers a question from another domain with a pointer to help, privately', async () => {
    const r = await core.handler.command('ask what about the weather in Paris', ctx);
    expect(r.visibility).toBe('ephemeral');
    expect(renderText(r)).toMatch(/isn't a Go-or-Python question.*\/versus help/s);
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
    const r = await core.handler.action(compareAction.encode({ topic: 'performance' }), ctx);
    expect(r.reply?.title).toBe('Go vs Python: Performance');
  });

  it('answers follow-ups only in threads where it was mentioned, with the earlier question as context', async () => {
    expect(await core.handler.threadMessage('and python?', { ...ctx, threadId: 'unknown' })).toBeUndefined();
    await core.handler.mention('does the GIL matter for backends', thread);
    const follow = await core.handler.threadMessage('and python?', thread);
    expect(['answer', 'claims']).toContain(follow?.blocks[0]?.type);
    expect(renderText(follow!)).toMatch(/GIL/);
  });

  it('stays quiet on thanks and greetings in a thread, and answers a greeting mention briefly', async () => {
    await core.handler.mention('does the GIL matter for backends', { ...thread, threadId: 't9' });
    for (const text of ['thanks!', 'ok', 'hello there', 'cool, thank you 👍'])
      expect(await core.handler.threadMessage(text, { ...thread, threadId: 't9' })).toBeUndefined();
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
    (core.clock as TestClock).advance(DAY_MS + 1);
    expect(await core.conversations.prune()).toBeGreaterThan(0);
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

describe('feature registry', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  /** A feature as a new folder would export it: a command, a button kind, help text. */
  const echo = actionCodec('echo', ['word'], z.object({ word: z.string().regex(/^[a-z]{1,10}$/) }));
  const echoFeature: Feature = {
    name: 'echo',
    help: { usage: '/versus echo <word>', example: '/versus echo hi' },
    command: command(
      (args) => (/^[a-z]{1,10}$/.test(args) ? ok(args) : err('One lowercase word, please.')),
      (word) => ephemeral(word, 'Echo'),
    ),
    action: action(echo, ({ word }, c) => ({ reply: ephemeral(`${word} from ${c.userId}`) })),
  };
  const router = (features: Feature[]) =>
    new Router({
      features,
      answering: new Answering({
        ...core,
        records: new AnswerRecords(core.shared, core.clock),
        engine: inThreadEngine(core.answers, core.taxonomy),
      }),
      knowledge: core.knowledge,
      conversations: core.conversations,
      taxonomy: core.taxonomy,
      logger: createLogger('silent'),
      sources: core.sources,
    });

  it('GIVEN a feature in the list THEN its command, its buttons and help all work, with nothing else to edit', async () => {
    const r = router([echoFeature]);
    expect(renderText(await r.command('echo hi', ctx))).toContain('hi');
    expect(renderText(await r.command('echo HI!', ctx))).toMatch(
      /One lowercase word[\s\S]*Usage: `\/versus echo <word>`/,
    );
    expect(renderText((await r.action(echo.encode({ word: 'yo' }), ctx)).reply!)).toBe('yo from u1');
    expect(renderText(await r.command('help', ctx))).toContain('/versus echo <word>');
    expect(r.names).toEqual(['echo', 'help']);
  });

  it('GIVEN two features with one name or one button kind THEN the router refuses to start', () => {
    expect(() => router([echoFeature, { ...echoFeature, action: undefined }])).toThrow(/named echo/);
    expect(() => router([echoFeature, { ...echoFeature, name: 'echo2' }])).toThrow(/button kind echo/);
  });
});
