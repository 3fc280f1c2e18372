import { describe, expect, it } from 'vitest';
import { findFigures, formatFigure, unitFromHeader } from '../../src/knowledge/figures.js';

const one = (text: string, unit?: string) => {
  const f = findFigures(text, unit);
  expect(f).toHaveLength(1);
  return f[0]!;
};

describe('figure extraction and normalization', () => {
  it.each([
    ['took 45.2s', 45.2, 's', 45.2],
    ['p99 of 15ms', 15, 'ms', 0.015],
    ['about 250 µs', 250, 'µs', 0.00025],
    ['costs about 2KB', 2, 'KB', 2048],
    ['roughly 8MB', 8, 'MB', 8 * 1024 ** 2],
    ['used 1.2GB', 1.2, 'GB', 1.2 * 1024 ** 3],
    ['120,000 req/s', 120000, 'req/s', 120000],
    ['45,000 requests per second', 45000, 'req/s', 45000],
    ['50K+ RPS', 50000, 'req/s', 50000],
    ['dropped by 73%', 73, '%', 73],
    ['a 4,000x difference', 4000, '×', 4000],
    ['10K+ connections', 10000, 'connections', 10000],
    ['1M+ goroutines', 1_000_000, 'goroutines', 1_000_000],
  ])('%s → %d %s (normalized %d)', (text, value, unit, normalized) => {
    const f = one(text);
    expect(f.value).toBe(value);
    expect(f.unit).toBe(unit);
    expect(f.normalized).toBeCloseTo(normalized, 9);
  });

  it('GIVEN a count noun after a modifier ("14 web frameworks") THEN a count figure, but not after any word', () => {
    expect(findFigures('Python offers 14 web frameworks').map((f) => f.raw)).toEqual(['14 web frameworks']);
    expect(findFigures('it starts 5 worker goroutines').map((f) => f.unit)).toEqual(['goroutines']);
    expect(findFigures('since 2009 the developers')).toEqual([]);
  });

  it('reads ranges such as 15–25% and 5-10x as low and high', () => {
    expect(one('typically 15–25% more')).toMatchObject({ value: 15, valueHigh: 25, unit: '%' });
    expect(one('5-10x faster')).toMatchObject({ value: 5, valueHigh: 10, unit: '×' });
  });

  it('finds each figure of a before/after statement', () => {
    expect(findFigures('went from 340ms to 11ms').map((f) => f.normalized)).toEqual([0.34, 0.011]);
  });

  it('ignores bare numbers, versions, years and function arguments', () => {
    expect(findFigures('Python 3.10 arrived; fib(40) since 2009 at 3 AM')).toEqual([]);
  });

  it('takes the unit of a bare number from the column header', () => {
    expect(unitFromHeader('Req/sec')).toBe('req/sec');
    expect(unitFromHeader('Memory (MB)')).toBe('mb');
    expect(one('45,000', unitFromHeader('Req/sec'))).toMatchObject({ unit: 'req/s', normalized: 45000 });
  });

  it('formats figures for display', () => {
    expect(formatFigure({ value: 120000, unit: 'req/s' })).toBe('120,000 req/s');
    expect(formatFigure({ value: 15, valueHigh: 25, unit: '%' })).toBe('15–25%');
    expect(formatFigure({ value: 2, unit: 'KB' })).toBe('2KB');
  });
});
