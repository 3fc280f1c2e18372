import { z } from 'zod';
import { perCatalogue } from '../chat/per-catalogue.js';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, type RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import { DEFAULT_DURATION_MS, parseDuration } from './duration.js';
import { parseWhen, validTimeZone, type WhenSpec } from './when.js';

export interface AddArgs {
  when: string;
  timezone: string;
  durationMs: number;
}

export type ScheduleCommand = ({ op: 'add'; spec: WhenSpec } & AddArgs) | { op: 'list' } | { op: 'remove'; id: string };

/** The schemas, with their messages in the place's language. */
const schemas = perCatalogue((t) => ({
  Sub: z.enum(['add', 'list', '', 'remove', 'delete'], { error: t.schedules.subcommands }),
  /** Any text: an id that is not in this channel is answered as such, with a pointer to `list`. */
  ScheduleId: z.string().max(40, t.schedules.idShape),
}));
const TimeZone = z.string().refine(validTimeZone);

/** `add <when> [--tz Zone] [--duration 24h]` → validated arguments. */
export function parseAddArgs(args: string, t: Strings): Result<AddArgs, RichText> {
  const tokenized = tokenizeArgs(args, t);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  let timezone = 'UTC';
  let durationMs = DEFAULT_DURATION_MS;
  const when: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '--tz' || token === '--timezone') {
      const tz = TimeZone.safeParse(tokens[++i] ?? '');
      // The zone is user text: built here, not as the schema's (markup) message, so it stays literal.
      if (!tz.success) return err(t.schedules.unknownZone((tokens[i] ?? '').slice(0, 40)));
      timezone = tz.data;
    } else if (token === '--duration' || token === '--for') {
      const d = parseDuration(tokens[++i] ?? '', t);
      if (!d.ok) return err(d.error);
      durationMs = d.value;
    } else if (token.startsWith('--')) return err(t.schedules.unknownFlag(token.slice(0, 20)));
    else when.push(token);
  }
  if (when.length === 0) return err(t.schedules.sayWhenAdd(t.schedules.whenExamples()));
  return ok({ when: when.join(' '), timezone, durationMs });
}

/** `/versus schedule …` arguments → ScheduleCommand, or a message saying exactly what to fix. */
export function parseScheduleArgs(args: string, t: Strings): Result<ScheduleCommand, RichText> {
  const { Sub, ScheduleId } = schemas(t);
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const sub = Sub.safeParse(first.toLowerCase());
  if (!sub.success) return err(issueText(sub.error));
  switch (sub.data) {
    case 'add': {
      const add = parseAddArgs(rest.join(' '), t);
      if (!add.ok) return add;
      const spec = parseWhen(add.value.when, t);
      return spec.ok ? ok({ op: 'add', spec: spec.value, ...add.value }) : spec;
    }
    case 'list':
    case '':
      return ok({ op: 'list' });
    case 'remove':
    case 'delete': {
      const id = ScheduleId.safeParse(rest[0] ?? '');
      return id.success ? ok({ op: 'remove', id: id.data }) : err(issueText(id.error));
    }
  }
}
