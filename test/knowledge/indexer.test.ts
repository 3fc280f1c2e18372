import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { extractClaims } from '../../src/knowledge/extract.js';
import { indexKnowledge } from '../../src/knowledge/indexer.js';
import { parsePlainText } from '../../src/knowledge/plaintext.js';
import { buildTaxonomy, loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { copyKnowledge, FIXTURE_KNOWLEDGE } from '../helpers/core.js';

const claimIds = (db: ReturnType<typeof openDatabase>, doc: string) =>
  (db.prepare('SELECT id FROM claims WHERE document_id = ? ORDER BY ordinal').all(doc) as { id: string }[]).map(
    (r) => r.id,
  );

describe('incremental knowledge indexer', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const setup = () => {
    const kb = copyKnowledge();
    cleanups.push(kb.cleanup);
    const db = openDatabase(':memory:');
    cleanups.push(() => db.close());
    return { dir: kb.dir, db };
  };

  it('charges its time to phases when asked (the benchmark), and the phases add up to the whole', () => {
    const { dir, db } = setup();
    const phases = { setup: 0, list: 0, stat: 0, read: 0, parse: 0, extract: 0, wait: 0, write: 0 };
    const r = indexKnowledge(db, dir, { phases });
    const sum = Object.values(phases).reduce((a, b) => a + b, 0);
    expect(phases.parse).toBeGreaterThan(0);
    expect(phases.write).toBeGreaterThan(0);
    expect(sum).toBeLessThanOrEqual(r.ms + 0.01);
    expect(sum).toBeGreaterThan(r.ms * 0.5);
  });

  it('indexes every markdown and text document, with figures and FTS rows', () => {
    const { dir, db } = setup();
    const r = indexKnowledge(db, dir);
    expect(r.added.sort()).toEqual(['alpha.md', 'beta.md', 'notes.txt']);
    const fts = (db.prepare('SELECT count(*) AS n FROM claims_fts').get() as { n: number }).n;
    expect(fts).toBe(r.claims);
    const fig = db
      .prepare(
        "SELECT f.* FROM figures f JOIN claims c ON c.rowid = f.claim_rowid WHERE c.text LIKE 'Framework: FastAPI%' AND f.unit = 'req/s'",
      )
      .get();
    expect(fig).toMatchObject({ subject: 'FastAPI', metric: 'Req/sec', value: 45000, normalized_value: 45000 });
  });

  it('skips unchanged documents on the next run', () => {
    const { dir, db } = setup();
    indexKnowledge(db, dir);
    const r = indexKnowledge(db, dir);
    expect(r).toMatchObject({ added: [], updated: [], removed: [], unchanged: 3 });
  });

  it('re-indexes only the changed document and keeps ids of unchanged claims', () => {
    const { dir, db } = setup();
    indexKnowledge(db, dir);
    const before = claimIds(db, 'beta');
    const alphaBefore = claimIds(db, 'alpha');
    appendFileSync(join(dir, 'beta.md'), '- Go binaries ship as a single file.\n');
    const r = indexKnowledge(db, dir);
    expect(r.updated).toEqual(['beta.md']);
    expect(r.unchanged).toBe(2);
    const after = claimIds(db, 'beta');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(claimIds(db, 'alpha')).toEqual(alphaBefore);
  });

  it('removes a deleted document with its claims, figures and FTS rows', () => {
    const { dir, db } = setup();
    indexKnowledge(db, dir);
    rmSync(join(dir, 'alpha.md'));
    const r = indexKnowledge(db, dir);
    expect(r.removed).toEqual(['alpha.md']);
    expect(claimIds(db, 'alpha')).toEqual([]);
    const orphans = db
      .prepare('SELECT count(*) AS n FROM claims_fts WHERE rowid NOT IN (SELECT rowid FROM claims)')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    const orphanFigures = db
      .prepare('SELECT count(*) AS n FROM figures WHERE claim_rowid NOT IN (SELECT rowid FROM claims)')
      .get() as { n: number };
    expect(orphanFigures.n).toBe(0);
  });

  it('re-indexes everything when the taxonomy changes', () => {
    const { dir, db } = setup();
    indexKnowledge(db, dir);
    appendFileSync(
      join(dir, 'taxonomy.yaml'),
      '  deployment:\n    label: Deployment\n    synonyms: [binary, docker]\n',
    );
    const r = indexKnowledge(db, dir);
    expect(r.updated.sort()).toEqual(['alpha.md', 'beta.md', 'notes.txt']);
  });

  it('gives the same claim ids when the same text is indexed into a fresh database', () => {
    const { dir, db } = setup();
    indexKnowledge(db, dir);
    const other = openDatabase(':memory:');
    cleanups.push(() => other.close());
    indexKnowledge(other, dir);
    expect(claimIds(other, 'alpha')).toEqual(claimIds(db, 'alpha'));
  });

  it('fails with a clear message when the folder does not exist', () => {
    const { db } = setup();
    expect(() => indexKnowledge(db, '/no/such/folder')).toThrow(/does not exist.*KNOWLEDGE_DIR/s);
  });

  it('warns about two documents with the same id and keeps the first', () => {
    const { dir, db } = setup();
    writeFileSync(join(dir, 'zeta.md'), readFileSync(join(dir, 'alpha.md'), 'utf8'));
    const r = indexKnowledge(db, dir);
    expect(r.warnings.some((w) => w.path === 'zeta.md' && /also used by alpha\.md/.test(w.message))).toBe(true);
  });
});

const SOURCES = resolve(import.meta.dirname, '../../../shared/sources');

describe.skipIf(!existsSync(SOURCES))('plain prose it has never seen: the raw source articles', () => {
  const taxonomy = loadTaxonomy(join(FIXTURE_KNOWLEDGE, 'taxonomy.yaml'));
  const parse = (file: string) => {
    const p = parsePlainText(readFileSync(join(SOURCES, file), 'utf8'), file);
    return { meta: p.meta, claims: extractClaims(p.meta.id, p.claims, taxonomy).claims };
  };

  it('turns the essay on thresholds into sentences with their figures', () => {
    const { claims } = parse('003_26688a50cfda0009.txt');
    expect(claims.length).toBeGreaterThan(50);
    const stack = claims.find((c) => /default stack size of 8MB/.test(c.text));
    expect(stack?.figures[0]).toMatchObject({ value: 8, unit: 'MB', normalized: 8 * 1024 ** 2 });
    const rps = claims.find((c) => /50,000\+ RPS/.test(c.text));
    expect(rps?.figures.some((f) => f.unit === 'req/s' && f.normalized === 50000)).toBe(true);
    const premium = claims.find((c) => /15–25%/.test(c.text));
    expect(premium?.figures[0]).toMatchObject({ value: 15, valueHigh: 25, unit: '%' });
    expect(claims.every((c) => !/^\s*(?:func|def|import)\b/.test(c.text))).toBe(true);
  });

  it('finds the rewrite anecdote figures in the opinion piece', () => {
    const { claims } = parse('002_cfc06f40a246e8df.txt');
    const bill = claims.find((c) => /73%/.test(c.text));
    expect(bill?.figures[0]).toMatchObject({ value: 73, unit: '%' });
    // "Their API response time went from 340ms to 11ms" leans on the sentence before: it carries its subject.
    const latency = claims.find((c) => /340ms/.test(c.text));
    expect(latency?.text).toMatch(/^Last year, a startup\b/);
    expect(latency?.text).toMatch(/\bAWS bill\b/);
    expect(latency?.figures.map((f) => f.normalized)).toEqual([73, 0.34, 0.011]);
    const goroutine = claims.find((c) => /2KB/.test(c.text));
    expect(goroutine?.side).toBe('go');
  });

  it('indexes all four articles from a folder into searchable claims', () => {
    const db = openDatabase(':memory:');
    const r = indexKnowledge(db, SOURCES, {
      taxonomy: buildTaxonomy({
        sides: taxonomy.sides,
        topics: Object.fromEntries(taxonomy.topics.map((t) => [t.id, { label: t.label, synonyms: t.synonyms }])),
      }),
    });
    expect(r.added).toHaveLength(4);
    expect(r.claims).toBeGreaterThan(200);
    const fib = db.prepare("SELECT count(*) AS n FROM claims WHERE text LIKE '%45.2s%'").get() as { n: number };
    expect(fib.n).toBeGreaterThan(0);
    db.close();
  });
});
