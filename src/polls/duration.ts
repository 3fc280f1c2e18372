import { err, ok, type Result } from '../chat/result.js';
import type { RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../clock.js';

const UNIT_MS = { m: MINUTE_MS, h: HOUR_MS, d: DAY_MS } as const;
export const MAX_DURATION_MS = 30 * UNIT_MS.d;
export const DEFAULT_DURATION_MS = 24 * UNIT_MS.h;

/** `30m`, `2h`, `3d` (also `90min`, `2 hours`, `1 day`) → milliseconds, at most 30 days. */
export function parseDuration(text: string, t: Strings): Result<number, RichText> {
  const say = t.pollCommands;
  const m = /^(\d{1,4})\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)$/i.exec(text.trim());
  if (!m) return err(say.notADuration(text.slice(0, 20)));
  const unit = m[2]!.toLowerCase()[0] as keyof typeof UNIT_MS;
  const ms = Number(m[1]) * UNIT_MS[unit];
  if (ms < UNIT_MS.m) return err(say.atLeastAMinute);
  if (ms > MAX_DURATION_MS) return err(say.atMost30Days());
  return ok(ms);
}

export function formatDuration(ms: number): string {
  if (ms % UNIT_MS.d === 0) return `${ms / UNIT_MS.d}d`;
  if (ms % UNIT_MS.h === 0) return `${ms / UNIT_MS.h}h`;
  return `${Math.round(ms / UNIT_MS.m)}m`;
}
