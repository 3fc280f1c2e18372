// A benchmark corpus that behaves like text: a Zipf-distributed vocabulary of 20,000+ words plus the
// taxonomy's own words, claim and document lengths drawn from skewed distributions like the real digests',
// rare named entities (the taxonomy's frameworks and libraries) carrying figures, and questions that mix
// common and rare words, words the corpus lacks, and typos. Deterministic for a given seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Taxonomy } from '../src/knowledge/taxonomy.js';
import { rng } from './stats.js';

/** English function words: the head of any real Zipf curve (FTS indexes them; ask drops them). */
const FUNCTION_WORDS = (
  'the of and to a in is that for it as with was on be by this are at from or an which but not have has ' +
  'its can more than when also one all been their they so only into about per most other while each under'
).split(' ');
const SYLLABLES = (
  'ka lo mi ne ru ta vo si pe da gu ri mo fa le ni ba zo ke tu ra po me li na so de vi lu ga' +
  ' tor ven mar sel dri plo gran fet nor bel cas pin dun wal ser lom tek rav bis mon'
).split(' ');
/** Syllables that never occur in corpus words: questions use them to build words the corpus lacks. */
const FOREIGN = 'qux zy xi jho wub yph'.split(' ');
const VERBS = ['handles', 'reduces', 'raises', 'needs', 'avoids', 'improves', 'limits', 'simplifies', 'serves'];
const UNITS: [string, number, number][] = [
  ['ms', 1, 400],
  ['s', 1, 60],
  ['KB', 1, 64],
  ['MB', 1, 900],
  ['GB', 1, 80],
  ['req/s', 1000, 150000],
  ['%', 1, 95],
  ['x', 2, 60],
];

export interface Vocabulary {
  /** By rank: function words, then taxonomy and content words interleaved with generated words. */
  words: string[];
  /** Taxonomy terms other than the languages: frameworks, libraries, tools (the rare entities). */
  entities: string[];
  topicWords: string[];
}

export function vocabulary(taxonomy: Taxonomy, size = 20_000, seed = 11): Vocabulary {
  const r = rng(seed);
  const generated = new Set<string>();
  while (generated.size < size) {
    const n = 2 + Math.floor(r() * 3);
    generated.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join(''));
  }
  const topicWords = [...new Set(taxonomy.topics.flatMap((t) => [t.label.toLowerCase(), ...t.synonyms]))];
  const sideWords = new Set([...taxonomy.sides.go, ...taxonomy.sides.python]);
  const entities = [...sideWords].filter((w) => !['go', 'golang', 'python', 'cpython'].includes(w));
  // Taxonomy words sit among the first few thousand ranks (common in a Go-vs-Python corpus, not stopword-common).
  const words = [...FUNCTION_WORDS];
  const gen = [...generated];
  let g = 0;
  for (const w of topicWords) {
    words.push(w);
    for (let i = 0; i < 6; i++) words.push(gen[g++]!);
  }
  words.push(...gen.slice(g));
  return { words, entities, topicWords };
}

/** Zipf(s≈1.07) sampler over ranks 0..n-1 by inverse CDF. */
function zipf(n: number, r: () => number, s = 1.07): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return () => {
    const x = r() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Log-normal integer in [min, max] with the given median: most claims short, a long tail of long ones. */
const logNormal = (r: () => number, median: number, sigma: number, min: number, max: number) => {
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.max(min, Math.min(max, Math.round(median * Math.exp(sigma * z))));
};

/**
 * Writes Markdown digests totalling `claims` claims (documents of 10–600 claims, median 80; claims of
 * 5–70 words, median 17 — the real folder's median is 18), with sections, tables, tags and figures.
 */
export function writeSyntheticCorpus(
  dir: string,
  taxonomy: Taxonomy,
  claims = 100_000,
  seed = 42,
): { claims: number; documents: number; vocab: Vocabulary; distinctWords: number } {
  const r = rng(seed);
  const vocab = vocabulary(taxonomy);
  const rank = zipf(vocab.words.length, r);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const word = () => vocab.words[rank()]!;
  const used = new Set<string>();
  const go = taxonomy.sides.go;
  const py = taxonomy.sides.python;
  mkdirSync(dir, { recursive: true });
  let total = 0;
  let d = 0;
  for (; total < claims; d++) {
    const want = Math.min(claims - total, logNormal(r, 80, 0.8, 10, 600));
    const title = Array.from({ length: 3 + Math.floor(r() * 5) }, word).join(' ');
    const lines = [`---`, `id: synthetic-${d}`, `title: "${title}"`, `site: bench`, `---`, `# ${title}`];
    let n = 0;
    while (n < want) {
      lines.push('', `## ${pick(taxonomy.topics).label} ${word()} ${word()}`, '');
      if (r() < 0.12) {
        lines.push('| Framework | Req/sec | Latency (p99) | Memory |', '|---|---|---|---|');
        for (let i = 0; i < 3 + Math.floor(r() * 6) && n < want; i++, n++)
          lines.push(
            `| ${pick(vocab.entities)} | ${Math.round(1000 + r() * 150000).toLocaleString('en-US')} | ${Math.round(1 + r() * 90)}ms | ${Math.round(10 + r() * 400)}MB |`,
          );
        continue;
      }
      const inSection = logNormal(r, 6, 0.6, 1, 30);
      for (let i = 0; i < inSection && n < want; i++, n++) {
        const side = r() < 0.45 ? pick(go) : r() < 0.8 ? pick(py) : `${pick(go)} and ${pick(py)}`;
        const body = Array.from({ length: logNormal(r, 14, 0.5, 3, 65) }, word);
        for (const w of body) used.add(w);
        // One claim in 12 names a framework or library with a figure: the entity and answer-type stages' input.
        const entity = r() < 0.08 ? ` with ${pick(vocab.entities)}` : '';
        const [unit, lo, hi] = pick(UNITS);
        const figure = entity || r() < 0.3 ? ` at ${Math.round((lo + r() * (hi - lo)) * 10) / 10}${unit}` : '';
        const tag = r() < 0.02 ? ` {metric=bench-metric-${Math.floor(r() * 200)}}` : '';
        lines.push(`- ${side} ${pick(VERBS)} ${body.join(' ')}${entity}${figure}.${tag}`);
      }
    }
    total += n;
    writeFileSync(join(dir, `synthetic-${String(d).padStart(5, '0')}.md`), `${lines.join('\n')}\n`);
  }
  return { claims: total, documents: d, vocab, distinctWords: used.size };
}

/** A typo: one letter dropped, doubled or swapped with its neighbour. */
function typo(w: string, r: () => number): string {
  if (w.length < 4) return w;
  const i = 1 + Math.floor(r() * (w.length - 2));
  const k = Math.floor(r() * 3);
  if (k === 0) return w.slice(0, i) + w.slice(i + 1);
  if (k === 1) return w.slice(0, i) + w[i] + w.slice(i);
  return w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
}

export interface Question {
  text: string;
  unknownWord: boolean;
  typo: boolean;
}

/**
 * 1,000 questions: words drawn from the same Zipf curve (so common and rare words mix), topic words and
 * entities; one in four carries a word the corpus lacks, one in eight a typo, one in ten is a single word.
 */
export function syntheticQuestions(vocab: Vocabulary, n = 1000, seed = 7): Question[] {
  const r = rng(seed);
  const rank = zipf(vocab.words.length, r);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const content = () => vocab.words[Math.max(rank(), 60)]!; // skip the function words: nobody asks "the of"
  const rare = () => vocab.words[2000 + Math.floor(r() * (vocab.words.length - 2000))]!;
  const shapes: (() => string)[] = [
    () => `how much ${content()} does a ${pick(vocab.topicWords)} need`,
    () => `is go faster than python for ${content()}?`,
    () => `${content()} ${rare()}`,
    () => `what does python do about ${content()} and ${pick(vocab.topicWords)} under load`,
    () => `how many req/s does ${pick(vocab.entities)} serve`,
    () => `${pick(vocab.entities)} vs ${pick(vocab.entities)} latency`,
    () => `"${content()}" AND (${content()}) NEAR ${rare()}*`,
    () => `why would a team pick golang over django for ${content()} ${content()} ${rare()}`,
    () => `${content()} ${content()} ${content()} ${pick(vocab.topicWords)}`,
  ];
  return Array.from({ length: n }, (_, i) => {
    if (i % 10 === 9) return { text: content(), unknownWord: false, typo: false };
    let words = pick(shapes)().split(' ');
    const hasTypo = r() < 0.125;
    if (hasTypo) {
      const j = words.findIndex((w) => w.length >= 5);
      if (j >= 0) words[j] = typo(words[j]!, r);
    }
    const unknownWord = r() < 0.25;
    if (unknownWord) {
      const foreign = pick(FOREIGN) + pick(SYLLABLES) + pick(FOREIGN);
      words = [...words.slice(0, 2), foreign, ...words.slice(2)];
    }
    return { text: words.join(' '), unknownWord, typo: hasTypo };
  });
}
