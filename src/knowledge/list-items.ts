/**
 * Lists in flattened text. An item ("- Data pipelines") says little without what introduced it ("Python
 * still wins for:", a heading "Pick Go when:"), so the lead-in is carried into each item. Text extraction
 * also breaks items over lines ("- A prayer that" / "numpy compiles…") and runs others together on one
 * line ("…47 packages - A Python runtime"); both are mended here. Pure functions; plaintext.ts applies them.
 */

export const isListItem = (line: string): boolean => /^[-*]\s/.test(line);

/** The item goes on in the next line: it ends without punctuation and the next line starts in lower case. */
export function itemContinues(line: string, next: string | undefined): boolean {
  return next !== undefined && !isListItem(next) && /^\p{Ll}/u.test(next) && !/[.!?:;]$/.test(line);
}

/**
 * Inline code that text extraction put on a line of its own, glued to the word after it ("A hope that" /
 * "pandasinstalls cleanly"): a name `known` knows (four letters or more) is parted from the rest (four or more).
 */
export function unglueName(line: string, known: (name: string) => boolean): string {
  const word = /^[a-z]{8,}\b/.exec(line)?.[0];
  if (!word || known(word)) return line;
  for (let k = 4; k <= word.length - 4; k++) if (known(word.slice(0, k))) return `${word.slice(0, k)} ${line.slice(k)}`;
  return line;
}

/** Items run together on one line: "…47 packages - A Python runtime" is two items. */
export function splitItems(text: string): string[] {
  return text
    .split(/\s+[-–•]\s+(?=\p{Lu})/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** What a sentence or heading ending in ":" introduces, without the colon; undefined for anything else. */
export function leadInOf(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t && /:$/.test(t) ? t.replace(/:$/, '').trim() : undefined;
}

/** A lead-in that announces the page's own contents ("In this guide, we'll explore:"): a table of contents. */
export const isTableOfContents = (lead: string): boolean =>
  /\b(?:in this (?:guide|post|article|tutorial)|we['’]ll (?:explore|cover|look at|discuss)|you['’]ll learn|table of contents)\b/i.test(
    lead,
  );

/** "Python still wins for: Data pipelines"; an item with a label of its own ("Go: APIs, gateways") keeps it. */
export function withLead(lead: string | undefined, item: string): string {
  return lead && !/^[^:]{1,30}:\s/.test(item) ? `${lead}: ${item}` : item;
}
