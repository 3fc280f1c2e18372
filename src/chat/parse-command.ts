import { err, ok, type Result } from './result.js';
import { md, type Rich } from './rich.js';

/** `/versus <name> <args>`: which feature, and the rest of the text for its own parser. */
export interface CommandText {
  name: string;
  args: string;
}

export interface UsageError {
  message: Rich;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  return d[a.length]![b.length]!;
}

/**
 * `/versus <text>` → the feature named by its first word (one of `names`) and its arguments. Never throws;
 * an unknown word comes back as a UsageError with a "did you mean". Empty text is `help`; a whole
 * question without a command word is `ask`.
 */
export function parseCommand(text: string, names: readonly string[]): Result<CommandText, UsageError> {
  // Control characters are never meaningful in a command; drop them rather than echo them back.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: input sanitising: these are exactly the characters to drop.
  const clean = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim();
  if (clean === '') return ok({ name: 'help', args: '' });
  const space = clean.search(/\s/);
  const word = (space < 0 ? clean : clean.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : clean.slice(space + 1).trim();
  if (names.includes(word)) return ok({ name: word, args: rest });
  // A whole question without "ask" is still a question.
  if (names.includes('ask') && (clean.split(/\s+/).length >= 3 || clean.endsWith('?')))
    return ok({ name: 'ask', args: clean });
  const near = names.map((c) => ({ c, d: levenshtein(word.slice(0, 12), c) })).sort((a, b) => a.d - b.d)[0];
  const hint = near && near.d <= 2 ? md` Did you mean \`/versus ${near.c}\`?` : [];
  return err({ message: md`I don't know the command “${word.slice(0, 30)}”.${hint} Try \`/versus help\`.` });
}
