import { z } from 'zod';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, md, type RichText } from '../chat/rich.js';
import { tokenizeArgs } from '../chat/tokenize.js';
import { DEFAULT_DURATION_MS, parseDuration } from './duration.js';

export const TEAM_OPTIONS = ['🐹 Go', '🐍 Python', '🤝 It depends'] as const;
/** A custom poll's options: at least two, at most ten (ten vote buttons fit every platform). */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const TEAM_QUESTION = 'Team Go vs Team Python: which for our backend?';

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

const PollId = z.string().regex(/^[A-Za-z0-9_-]{4,20}$/, 'Poll ids look like `p3k9x2`: copy it from the poll message.');
/** One line: a form (or a quoted argument) may hold newlines, which would start new lines — even headings — where it is shown. */
const oneLine = z.string().transform((s) => s.replace(/\s+/g, ' ').trim());
export const Option = oneLine.pipe(
  z.string().min(1, 'An option cannot be empty.').max(75, 'Keep each option under 75 characters.'),
);
export const Question = oneLine.pipe(
  z.string().min(3, 'The question is too short.').max(250, 'Keep the question under 250 characters.'),
);

/** `/versus poll …` arguments → PollCommand, or a message saying exactly what to fix. */
export function parsePollArgs(args: string): Result<PollCommand, RichText> {
  const tokenized = tokenizeArgs(args);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.value;
  const first = tokens[0]?.toLowerCase();
  if (first === 'new' && tokens.length === 1) return ok({ op: 'form' });
  if (first === 'close' || first === 'results' || first === 'export') {
    const id = PollId.safeParse(tokens[1] ?? '');
    return id.success
      ? ok({ op: first, pollId: id.data })
      : err(md`\`/versus poll ${first} <id>\`: ${issueText(id.error)}`);
  }
  let anonymous = true;
  let durationMs = DEFAULT_DURATION_MS;
  const texts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.toLowerCase();
    if (lower === 'public' || lower === '--public') anonymous = false;
    else if (lower === 'anonymous' || lower === '--anonymous') anonymous = true;
    else if (lower === 'for' || lower === '--duration' || lower === '--for') {
      const d = parseDuration(tokens[++i] ?? '');
      if (!d.ok) return err(d.error);
      durationMs = d.value;
    } else if (/^--/.test(t))
      return err(md`Unknown flag \`${t.slice(0, 20)}\`. Use \`public\`, \`anonymous\` or \`for 2h\`.`);
    else texts.push(t);
  }
  if (texts.length === 0)
    return ok({
      op: 'create',
      kind: 'team',
      question: TEAM_QUESTION,
      options: [...TEAM_OPTIONS],
      anonymous,
      durationMs,
    });
  const [question, ...options] = texts;
  const q = Question.safeParse(question);
  if (!q.success) return err(issueText(q.error));
  const opts = checkOptions(options);
  if (!opts.ok) return opts;
  return ok({ op: 'create', kind: 'custom', question: q.data, options: opts.value, anonymous, durationMs });
}

/** A custom poll's options, by the same rules for the command and the form: 2–10, each valid, all different. */
export function checkOptions(options: readonly string[]): Result<string[], RichText> {
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    return err(
      md`A custom poll needs ${MIN_OPTIONS} to ${MAX_OPTIONS} options; you gave ${options.length}. Example: \`/versus poll "Which for billing?" "Go" "Python"\`. Or run \`/versus poll\` alone for Team Go vs Team Python.`,
    );
  }
  const opts = z.array(Option).safeParse(options);
  if (!opts.success) return err(issueText(opts.error));
  if (new Set(opts.data.map((o) => o.toLowerCase())).size !== opts.data.length)
    return err('Two options are the same; make each option different.');
  return ok(opts.data);
}
