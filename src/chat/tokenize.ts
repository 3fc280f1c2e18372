/**
 * Splits command arguments on spaces, keeping "quoted phrases" together. Slack and phones turn straight
 * quotes into curly ones, so “…” and ‘…’ count as quotes too. An unclosed quote runs to the end.
 */
export function tokenizeArgs(text: string): string[] {
  const out: string[] = [];
  const re = /["“”]([^"“”]*)["“”]?|[‘']([^'‘’]*)['’]|(\S+)/g;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3] ?? '').trim());
  return out.filter((t, _i, all) => t !== '' || all.length === 1);
}
