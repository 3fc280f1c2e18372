import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/ask.js';
import { compare } from '../../src/answers/compare.js';
import type { Core } from '../../src/core.js';
import { loadMatrix } from '../../src/matrix/definition.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ORIGINALITY = resolve(ROOT, '../shared/tools/check-originality');

describe('the shipped knowledge base', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE);
  });
  afterAll(() => core.close());

  it('indexes one digest per source article without warnings', () => {
    const digests = readdirSync(REAL_KNOWLEDGE).filter((f) => f.endsWith('.md'));
    expect(digests.length).toBe(4);
    expect(core.indexReport!.warnings).toEqual([]);
    expect(core.knowledge.claimCount()).toBeGreaterThan(250);
  });

  it('answers "how much memory does a goroutine start with" with the cited 2 KB claim first', () => {
    const r = ask(core.answers, core.taxonomy, 'how much memory does a goroutine start with');
    const first = r.claims[0]!;
    expect(first.figures.some((f) => f.unit === 'KB' && f.value === 2)).toBe(true);
    expect(first.side).toBe('go');
    expect(first.citation.title).toBeTruthy();
  });

  it('compares concurrency with both sides cited and at least one disagreement between sources', () => {
    const r = compare(core.answers, core.taxonomy, 'concurrency');
    if (!r.found) throw new Error('no concurrency topic');
    expect(r.result.go.length).toBeGreaterThan(0);
    expect(r.result.python.length).toBeGreaterThan(0);
    expect(r.result.disagreements.length).toBeGreaterThan(0);
    for (const d of r.result.disagreements)
      expect(d.claims[0].citation.documentId).not.toBe(d.claims[1].citation.documentId);
  });

  it('shows where the sources disagree on performance, never one source against itself', () => {
    const r = compare(core.answers, core.taxonomy, 'performance');
    if (!r.found) throw new Error('no performance topic');
    expect(r.result.disagreements.some((d) => /fast enough/.test(d.about))).toBe(true);
    // The guide's own 6.9× (JSON) and 56× (Fibonacci) are two benchmarks, not a clash between sources.
    for (const d of r.result.disagreements)
      expect(d.claims[0]!.citation.documentId).not.toBe(d.claims[1]!.citation.documentId);
    expect(r.result.disagreements.some((d) => /speed-up/.test(d.about))).toBe(false);
  });

  it('ships a decision matrix drawn from all three decision tables, every cited claim indexed', () => {
    expect(core.walks).toBeDefined();
    const matrix = loadMatrix(join(REAL_KNOWLEDGE, 'matrix.yaml'));
    expect(matrix.factors.length).toBeGreaterThanOrEqual(10);
    const cited = new Set(matrix.factors.flatMap((f) => f.claims.map((id) => id.split(':')[0])));
    expect(cited).toEqual(new Set(['python-vs-go-2025', 'python-default-go-threshold', 'go-stole-my-heart']));
    const ids = matrix.factors.flatMap((f) => f.claims);
    expect(new Set(core.answers.claimsByIds(ids).map((c) => c.id)).size).toBe(new Set(ids).size);
  });

  it('captures every benchmark table row with its figures', () => {
    const rows = core.db
      .prepare(
        "SELECT count(*) AS n FROM claims WHERE text LIKE '%120,000%' OR text LIKE '%45.2%' OR text LIKE '%555K%' OR text LIKE '%555,000%'",
      )
      .get() as { n: number };
    expect(rows.n).toBeGreaterThanOrEqual(3);
  });
});

describe.skipIf(!existsSync(ORIGINALITY))('originality of the digests and docs', () => {
  it('repeats no 10-word run of the source articles', async () => {
    const { stdout } = await promisify(execFile)(ORIGINALITY, [], { cwd: ROOT });
    expect(stdout).toMatch(/no passage of 10\+ words copied/);
  }, 60_000);
});
