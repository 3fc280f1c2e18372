import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linguistAliases } from '../../scripts/language-aliases.js';
import { ask, chatter } from '../../src/answers/ask.js';
import { isContextMention, namedEntities } from '../../src/answers/entities.js';
import { LANGUAGE_ALIASES } from '../../src/answers/language-aliases.js';
import { buildIndex, type EvalIndex } from '../eval/index-db.js';

let ix: EvalIndex;
beforeAll(() => {
  ix = buildIndex();
});
afterAll(() => ix.close());

const isChatter = (text: string, context?: string) => chatter(ix.store, ix.taxonomy, text, context !== undefined);

describe('the intent model', () => {
  it.each([
    'thanks!',
    'ok',
    'hello there',
    'cool, thank you 👍',
    '👍',
    'good morning everyone',
    'what is the weather in oslo today',
    'can you recommend a movie for tonight',
    'write a limerick about my cat',
  ])('GIVEN chatter %j THEN it is not a question for the sources', (text) => expect(isChatter(text)).toBe(true));

  it.each([
    'thanks, but how fast is gin?',
    'is go faster than python',
    'lol is the gil really that bad',
    'how much memory does a goroutine start with',
    'which orm do people use with fastapi',
    // Only the thesaurus knows "mvp" (→ prototype): still the domain's word, not chatter.
    'which is better for an MVP?',
  ])('GIVEN %j THEN it is a question', (text) => expect(isChatter(text)).toBe(false));

  it('GIVEN a terse follow-up in a thread THEN it is a question, while thanks in the thread is not', () => {
    expect(isChatter('why tho', 'does the GIL matter for web backends')).toBe(false);
    expect(isChatter('thanks!', 'does the GIL matter for web backends')).toBe(true);
  });

  it('GIVEN chatter THEN ask returns no claims and flags it', () => {
    const r = ask(ix.store, ix.taxonomy, 'haha nice one, have a good weekend');
    expect(r.chatter).toBe(true);
    expect(r.claims).toEqual([]);
    expect(r.answer).toBeNull();
  });
});

describe('named entities and coverage', () => {
  it("ships Linguist's aliases of the recognised languages as generated (scripts/language-aliases.ts)", async () => {
    expect(LANGUAGE_ALIASES).toEqual(await linguistAliases());
  });

  it.each([
    ["what's the p99 of rust's actix-web", ['Rust', 'actix-web']],
    ['node.js express throughput vs gin', ['Node.js', 'Express']],
    ['lambda cold starts for python vs go', ['AWS Lambda']],
    ['go 1.22 gc pauses', ['Go 1.22']],
    ['is C++ faster than go', ['C++']],
    ['c# vs go for an api', ['C#']],
    // An ambiguous name next to another name, or in a "does X beat Y", is a name.
    ['how does node/express compare to go for backend perf', ['Node.js', 'Express']],
    ['does bun beat fastapi on rps', ['Bun']],
  ])('GIVEN %j THEN it names %j', (q, names) => expect(namedEntities(q).map((e) => e.name)).toEqual(names));

  it.each([
    'we must ship an MVP by spring',
    'is go faster than python',
    'does the GIL matter in python 3',
    'a lambda in python',
    'grabbed a bun before standup, go or python for the new api?',
  ])('GIVEN %j THEN it names nothing outside Go and Python', (q) => expect(namedEntities(q)).toEqual([]));

  it('GIVEN a language the team is leaving THEN it is context, not the subject', () => {
    const q = "we're moving off Java, go or python?";
    const [java] = namedEntities(q);
    expect(java?.name).toBe('Java');
    expect(isContextMention(q, java!)).toBe(true);
  });

  it('GIVEN a framework no claim mentions THEN ask says the sources do not cover it and substitutes nothing', () => {
    const r = ask(ix.store, ix.taxonomy, "what's the p99 latency of rust's actix-web?");
    expect(r.uncovered).toEqual(['Rust', 'actix-web'].filter((n) => !ix.store.mentions(n.toLowerCase())));
    expect(r.uncovered).toContain('actix-web');
    expect(r.answer).toBeNull();
    expect(r.claims).toEqual([]);
  });

  it('GIVEN a framework the sources cover THEN it is answered', () => {
    const r = ask(ix.store, ix.taxonomy, 'how many requests per second does fastapi handle?');
    expect(r.uncovered).toEqual([]);
    expect(r.answer?.text).toMatch(/45,000/);
  });
});
