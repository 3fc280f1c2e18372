import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../bench/stats.js';
import type { ChatContext } from '../src/chat/context.js';
import { fixedAdmin } from '../src/chat/manage.js';
import { renderText } from '../src/chat/render-text.js';
import type { Reply } from '../src/chat/reply.js';
import { TestClock } from '../src/clock.js';
import { type Core, createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { RecordingPort } from './fakes/recording-port.js';
import { FIXTURE_KNOWLEDGE } from './helpers/core.js';

const COMMANDS = [
  'ask',
  'compare',
  'sources',
  'help',
  'poll',
  'poll close',
  'poll results',
  'poll export',
  'schedule add',
  'schedule remove',
  'schedule list',
  'matrix',
  'matrix solo',
  'matrix status',
  'matrix cancel',
  '',
];
const NASTY = [
  "'; DROP TABLE claims; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, on purpose.
  '${process.exit(1)}',
  '`rm -rf /`',
  '{{7*7}}',
  '../../etc/passwd',
  '\u0000\u0001\u0002',
  '\u202e\u200f',
  '🐹🐍💥',
  'NEAR(AND OR NOT)',
  '"unclosed',
  '“smart”',
  '--tz',
  '--duration',
  'for',
  '0 0 0 0 0 0 0',
  'x'.repeat(20_000),
  'v1:poll:vote:p:9',
  '<@U123>',
  '@here',
  '\n\n\n',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e400',
  '２ｈ',
];

/** Deterministic hostile input: random code points (any plane), control characters, nasty fragments, huge strings. */
function fuzzInputs(n: number): string[] {
  const r = rng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const randomText = (len: number) =>
    Array.from({ length: len }, () => {
      const k = r();
      if (k < 0.1) return String.fromCharCode(Math.floor(r() * 32));
      if (k < 0.5) return String.fromCodePoint(Math.floor(r() * 0x2ffff));
      return String.fromCharCode(32 + Math.floor(r() * 95));
    }).join('');
  return Array.from({ length: n }, (_, i) => {
    const parts = [pick(COMMANDS)];
    for (let j = 0; j < 1 + Math.floor(r() * 4); j++)
      parts.push(r() < 0.5 ? pick(NASTY) : randomText(Math.floor(r() * (i % 50 === 0 ? 5000 : 40))));
    return parts.join(' ');
  });
}

const STACK = /\n\s+at\s|TypeError|ReferenceError|SqliteError|SQLITE_|undefined is not|Cannot read prop/;

describe('fuzzed input through every command', () => {
  let core: Core;
  const port = new RecordingPort();
  const ctx: ChatContext = {
    platform: 'console',
    workspaceId: 'w',
    channelId: 'fuzz',
    userId: 'fuzzer',
    isAdmin: fixedAdmin(false),
  };
  const replies: Reply[] = [];

  beforeAll(async () => {
    core = await createCore({
      dbPath: ':memory:',
      knowledgeDir: FIXTURE_KNOWLEDGE,
      logger: createLogger('silent'),
      clock: new TestClock(),
      pollUpdateIntervalMs: 5,
    });
    core.registerPort(port);
    const claimsBefore = core.knowledge.claimCount();
    for (const input of fuzzInputs(1000)) replies.push(await core.handler.command(input, ctx));
    for (const input of fuzzInputs(200)) {
      const out = await core.handler.action(input.slice(0, 120), ctx);
      if (out.reply) replies.push(out.reply);
      replies.push(await core.handler.mention(input, { ...ctx, threadId: 't' }));
    }
    expect(core.knowledge.claimCount()).toBe(claimsBefore);
  }, 120_000);
  afterAll(() => core.close());

  it('answers every input with a non-empty reply and never a stack trace or SQL error', () => {
    expect(replies.length).toBe(1400);
    for (const r of replies) {
      const text = renderText(r);
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(STACK);
    }
  });

  it('never hits an internal error: every rejection is a validation message', () => {
    const internal = replies.map(renderText).filter((t) => /went wrong on my side/.test(t));
    expect(internal).toEqual([]);
  });

  it('leaves the database intact', () => {
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(core.db.pragma('foreign_key_check')).toEqual([]);
  });
});
