import { z } from 'zod';
import { perCatalogue } from '../chat/per-catalogue.js';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, md, type RichText } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import { DEFAULT_DURATION_MS, parseDuration } from './duration.js';

/** A custom poll's options: at least two, at most ten (ten vote buttons fit every platform). */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;

export type PollCommand =
  | {
      op: 'create';
      kind: 'team' | 'custom';
      question: string;
      options: string[];
      anonymous: boolean;
      durationMs: number;
    }
  | { op: 'close' | 'results' | 'export'; pollId: string }
  /** `/versus poll new`: the poll form, where the platform has forms. */
  | { op: 'form' };

/** One line: a form (or a quoted argument) may hold newlines, which would start new lines — even headings — where it is shown. */
const oneLine = z.string().transform((s) => s.replace(/\s+/g, ' ').trim());

/** The poll's schemas, with their messages in the place's language (command and form share them). */
export const pollSchemas = perCatalogue((t) => {
  const say = t.pollCommands;
  return {
    PollId: z.string().regex(/^[A-Za-z0-9_-]{4,20}$/, say.idShape),
    Option: oneLine.pipe(z.string().min(1, say.optionEmpty).max(75, say.optionTooLong)),
    Options: z.array(oneLine.pipe(z.string().min(1, say.optionEmpty).max(75, say.optionTooLong))),
    Question: oneLine.pipe(z.string().min(3, say.questionTooShort).max(250, say.questionTooLong)),
  };
});

/** The Team Go vs Team Python poll, asked in the place's language: Go first, Python second, then neither. */
export const teamPoll = (t: Strings) => ({
  question: t.pollCommands.teamQuestion,
  options: ['🐹 Go', '🐍 Python', t.pollCommands.itDepends],
});

/** `/versus poll …` arguments → PollCommand, or a message saying exactly what to fix. */
export function parsePollArgs(args: string, t: Strings): Result<PollCommand, RichText> {
  const tokenized = tokenizeArgs(args, t);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  const first = tokens[0]?.toLowerCase();
  if (first === 'new' && tokens.length === 1) return ok({ op: 'form' });
  if (first === 'close' || first === 'results' || first === 'export') {
    const id = pollSchemas(t).PollId.safeParse(tokens[1] ?? '');
    return id.success
      ? ok({ op: first, pollId: id.data })
      : err(md`\`/versus poll ${first} <id>\`: ${issueText(id.error)}`);
  }
  let anonymous = true;
  let durationMs = DEFAULT_DURATION_MS;
  const texts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    if (lower === 'public' || lower === '--public') anonymous = false;
    else if (lower === 'anonymous' || lower === '--anonymous') anonymous = true;
    else if (lower === 'for' || lower === '--duration' || lower === '--for') {
      const d = parseDuration(tokens[++i] ?? '', t);
      if (!d.ok) return err(d.error);
      durationMs = d.value;
    } else if (/^--/.test(token)) return err(t.pollCommands.unknownFlag(token.slice(0, 20)));
    else texts.push(token);
  }
  if (texts.length === 0) return ok({ op: 'create', kind: 'team', ...teamPoll(t), anonymous, durationMs });
  const [question, ...options] = texts;
  const q = pollSchemas(t).Question.safeParse(question);
  if (!q.success) return err(issueText(q.error));
  const opts = checkOptions(options, t);
  if (!opts.ok) return opts;
  return ok({ op: 'create', kind: 'custom', question: q.data, options: opts.value, anonymous, durationMs });
}

/** A custom poll's options, by the same rules for the command and the form: 2–10, each valid, all different. */
export function checkOptions(options: readonly string[], t: Strings): Result<string[], RichText> {
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
    return err(t.pollCommands.optionCount(MIN_OPTIONS, MAX_OPTIONS, options.length));
  const opts = pollSchemas(t).Options.safeParse(options);
  if (!opts.success) return err(issueText(opts.error));
  if (new Set(opts.data.map((o) => o.toLowerCase())).size !== opts.data.length) return err(t.pollCommands.sameOptions);
  return ok(opts.data);
}
