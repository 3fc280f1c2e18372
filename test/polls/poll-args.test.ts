import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/chat/result.js';
import { plain, type RichText } from '../../src/chat/rich.js';
import { en } from '../../src/chat/strings-en.js';
import { DAY_MS, WEEK_MS } from '../../src/clock.js';
import { parseDuration } from '../../src/polls/duration.js';
import { parsePollArgs } from '../../src/polls/poll-args.js';
import { parseAddArgs } from '../../src/polls/schedule-args.js';
import { nextRun, parseWhen } from '../../src/polls/when.js';

/** A parse error as the user reads it (plain text), or undefined when the input parsed. */
const errorText = <T>(r: Result<T, RichText>) => (r.ok ? undefined : plain(r.error));

describe('poll arguments', () => {
  it('GIVEN no arguments THEN a Team Go vs Team Python poll, anonymous, 24 h', () => {
    expect(parsePollArgs('', en)).toEqual({
      ok: true,
      value: {
        op: 'create',
        kind: 'team',
        question: expect.any(String),
        options: ['🐹 Go', '🐍 Python', '🤝 It depends'],
        anonymous: true,
        durationMs: DAY_MS,
      },
    });
  });
  it('GIVEN a quoted question, options (curly quotes too), public and a duration THEN a custom poll', () => {
    expect(parsePollArgs('“Which for billing?” "Go" ‘Python’ public for 2h', en)).toMatchObject({
      ok: true,
      value: {
        kind: 'custom',
        question: 'Which for billing?',
        options: ['Go', 'Python'],
        anonymous: false,
        durationMs: 7_200_000,
      },
    });
  });
  it('GIVEN 0 options THEN an error saying 2 to 10', () => {
    expect(errorText(parsePollArgs('"Which one?"', en))).toMatch(/2 to 10 options; you gave 0/);
  });
  it('GIVEN 11 options THEN an error saying 2 to 10', () => {
    const opts = Array.from({ length: 11 }, (_, i) => `"o${i}"`).join(' ');
    expect(errorText(parsePollArgs(`"Which one?" ${opts}`, en))).toMatch(/you gave 11/);
  });
  it('GIVEN a duration typo like 2hh THEN an error with the accepted forms', () => {
    expect(errorText(parsePollArgs('for 2hh', en))).toMatch(/not a duration.*`30m`, `2h` or `3d`/);
  });
  it('GIVEN more than 30 days THEN refused', () => {
    expect(errorText(parseDuration('31d', en))).toMatch(/at most 30 days/);
  });
  it('GIVEN duplicate options THEN refused', () => {
    expect(parsePollArgs('"Pick?" "Go" "go"', en)).toMatchObject({ ok: false });
  });
  it('GIVEN close without an id THEN an explanation', () => {
    expect(errorText(parsePollArgs('close', en))).toMatch(/poll close <id>/);
  });
});

describe('schedule arguments', () => {
  it.each([
    ['every monday at 10:00', '0 10 * * 1', 1],
    ['weekdays 9:30', '30 9 * * 1-5', 1],
    ['every 2 weeks on friday 16:00', '0 16 * * 5', 2],
    ['daily at 9am', '0 9 * * *', 1],
    ['tuesdays and thursdays at 4pm', '0 16 * * 2,4', 1],
    ['0 10 * * 1', '0 10 * * 1', 1],
  ])('GIVEN %s THEN cron %s every %d week(s)', (text, cron, everyWeeks) => {
    expect(parseWhen(text, en)).toEqual({ ok: true, value: { cron, everyWeeks } });
  });
  it('GIVEN a cron with 7 fields THEN an error explaining the 5 fields', () => {
    expect(errorText(parseWhen('0 0 10 * * 1 2027', en))).toMatch(/exactly 5 fields.*has 7.*0 10 \* \* 1/s);
  });
  it('GIVEN no time THEN an error with examples', () => {
    expect(errorText(parseWhen('every monday', en))).toMatch(/Add a time.*every monday at 10:00/);
  });
  it('GIVEN an unknown time zone THEN refused with examples', () => {
    expect(errorText(parseAddArgs('every monday at 10:00 --tz Mars/Olympus', en))).toMatch(
      /Unknown time zone.*Europe\/Berlin/,
    );
  });
  it('computes the next run in the schedule time zone', () => {
    const spec = { cron: '0 10 * * 1', everyWeeks: 1 };
    expect(
      nextRun(spec, 'Europe/Berlin', new Date('2026-01-05T12:00:00Z'), new Date('2026-01-05T12:00:00Z')).toISOString(),
    ).toBe('2026-01-12T09:00:00.000Z');
  });
  it('skips off weeks for every 2 weeks', () => {
    const spec = { cron: '0 16 * * 5', everyWeeks: 2 };
    const anchor = new Date('2026-01-05T00:00:00Z');
    const first = nextRun(spec, 'UTC', anchor, anchor);
    const second = nextRun(spec, 'UTC', first, anchor);
    expect(second.getTime() - first.getTime()).toBe(2 * WEEK_MS);
  });
});
