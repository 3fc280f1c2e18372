import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/answers/analyse.js';
import { ask } from '../../src/answers/ask.js';
import { ftsMatch } from '../../src/answers/query.js';
import type { Core } from '../../src/core.js';
import { testCore } from '../helpers/core.js';
import { FUZZ_INPUTS } from '../helpers/fuzz-inputs.js';

describe('ask: ranked, cited claims for a question', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  it('puts the 2 KB goroutine claim first for "how much memory does a goroutine start with"', () => {
    const r = ask(core.answers, core.taxonomy, 'how much memory does a goroutine start with');
    expect(r.claims[0]?.text).toMatch(/2 ?KB/);
    expect(r.claims[0]?.citation).toMatchObject({
      documentId: expect.any(String),
      title: expect.any(String),
      section: expect.any(String),
    });
    expect(r.claims[0]?.figures[0]).toMatchObject({ unit: 'KB', normalized: 2048 });
  });

  it('returns nothing when no claim shares a word with the question', () => {
    const r = ask(core.answers, core.taxonomy, 'what is the weather in Paris tomorrow');
    expect(r.claims).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('pages: the second page continues where the first stopped', () => {
    const all = ask(core.answers, core.taxonomy, 'goroutine GIL python go backends', { limit: 50 });
    const p1 = ask(core.answers, core.taxonomy, 'goroutine GIL python go backends', { limit: 2 });
    const p2 = ask(core.answers, core.taxonomy, 'goroutine GIL python go backends', { limit: 2, offset: 2 });
    expect([...p1.claims, ...p2.claims].map((c) => c.id)).toEqual(all.claims.slice(0, 4).map((c) => c.id));
  });

  it('uses an earlier question as context for a terse follow-up', () => {
    const r = ask(core.answers, core.taxonomy, 'and python?', { context: 'does the GIL matter for backends' });
    expect(r.claims[0]?.side).toBe('python');
    expect(r.claims[0]?.text).toMatch(/GIL/);
  });

  it.each(FUZZ_INPUTS.map((s) => [s.length > 40 ? `${s.slice(0, 40)}… (${s.length} chars)` : JSON.stringify(s), s]))(
    'never raises an FTS syntax error for %s',
    (_label, input) => {
      expect(() => ask(core.answers, core.taxonomy, input)).not.toThrow();
    },
  );

  it('quotes every term, so FTS operators in user text become plain words (or stop words)', () => {
    const words = analyse('memory AND (goroutine) NEAR*', core.taxonomy).words.map((w) => w.word);
    expect(ftsMatch(words)).toBe('"memory" OR "goroutine" OR "near"');
  });

  it('searches "io" and "i/o" as the letters FTS5 splits "I/O" into, too', () => {
    const words = (q: string) => analyse(q, core.taxonomy).words.map((w) => w.word);
    expect(words('is i/o bound work fine')).toEqual(words('is io bound work fine'));
    expect(ftsMatch(['io', 'heavy'], [], 'AND')).toBe('("io" OR "i o") AND "heavy"');
  });
});
