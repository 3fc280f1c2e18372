import { z } from 'zod';
import { err, ok, type Result } from './result.js';

export type Command =
  | { name: 'ask'; question: string }
  | { name: 'compare'; topic: string }
  | { name: 'sources' }
  | { name: 'help'; about?: string | undefined }
  | { name: 'poll'; args: string }
  | { name: 'schedule'; args: string }
  | { name: 'matrix'; args: string };

export interface UsageError {
  message: string;
  /** The command the user was trying, so help can show its usage. */
  command?: string | undefined;
}

export const COMMANDS = ['ask', 'compare', 'sources', 'poll', 'schedule', 'matrix', 'help'] as const;

/** One limit for a question everywhere: slash command, @mention, thread follow-up and `versus ask`. */
export const MAX_QUESTION_CHARS = 12_000;
export const QUESTION_TOO_LONG = `That question is too long (over ${MAX_QUESTION_CHARS.toLocaleString('en-US')} characters). Ask something shorter.`;

const AskArgs = z
  .string()
  .trim()
  .min(3, 'Ask a question, e.g. `/versus ask how much memory does a goroutine start with?`')
  .max(MAX_QUESTION_CHARS, QUESTION_TOO_LONG);
const CompareArgs = z
  .string()
  .trim()
  .min(2, 'Name a topic, e.g. `/versus compare concurrency`.')
  .max(60, 'A topic is a word or two, e.g. `/versus compare performance`.');

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  return d[a.length]![b.length]!;
}

const firstIssue = (e: z.ZodError) => e.issues[0]?.message ?? 'Invalid input.';

/** `/versus <text>` → Command. Never throws; a mistake comes back as a UsageError with a fix. */
export function parseCommand(text: string): Result<Command, UsageError> {
  // Control characters are never meaningful in a command; drop them rather than echo them back.
  const clean = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim();
  if (clean === '') return ok({ name: 'help' });
  const space = clean.search(/\s/);
  const word = (space < 0 ? clean : clean.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : clean.slice(space + 1).trim();

  switch (word) {
    case 'ask': {
      const p = AskArgs.safeParse(rest);
      return p.success ? ok({ name: 'ask', question: p.data }) : err({ message: firstIssue(p.error), command: 'ask' });
    }
    case 'compare': {
      const p = CompareArgs.safeParse(rest);
      return p.success
        ? ok({ name: 'compare', topic: p.data })
        : err({ message: firstIssue(p.error), command: 'compare' });
    }
    case 'sources':
      return ok({ name: 'sources' });
    case 'help':
      return ok({ name: 'help', about: rest.split(/\s+/)[0]?.toLowerCase() || undefined });
    case 'poll':
    case 'schedule':
    case 'matrix':
      return ok({ name: word, args: rest });
    default: {
      // A whole question without "ask" is still a question.
      if (clean.split(/\s+/).length >= 3 || clean.endsWith('?')) {
        const p = AskArgs.safeParse(clean);
        if (p.success) return ok({ name: 'ask', question: p.data });
      }
      const near = COMMANDS.map((c) => ({ c, d: levenshtein(word.slice(0, 12), c) })).sort((a, b) => a.d - b.d)[0]!;
      const hint = near.d <= 2 ? ` Did you mean \`/versus ${near.c}\`?` : '';
      return err({ message: `I don't know the command “${word.slice(0, 30)}”.${hint} Try \`/versus help\`.` });
    }
  }
}
