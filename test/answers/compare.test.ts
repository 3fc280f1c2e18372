import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/answers/compare.js';
import type { Core } from '../../src/core.js';
import { testCore } from '../helpers/core.js';

describe('compare: Go side vs Python side of a topic', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore();
  });
  afterAll(() => core.close());

  it('puts the claims that favor Go and the claims that favor Python in their own columns, each cited', () => {
    const r = compare(core.answers, core.taxonomy, 'concurrency');
    if (!r.found) throw new Error('topic not found');
    expect(r.result.go.length).toBeGreaterThan(0);
    expect(r.result.python.length).toBeGreaterThan(0);
    expect(r.result.go.every((c) => c.favors === 'go')).toBe(true);
    expect(r.result.python.every((c) => c.favors === 'python')).toBe(true);
    expect(r.result.go[0]?.citation.title).toBeTruthy();
  });

  it('flags opposite stances on the same issue from two sources, with both citations', () => {
    const r = compare(core.answers, core.taxonomy, 'concurrency');
    if (!r.found) throw new Error('topic not found');
    const gil = r.result.disagreements.find((d) => d.about === 'gil matters');
    expect(gil).toBeDefined();
    expect(new Set(gil!.claims.map((c) => c.citation.documentId))).toEqual(new Set(['alpha', 'beta']));
  });

  it('flags two different figures for the same metric and shows figures side by side', () => {
    const r = compare(core.answers, core.taxonomy, 'performance');
    if (!r.found) throw new Error('topic not found');
    const speed = r.result.disagreements.find((d) => d.about === 'go speedup');
    expect(speed?.summary).toMatch(/5–10×.*56×|56×.*5–10×/);
    const rps = r.result.figures.find((f) => /Throughput/.test(f.label));
    expect(rps).toMatchObject({
      go: expect.stringContaining('120,000 req/s'),
      python: expect.stringContaining('45,000 req/s'),
      verdict: 'Go 2.7× higher',
    });
  });

  it('does not flag agreeing figures (2 KB and 2KB goroutine stacks) as a disagreement', () => {
    const r = compare(core.answers, core.taxonomy, 'memory');
    if (!r.found) throw new Error('topic not found');
    expect(r.result.disagreements.find((d) => d.about === 'goroutine stack')).toBeUndefined();
  });

  it('resolves a synonym or prefix to its topic', () => {
    const r = compare(core.answers, core.taxonomy, 'Speed');
    expect(r.found && r.result.topic.id).toBe('performance');
    const p = compare(core.answers, core.taxonomy, 'concur');
    expect(p.found && p.result.topic.id).toBe('concurrency');
  });

  it('suggests topics for an unknown one', () => {
    const r = compare(core.answers, core.taxonomy, 'blockchain');
    expect(r.found).toBe(false);
    if (!r.found) expect(r.suggestions.length).toBeGreaterThan(0);
  });
});
