import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOKEN_LIMIT, spokenWords } from '../../scripts/spoken-words.js';
import { ask } from '../../src/answers/ask.js';
import { specificity, spokenRank } from '../../src/answers/everyday.js';
import { correction, correctSpelling, type SpellingIndex } from '../../src/answers/spelling.js';
import { SPOKEN_WORDS } from '../../src/answers/spoken-words.js';
import type { Core } from '../../src/core.js';
import { testCore } from '../helpers/core.js';

const index = (words: Record<string, number>): SpellingIndex => {
  const vocabulary = new Map(Object.entries(words));
  return { knows: (w) => vocabulary.has(w), vocabulary: () => vocabulary };
};
const claims = index({ python: 40, memory: 12, goroutine: 30, goroutines: 9, threshold: 4, difference: 2, cons: 1 });

describe('spelling: a misspelt question word becomes the index word it stands for', () => {
  it('corrects transpositions, a dropped letter and a doubled one', () => {
    expect(correction('pyhton', claims)).toBe('python');
    expect(correction('memroy', claims)).toBe('memory');
    expect(correction('goroutne', claims)).toBe('goroutine');
    expect(correction('thresold', claims)).toBe('threshold');
    expect(correction('diference', claims)).toBe('difference');
  });

  it('leaves words of spoken English, short words, numbers and far-off words alone', () => {
    expect(correction('investors', claims)).toBeUndefined(); // English, just not in the index
    expect(correction('imo', claims)).toBeUndefined(); // too short to tell a typo from a new word
    expect(correction('k8s', claims)).toBeUndefined();
    expect(correction('kotlin', claims)).toBeUndefined(); // no index word within two edits
  });

  it('prefers the closer word, then the more used one', () => {
    const two = index({ goroutine: 1, goroutines: 50 });
    expect(correction('goroutin', two)).toBe('goroutine');
    expect(correction('goroutinez', two)).toBe('goroutines');
  });

  it('rewrites only the misspelt words of a question, keeping the rest as typed', () => {
    expect(correctSpelling('How much memroy does a Pyhton thread take?', claims)).toBe(
      'How much memory does a python thread take?',
    );
    expect(correctSpelling('how much memory?', claims)).toBe('how much memory?');
  });

  it('builds the vocabulary only when a word is unknown to the index', () => {
    let built = 0;
    const lazy: SpellingIndex = {
      knows: () => true,
      vocabulary: () => {
        built++;
        return new Map();
      },
    };
    correctSpelling('how much memory does a goroutine take', lazy);
    expect(built).toBe(0);
  });
});

describe('everyday words: spoken English frequency', () => {
  it('ranks the commonest words first and leaves jargon out', () => {
    expect(spokenRank('the')).toBeLessThan(10);
    expect(spokenRank('goroutine')).toBeUndefined();
    expect(specificity('the', 0.4)).toBe(0.4);
    expect(specificity('goroutine', 0.4)).toBe(1);
    const throwWeight = specificity('throw', 0.4);
    expect(throwWeight).toBeGreaterThan(0.4);
    expect(throwWeight).toBeLessThan(specificity('prototype', 0.4));
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
});
