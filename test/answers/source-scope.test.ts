import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/ask.js';
import { sourceScope } from '../../src/answers/source-scope.js';
import { buildIndex, type EvalIndex } from '../eval/index-db.js';

let ix: EvalIndex;
beforeAll(() => {
  ix = buildIndex();
});
afterAll(() => ix.close());

describe('questions that name a source', () => {
  it.each([
    ['what does the threshold essay say about the GIL', 'python-default-go-threshold'],
    ['in the 2025 guide how fast was django', 'python-vs-go-2025'],
    ['what does the op-ed say about the aws bill', 'go-eating-pythons-lunch'],
    ['the hashnode post on why go stole his heart: what about deployment', 'go-stole-my-heart'],
  ])('GIVEN %j THEN it is asked of %s, whose claim comes first', (q, doc) => {
    expect(sourceScope(q, ix.store.documentNames())?.documentId).toBe(doc);
    expect(ask(ix.store, ix.taxonomy, q).claims[0]?.citation.documentId).toBe(doc);
  });

  it('GIVEN a question naming no article THEN it is asked of all of them', () => {
    expect(sourceScope('how much memory does a goroutine use', ix.store.documentNames())).toBeUndefined();
  });

  it('GIVEN words naming two articles THEN the one named by more of them is chosen', () => {
    // "win" is in the threshold essay's title; "op" and "ed" in the lunch op-ed's label.
    const q = 'what does python still win at according to the go op-ed';
    expect(sourceScope(q, ix.store.documentNames())?.documentId).toBe('go-eating-pythons-lunch');
  });

  it('GIVEN a follow-up in a thread about one article THEN it is asked of that article', () => {
    const r = ask(ix.store, ix.taxonomy, 'and where is go gaining ground then?', {
      context: 'what does python still win at according to the go op-ed',
    });
    expect(r.analysis.source).toBe('go-eating-pythons-lunch');
    expect(r.claims[0]?.citation.documentId).toBe('go-eating-pythons-lunch');
    // A follow-up naming another article is asked of that one.
    const other = ask(ix.store, ix.taxonomy, 'and what does the threshold essay say?', {
      context: 'what does the op-ed say about the aws bill',
    });
    expect(other.analysis.source).toBe('python-default-go-threshold');
  });

  it('GIVEN words shared by two titles THEN no single article is chosen', () => {
    // "right" and "backend" are in two titles: they name neither.
    expect(sourceScope('what does the article say is the right backend', ix.store.documentNames())).toBeUndefined();
  });
});
