import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/answers/analyse.js';
import type { Candidate } from '../../src/answers/candidates.js';
import { corroborate, leadAnswer } from '../../src/answers/compose.js';
import { figureRows } from '../../src/answers/figure-rows.js';
import { scoreCandidates } from '../../src/answers/score.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import type { FigureView } from '../../src/knowledge/types.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

const taxonomy = loadTaxonomy(join(REAL_KNOWLEDGE, 'taxonomy.yaml'));

const fig = (subject: string, metric: string, value: number, unit: string, normalized = value): FigureView => ({
  subject,
  metric,
  value,
  unit,
  normalized,
  raw: `${value.toLocaleString('en-US')} ${unit}`,
});

let n = 0;
function claim(text: string, extra: Partial<Candidate> = {}): Candidate {
  n++;
  return {
    rowid: n,
    id: `doc:${n}`,
    text,
    side: 'go',
    favors: 'go',
    derived: false,
    kind: 'fact',
    topics: [],
    figures: [],
    citation: { documentId: 'doc', title: 'Doc', section: 'S' },
    path: 'doc.md',
    ownRank: -1,
    ...extra,
  };
}

describe('stage 1: analyse', () => {
  it('GIVEN a figure question THEN intent figure, the unit family asked for, and the entity named', () => {
    const q = analyse('how many requests per second does Fiber handle', taxonomy);
    expect(q).toMatchObject({ intent: 'figure', answerType: 'throughput', entities: ['fiber'] });
    expect(q.words.map((w) => w.word)).toEqual(['requests', 'second', 'fiber', 'handle']);
  });

  it('GIVEN "X vs Y" with a unit THEN intent versus with both entities', () => {
    expect(analyse('fastapi vs gin throughput', taxonomy)).toMatchObject({
      intent: 'versus',
      entities: ['fastapi', 'gin'],
      answerType: 'throughput',
    });
  });

  it('GIVEN a comparative THEN its base form is an alternative the claims may write ("cheaper" → cheap)', () => {
    const q = analyse('which is easier to deploy, and are goroutines lighter or cheaper?', taxonomy);
    const alts = (word: string) => q.words.find((w) => w.word === word)?.alts ?? [];
    expect(alts('easier')).toContain('easi');
    expect(alts('lighter')).toContain('light');
    expect(alts('cheaper')).toContain('cheap');
  });

  it('GIVEN "py" THEN it names Python, as chat writes it', () => {
    const q = analyse('real time system w/ low latency reqs. go or py', taxonomy);
    expect(q.sides).toEqual(['go', 'python']);
    expect(q.words.map((w) => w.word)).not.toContain('py');
  });

  it('GIVEN a question ending in the choice THEN it asks which to pick, unless it asks which measures more', () => {
    expect(analyse('tight memory budget on our edge boxes, python or go', taxonomy).intent).toBe('recommendation');
    expect(analyse("what's faster, go or python?", taxonomy).intent).toBe('versus');
  });

  it('GIVEN everyday words THEN the thesaurus gives the digests’ words as alternatives, not as the question', () => {
    const q = analyse('do Go engineers get paid more', taxonomy);
    expect(q.words.find((w) => w.word === 'engineers')?.alts).toContain('develop');
    expect(q.words.find((w) => w.word === 'paid')?.alts).toEqual(expect.arrayContaining(['earn', 'premium']));
    expect(q.expansions.map((w) => w.word)).toContain('premium');
    expect(q.sides).toEqual(['go']);
  });

  it('GIVEN a phrase in the thesaurus THEN it maps as a whole ("global interpreter lock" → gil)', () => {
    const q = analyse('why does python have a global interpreter lock', taxonomy);
    expect(q.why).toBe(true);
    expect(q.words.find((w) => w.word === 'lock')?.alts).toContain('gil');
  });

  it('GIVEN a follow-up with nothing but a side word THEN the thread’s question is searched', () => {
    const q = analyse('and python?', taxonomy, 'does the GIL matter for backends');
    expect(q.words.map((w) => w.word)).toEqual(['gil', 'backends']);
    expect(q.sides).toEqual(['python']);
  });
});

describe('stage 3: score', () => {
  const freq = { claims: 100, df: (w: string) => ({ fiber: 2, requests: 10, second: 10, handle: 5 })[w] ?? 0 };

  it('GIVEN a row with the entity and the unit asked for THEN it outscores a claim that only shares words', () => {
    const q = analyse('how many requests per second does Fiber handle', taxonomy);
    const row = claim('Framework: Go with Fiber; Req/sec: 130,000', {
      figures: [fig('Go with Fiber', 'Req/sec', 130_000, 'req/s')],
      ownRank: -2,
    });
    const prose = claim('A service that must handle 50,000 requests per second', { ownRank: -4 });
    const [a, b] = scoreCandidates(q, [row, prose], freq, taxonomy);
    expect(a!.features).toMatchObject({ entity: 1, answerType: 1 });
    expect(a!.score).toBeGreaterThan(b!.score);
  });

  it('GIVEN a derived figure and its source row THEN the source row scores higher, all else equal', () => {
    const q = analyse('fiber requests per second', taxonomy);
    const f = [fig('Fiber', 'Req/sec', 130_000, 'req/s')];
    const [row, derived] = scoreCandidates(
      q,
      [
        claim('Fiber requests per second 130,000', { figures: f }),
        claim('Fiber requests per second 130,000', { figures: f, derived: true }),
      ],
      freq,
      taxonomy,
    );
    expect(row!.score).toBeGreaterThan(derived!.score);
  });

  it('GIVEN a claim covering none of the question THEN it is not relevant', () => {
    const q = analyse('fiber throughput', taxonomy);
    const [c] = scoreCandidates(q, [claim('Go was created at Google in 2009.')], freq, taxonomy);
    expect(c!.relevant).toBe(false);
  });
});

describe('stage 4: compose', () => {
  const scoredAs = (c: Candidate, score: number) => ({
    ...c,
    score,
    relevant: true,
    evidence: 1,
    subject: 1,
    features: { coverage: 1 } as never,
  });

  it('GIVEN the same fact in two sources THEN one line citing both', () => {
    const a = scoredAs(claim('A goroutine starts with a 2 KB stack.'), 3);
    const b = scoredAs(
      claim('A goroutine starts with a 2 KB stack.', {
        citation: { documentId: 'other', title: 'Other', section: 'T' },
      }),
      2,
    );
    const out = corroborate([a, b], taxonomy.metrics);
    expect(out).toHaveLength(1);
    expect(out[0]!.alsoIn?.map((c) => c.title)).toEqual(['Other']);
  });

  it('GIVEN a derived claim ranked above its source row THEN it moves after it', () => {
    const d = scoredAs(
      claim('Derived from the table: Go is 2.7x faster.', {
        derived: true,
        citation: { documentId: 'g', title: 'G', section: 'HTTP' },
      }),
      5,
    );
    const r = scoredAs(
      claim('Framework: Go; Req/sec: 120,000', { citation: { documentId: 'g', title: 'G', section: 'HTTP' } }),
      4,
    );
    expect(corroborate([d, r], taxonomy.metrics).map((c) => c.derived)).toEqual([false, true]);
  });

  it('GIVEN a table row that answers a figure question THEN the lead names subject, figure and the rest', () => {
    const q = analyse('how much memory does fiber use', taxonomy);
    const row = scoredAs(
      claim('Framework: Go with Fiber; Req/sec: 130,000; Memory: 25 MB', {
        figures: [
          { ...fig('Go with Fiber', 'Req/sec', 130_000, 'req/s'), raw: '130,000' },
          { ...fig('Go with Fiber', 'Memory', 25, 'MB', 25 * 1024 ** 2), raw: '25 MB' },
        ],
      }),
      5,
    );
    expect(leadAnswer(q, [row], taxonomy, taxonomy.metrics)?.text).toBe(
      'Go with Fiber: memory 25 MB (requests per second 130,000 req/s)',
    );
  });

  it('GIVEN weak evidence THEN no lead answer', () => {
    const q = analyse('fiber memory', taxonomy);
    const weak = { ...scoredAs(claim('Something vaguely related.'), 1), evidence: 0.1 };
    expect(leadAnswer(q, [weak], taxonomy, taxonomy.metrics)).toBeNull();
  });
});

describe('compare figure rows', () => {
  const row = (text: string, doc: string, f: FigureView, side: 'go' | 'python') =>
    claim(text, { side, citation: { documentId: doc, title: doc, section: 'Bench › HTTP' }, figures: [f] });

  it('GIVEN one table THEN the best Go and the best Python value of each column, with the winner and the ratio', () => {
    const rows = figureRows(
      [
        row('Framework: Gin; Req/sec: 110,000;', 'g', fig('Go with Gin', 'Req/sec', 110_000, 'req/s'), 'go'),
        row('Framework: FastAPI; Req/sec: 45,000;', 'g', fig('FastAPI', 'Req/sec', 45_000, 'req/s'), 'python'),
        row('Framework: Django; Req/sec: 8,000;', 'g', fig('Django', 'Req/sec', 8_000, 'req/s'), 'python'),
      ],
      taxonomy,
    );
    expect(rows).toEqual([
      {
        label: 'HTTP · Requests per second',
        go: 'Go with Gin 110,000 req/s',
        python: 'FastAPI 45,000 req/s',
        verdict: 'Go 2.4× higher',
        call: { kind: 'ratio', side: 'go', times: '2.4', higher: true },
      },
    ]);
  });

  it('GIVEN two different tables THEN never one row mixing them', () => {
    const other = claim('Language: Python; Time: 45.2s;', {
      side: 'python',
      citation: { documentId: 'g', title: 'g', section: 'Bench › Fibonacci' },
      figures: [fig('Python', 'Time', 45.2, 's')],
    });
    const go = row('Language: Go; Time: 0.8s;', 'g', fig('Go', 'Time', 0.8, 's'), 'go');
    expect(figureRows([go, other], taxonomy)).toEqual([]);
  });
});

describe('follow-ups', () => {
  it('GIVEN a follow-up that names its own subject THEN the thread’s subject is not inherited', () => {
    const q = analyse('what about a python thread', taxonomy, 'how much memory does a goroutine take?');
    expect(q.sides).toEqual(['python']);
    expect(q.entities).not.toContain('goroutine');
  });

  it('GIVEN a terse follow-up naming nothing THEN the thread’s subject carries over', () => {
    const q = analyse('and the p99?', taxonomy, 'how fast is fastapi compared to gin');
    expect(q.entities).toEqual(expect.arrayContaining(['fastapi', 'gin']));
  });
});
