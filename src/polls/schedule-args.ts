import { z } from 'zod';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, md, type RichText } from '../chat/rich.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import { DEFAULT_DURATION_MS, parseDuration } from './duration.js';
import { parseWhen, validTimeZone, WHEN_EXAMPLES, type WhenSpec } from './when.js';

export interface AddArgs {
  when: string;
  timezone: string;
  durationMs: number;
}

export type ScheduleCommand = ({ op: 'add'; spec: WhenSpec } & AddArgs) | { op: 'list' } | { op: 'remove'; id: string };

const Sub = z.enum(['add', 'list', '', 'remove', 'delete'], {
  error:
    '`/versus schedule` takes `add <when>`, `list` or `remove <id>`. Example: `/versus schedule add every monday at 10:00 --tz Europe/Berlin`.',
});
const TimeZone = z.string().refine(validTimeZone);
/** Built here, not in the schema's message: the zone is user text and must stay literal. */
const unknownZone = (tz: string) =>
  md`Unknown time zone “${tz.slice(0, 40)}”. Use an IANA name such as \`Europe/Berlin\`, \`America/New_York\` or \`UTC\`.`;
/** Any text: an id that is not in this channel is answered as such, with a pointer to `list`. */
const ScheduleId = z.string().max(40, 'Schedule ids look like `s3k9x2`: `/versus schedule list` shows them.');

/** `add <when> [--tz Zone] [--duration 24h]` → validated arguments. */
export function parseAddArgs(args: string): Result<AddArgs, RichText> {
  const tokenized = tokenizeArgs(args);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  let timezone = 'UTC';
  let durationMs = DEFAULT_DURATION_MS;
  const when: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === '--tz' || t === '--timezone') {
      const tz = TimeZone.safeParse(tokens[++i] ?? '');
      if (!tz.success) return err(unknownZone(tokens[i] ?? ''));
      timezone = tz.data;
    } else if (t === '--duration' || t === '--for') {
      const d = parseDuration(tokens[++i] ?? '');
      if (!d.ok) return err(d.error);
      durationMs = d.value;
    } else if (t.startsWith('--'))
      return err(md`Unknown flag \`${t.slice(0, 20)}\`; use \`--tz Zone\` or \`--duration 24h\`.`);
    else when.push(t);
  }
  if (when.length === 0)
    return err(
      md`Say when, e.g. \`/versus schedule add every monday at 10:00 --tz Europe/Berlin\`. Formats: ${WHEN_EXAMPLES}.`,
    );
  return ok({ when: when.join(' '), timezone, durationMs });
}

/** `/versus schedule …` arguments → ScheduleCommand, or a message saying exactly what to fix. */
export function parseScheduleArgs(args: string): Result<ScheduleCommand, RichText> {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const sub = Sub.safeParse(first.toLowerCase());
  if (!sub.success) return err(issueText(sub.error));
  switch (sub.data) {
    case 'add': {
      const add = parseAddArgs(rest.join(' '));
      if (!add.ok) return add;
      const spec = parseWhen(add.value.when);
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
