// Made on first use, not at import: creating the first Intl object loads ICU's data (20-60 ms), which a
// start-up whose index is already fresh never needs.
let segmenter: Intl.Segmenter | undefined;

/** Abbreviations after which ICU would wrongly end a sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|vs|etc|approx|cf|Dr|Mr|Ms|No|Fig|al)\.\s*$/i;

/** Splits prose into sentences (Intl.Segmenter), re-joining splits after common abbreviations. */
export function sentences(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, ' '))) {
    const prev = out.at(-1);
    // "if err != nil" is not two sentences: ICU ends one at the "!".
    if (prev !== undefined && (ABBREVIATION.test(prev) || (/!$/.test(prev) && /^=/.test(segment))))
      out[out.length - 1] = `${prev}${/!$/.test(prev) ? '' : ' '}${segment.trim()}`;
    else if (segment.trim()) out.push(segment.trim());
  }
  return out;
}
