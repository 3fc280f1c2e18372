import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOKEN_LIMIT, spokenWords } from '../../scripts/spoken-words.js';
import { stem } from '../../src/answers/analyse.js';
import { ask } from '../../src/answers/ask.js';
import { specificity, spokenRank } from '../../src/answers/everyday.js';
import { correction, correctSpelling, type SpellingIndex } from '../../src/answers/spelling.js';
import { SPOKEN_WORDS } from '../../src/answers/spoken-words.js';
import type { Core } from '../../src/core.js';
import { copyKnowledge, testCore } from '../helpers/core.js';

/** An index holding these words, in how many claims each: its terms are their stems, as FTS5 keeps them. */
const index = (words: Record<string, number>): SpellingIndex => {
  const terms = new Map<string, { word: string; uses: number }>();
  for (const [word, uses] of Object.entries(words)) terms.set(stem(word), { word, uses });
  return {
    knows: (w) => terms.has(stem(w)),
    terms: (prefix) => [...terms].filter(([t]) => t.startsWith(prefix)).map(([t, { uses }]) => [t, uses]),
    surface: (term) => terms.get(term)?.word,
  };
};
const claims = index({ python: 40, memory: 12, goroutine: 30, threshold: 4, cons: 1 });

describe('spelling: a misspelt question word becomes the index word it stands for', () => {
  it('corrects transpositions, a dropped letter and a doubled one', () => {
    expect(correction('pyhton', claims)).toBe('python');
    expect(correction('memroy', claims)).toBe('memory');
    expect(correction('goroutne', claims)).toBe('goroutine');
    expect(correction('thresold', claims)).toBe('threshold');
    expect(correction('recomend', index({ recommend: 3 }))).toBe('recommend');
  });

  it('counts a swap of neighbouring letters as one edit, so a swap plus a plural still finds the word', () => {
    // Claims write "goroutines": plain Levenshtein puts "goroutnie" three edits from it, past the limit of two.
    expect(correction('goroutnie', index({ goroutines: 30 }))).toBe('goroutines');
    expect(correction('goroutnie', index({ gorilla: 30 }))).toBeUndefined();
  });

  it('splits two known words typed as one', () => {
    expect(correction('realtime', index({ real: 5, time: 9 }))).toBe('real time');
    expect(correction('threadsafe', index({ thread: 5, safe: 2 }))).toBe('thread safe');
    // Unless one part is unknown to the index: "zigserver" stays as typed.
    expect(correction('zigserver', index({ server: 5 }))).toBeUndefined();
  });

  it('leaves words of spoken English, short words, numbers and far-off words alone', () => {
    expect(correction('investors', claims)).toBeUndefined(); // English, just not in the index
    expect(correction('imo', claims)).toBeUndefined(); // too short to tell a typo from a new word
    expect(correction('k8s', claims)).toBeUndefined();
    expect(correction('kotlin', claims)).toBeUndefined(); // no index word within two edits
  });

  it('prefers the closer word, then the more used one', () => {
    expect(correction('gorutine', index({ goroutine: 1, gorilla: 50 }))).toBe('goroutine');
    expect(correction('thred', index({ thread: 2, three: 9 }))).toBe('three');
  });

  it('rewrites only the misspelt words of a question, keeping the rest as typed', () => {
    expect(correctSpelling('How much memroy does a Pyhton thread take?', claims)).toBe(
      'How much memory does a python thread take?',
    );
    expect(correctSpelling('how much memory?', claims)).toBe('how much memory?');
  });

  it('reads the index terms only for a word unknown to both spoken English and the index', () => {
    const asked: string[] = [];
    const counting: SpellingIndex = {
      knows: (w) => w === 'goroutine',
      terms: (prefix) => {
        asked.push(prefix);
        return [];
      },
      surface: () => undefined,
    };
    correctSpelling('how much memory does a goroutine take in a pyhton thread', counting);
    expect(asked).toEqual(['py']);
  });
});

describe('everyday words: spoken English frequency', () => {
  it('ranks the commonest words first and leaves jargon out', () => {
    expect(spokenRank('the')).toBeLessThan(10);
    expect(spokenRank('goroutine')).toBeUndefined();
    expect(spokenRank('you i')).toBeUndefined(); // two listed words are not one
    expect(specificity('the', 0.4)).toBe(0.4);
    expect(specificity('goroutine', 0.4)).toBe(1);
    const throwWeight = specificity('throw', 0.4);
    expect(throwWeight).toBeGreaterThan(0.4);
    expect(throwWeight).toBeLessThan(specificity('prototype', 0.4));
  });

  it('gives every listed word its place in the list, searched for at first and from the full map later', () => {
    // The first few hundred words looked up are searched for in the list, the rest read from the map.
    const words = SPOKEN_WORDS.split(' ');
    const wrong = words.filter((w, i) => spokenRank(w) !== i || spokenRank(w.toUpperCase()) !== i);
    expect(wrong).toEqual([]);
    expect(spokenRank('goroutines')).toBeUndefined();
  });

  it('ships the package top list as generated (npx tsx scripts/spoken-words.ts regenerates it)', () => {
    const words = SPOKEN_WORDS.split(' ');
    expect(words).toHaveLength(SPOKEN_LIMIT);
    expect(words).toEqual(spokenWords());
  });
});

describe('ask with a misspelt question', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  it('answers "memroy" of a goroutine as it answers "memory"', () => {
    const typed = ask(core.answers, core.taxonomy, 'whats the per-goroutine memroy cost');
    const right = ask(core.answers, core.taxonomy, 'whats the per-goroutine memory cost');
    expect(typed.claims[0]?.id).toBeDefined();
    expect(typed.claims[0]?.id).toBe(right.claims[0]?.id);
    expect(typed.answer?.text).toBe(right.answer?.text);
  });

  it('corrects to a word a claim writes, not to one only a section heading holds', async () => {
    const kb = copyKnowledge();
    writeFileSync(
      join(kb.dir, 'gamma.md'),
      '---\nid: gamma\ntitle: Gamma Notes\n---\n\n## Migrations\n\n' +
        '- Schema changes in Go are applied by hand. {side=go kind=fact}\n' +
        '- Django generates its migrations from the models. {side=python kind=fact}\n',
    );
    const own = await testCore(kb.dir);
    try {
      const fixed = correctSpelling('how do migratons work', {
        knows: (w) => own.answers.documentFrequency(w) > 0,
        terms: (prefix) => own.answers.termsStartingWith(prefix),
        surface: (term) => own.answers.surfaceOf(term, stem),
      });
      expect(fixed).toBe('how do migrations work');
    } finally {
      await own.close();
      kb.cleanup();
    }
  });
});
