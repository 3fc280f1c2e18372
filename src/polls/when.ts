import { Cron } from 'croner';
import { err, ok, type Result } from '../chat/result.js';
import type { RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { WEEK_MS } from '../clock.js';

export interface WhenSpec {
  cron: string;
  /** Post only every N-th week (cron cannot say "every 2 weeks"). */
  everyWeeks: number;
}

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const DAY_WORD = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/g;

/** A 5-field cron, or a plain phrase (English in every locale), → cron + week interval. */
export function parseWhen(input: string, t: Strings): Result<WhenSpec, RichText> {
  const say = t.schedules;
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return err(say.sayWhen(say.whenExamples()));
  const fields = text.split(' ');
  if (
    fields.every((f) => /^[\d*/,\-a-z?#lw]+$/.test(f)) &&
    /[*\d]/.test(fields[0]!) &&
    fields.length >= 5 &&
    !/[a-z]{4,}/.test(text)
  ) {
    if (fields.length !== 5) return err(say.cronFields(input.slice(0, 40), fields.length));
    try {
      new Cron(text, { paused: true });
    } catch (e) {
      return err(say.cronInvalid((e as Error).message.replace(/^CronPattern: /, '')));
    }
    return ok({ cron: text, everyWeeks: 1 });
  }

  const time = /(?:at\s+)?\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b(?!\s*(?:weeks?|days?))/.exec(
    text.replace(/every \d+ weeks?/, ''),
  );
  if (!time) return err(say.addTime(say.whenExamples()));
  let hour = Number(time[1]);
  const minute = time[2] ? Number(time[2]) : 0;
  if (time[3] === 'pm' && hour < 12) hour += 12;
  if (time[3] === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return err(say.notATime(time[0].trim()));

  const weeks = /every (\d+) weeks?/.exec(text);
  const everyWeeks = weeks ? Number(weeks[1]) : 1;
  if (everyWeeks < 1 || everyWeeks > 8) return err(say.everyWeeks);
  let days: string;
  if (/\bweekdays?\b/.test(text)) days = '1-5';
  else if (/\bweekends?\b/.test(text)) days = '0,6';
  else {
    const named = [...new Set([...text.matchAll(DAY_WORD)].map((m) => DAYS[m[1]!]!))].sort();
    if (named.length) days = named.join(',');
    else if (/\b(daily|every day|each day)\b/.test(text) && everyWeeks === 1) days = '*';
    else return err(say.whichDay(say.whenExamples()));
  }
  return ok({ cron: `${minute} ${hour} * * ${days}`, everyWeeks });
}

/** An IANA time zone name this runtime knows (e.g. Europe/Berlin). */
export function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The next run strictly after `after`. For "every N weeks" only weeks N apart from `anchor` (the
 * schedule's creation) count.
 */
export function nextRun(spec: WhenSpec, timezone: string, after: Date, anchor: Date): Date {
  const cron = new Cron(spec.cron, { timezone, paused: true });
  let candidate = cron.nextRun(after);
  for (let i = 0; candidate && spec.everyWeeks > 1 && i < 60; i++) {
    const weeks = Math.floor((candidate.getTime() - anchor.getTime()) / WEEK_MS);
    if (weeks % spec.everyWeeks === 0) break;
    candidate = cron.nextRun(candidate);
  }
  if (!candidate) throw new Error(`cron ${spec.cron} has no next run`);
  return candidate;
}

/** Debate polls are a ritual, not a feed: at most one an hour from any schedule. */
export const MIN_SCHEDULE_GAP_MS = 3_600_000;

/** The shortest gap between two of the next runs (enough runs to see every pattern within a week). */
export function shortestGap(spec: WhenSpec, timezone: string, from: Date): number {
  const runs = new Cron(spec.cron, { timezone, paused: true }).nextRuns(200, from);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < runs.length; i++) gap = Math.min(gap, runs[i]!.getTime() - runs[i - 1]!.getTime());
  return gap;
}
