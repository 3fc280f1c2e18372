import { err, ok, type Result } from './result.js';
import type { RichText } from './rich.js';
import { en, type Strings } from './strings-en.js';

/** `/versus <name> <args>`: which feature, and the rest of the text for its own parser. */
export interface CommandText {
  name: string;
  args: string;
}

export interface UsageError {
  message: RichText;
}

/** Edit distance, one row at a time: `prev[j]` is the distance from a's first i characters to b's first j. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let last = b.length;
  for (let i = 0; i < a.length; i++) {
    let diag = i;
    let left = i + 1;
    const row = [left];
    for (const [j, up] of prev.slice(1).entries()) {
      left = Math.min(up + 1, left + 1, diag + (a[i] === b[j] ? 0 : 1));
      row.push(left);
      diag = up;
    }
    prev = row;
    last = left;
  }
  return last;
}

/**
 * `/versus <text>` → the feature named by its first word (one of `names`) and its arguments. Never throws;
 * an unknown word comes back as a UsageError with a "did you mean". Empty text is `help`; a whole
 * question without a command word is `ask`.
 */
export function parseCommand(text: string, names: readonly string[], t: Strings = en): Result<CommandText, UsageError> {
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
  const hint = near && near.d <= 2 ? t.usage.didYouMean(near.c) : [];
  return err({ message: t.usage.unknownCommand(word.slice(0, 30), hint) });
}
