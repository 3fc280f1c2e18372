const WORD = /[\p{L}\p{N}_]+/gu;

/** "req/s" → "req s", "Net/HTTP" → "net http": the form both terms and texts are compared in. */
export function normalizeTerm(term: string): string {
  return (term.toLowerCase().match(WORD) ?? []).join(' ');
}

export interface TermHit<V> {
  /** Offset of the match in the original text. */
  index: number;
  /** The matched text as written. */
  text: string;
  value: V;
}

/**
 * Finds whole-word terms (single words or phrases) in a text with one pass over its word tokens,
 * longest phrase first — much faster than a regular expression alternating hundreds of terms.
 */
export class TermMatcher<V> {
  private readonly terms = new Map<string, V>();
  /** For each word that starts a phrase, the longest phrase it starts (in words). */
  private readonly phraseStarts = new Map<string, number>();

  constructor(entries: Iterable<[string, V]>) {
    for (const [term, value] of entries) {
      const key = normalizeTerm(term);
      if (!key || this.terms.has(key)) continue;
      this.terms.set(key, value);
      const words = key.split(' ');
      if (words.length > 1)
        this.phraseStarts.set(words[0]!, Math.max(this.phraseStarts.get(words[0]!) ?? 1, words.length));
    }
  }

  find(text: string): TermHit<V>[] {
    const tokens = [...text.matchAll(WORD)];
    const lower = tokens.map((t) => t[0].toLowerCase());
    const hits: TermHit<V>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const longest = Math.min(this.phraseStarts.get(lower[i]!) ?? 1, tokens.length - i);
      for (let n = longest; n >= 1; n--) {
        const value = this.terms.get(n === 1 ? lower[i]! : lower.slice(i, i + n).join(' '));
        if (value === undefined) continue;
        const start = tokens[i]!.index;
        const last = tokens[i + n - 1]!;
        hits.push({ index: start, text: text.slice(start, last.index + last[0].length), value });
        i += n - 1;
        break;
      }
    }
    return hits;
  }
}
