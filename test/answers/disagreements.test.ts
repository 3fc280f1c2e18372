import { describe, expect, it } from 'vitest';
import { type ContestableClaim, figuresAgree, findDisagreements } from '../../src/answers/disagreements.js';
import type { FigureView } from '../../src/knowledge/types.js';

const fig = (value: number, unit: string, normalized: number, valueHigh?: number): FigureView => ({
  value,
  valueHigh,
  unit,
  normalized,
  metric: 'm',
  subject: 'Go',
  raw: `${value}${unit}`,
});
const claim = (doc: string, over: Partial<ContestableClaim>): ContestableClaim => ({
  id: `${doc}:${Math.random()}`,
  text: 't',
  side: 'go',
  kind: 'fact',
  topics: [],
  figures: [],
  citation: { documentId: doc, title: doc.toUpperCase(), section: 's' },
  ...over,
});

describe('disagreements between sources', () => {
  it('GIVEN overlapping ranges THEN figures agree', () => {
    expect(figuresAgree(fig(15, '%', 15, 25), fig(20, '%', 20))).toBe(true);
    expect(figuresAgree(fig(5, '×', 5, 10), fig(56, '×', 56))).toBe(false);
  });

  it('GIVEN the same metric with incompatible figures in two documents THEN one disagreement citing both', () => {
    const d = findDisagreements([
      claim('a', { metricKey: 'speed', figures: [fig(5, '×', 5, 10)] }),
      claim('b', { metricKey: 'speed', figures: [fig(56, '×', 56)] }),
    ]);
    expect(d).toHaveLength(1);
    expect(d[0]!.summary).toBe('5–10× (A) vs 56× (B)');
  });

  it('GIVEN the same figures within 10% THEN no disagreement', () => {
    expect(
      findDisagreements([
        claim('a', { metricKey: 'stack', figures: [fig(2, 'KB', 2048)] }),
        claim('b', { metricKey: 'stack', figures: [fig(2.1, 'KB', 2150)] }),
      ]),
    ).toEqual([]);
  });

  it('GIVEN two figures in one document THEN no disagreement (a source does not disagree with itself)', () => {
    expect(
      findDisagreements([
        claim('a', { metricKey: 'speed', figures: [fig(5, '×', 5)] }),
        claim('a', { metricKey: 'speed', figures: [fig(50, '×', 50)] }),
      ]),
    ).toEqual([]);
  });

  it('GIVEN figures in different units THEN they are not compared', () => {
    expect(
      findDisagreements([
        claim('a', { metricKey: 'x', figures: [fig(5, '×', 5)] }),
        claim('b', { metricKey: 'x', figures: [fig(50, '%', 50)] }),
      ]),
    ).toEqual([]);
  });

  it('GIVEN opposite stances on one issue THEN one disagreement naming both positions and every source', () => {
    const d = findDisagreements([
      claim('a', { stance: 'gil-matters:yes' }),
      claim('b', { stance: 'gil-matters:no' }),
      claim('c', { stance: 'gil-matters:no' }),
    ]);
    expect(d.map((x) => x.summary)).toEqual(['“yes” (A) vs “no” (B; C)']);
    expect(d[0]!.about).toBe('gil matters');
  });

  it('GIVEN untagged table rows for the same subject and metric THEN differing figures are flagged', () => {
    const row = (doc: string, v: number) =>
      claim(doc, { figures: [{ ...fig(v, 'req/s', v), subject: 'FastAPI', metric: 'Req/sec' }] });
    expect(findDisagreements([row('a', 45000), row('b', 9000)])).toHaveLength(1);
  });
});
