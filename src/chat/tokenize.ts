import { err, ok, type Result } from './result.js';
import { en, type Strings } from './strings-en.js';

const DOUBLE = /["“”]/;

/**
 * Splits command arguments on spaces, keeping "quoted phrases" together. Slack and phones turn straight
 * quotes into curly ones, so “…” and ‘…’ count as quotes too. An unclosed or stray double quote is a
 * usage error (`"Unclosed "A" "B` must not become an option `A"`); single quotes inside a word are
 * apostrophes (don't).
 */
export function tokenizeArgs(text: string, t: Strings = en): Result<string[], string> {
  const out: string[] = [];
  const re = /["“”]([^"“”]*)(["“”]?)|[‘']([^'‘’]*)['’]|(\S+)/g;
  for (const m of text.matchAll(re)) {
    const [whole, quoted, closing, single, bare] = m;
    if ((quoted !== undefined && !closing) || (bare !== undefined && DOUBLE.test(bare)))
      return err(t.usage.unclosedQuote(whole.trim().slice(0, 30)));
    out.push((quoted ?? single ?? bare ?? '').trim());
  }
  return ok(out.filter((t, _i, all) => t !== '' || all.length === 1));
}
