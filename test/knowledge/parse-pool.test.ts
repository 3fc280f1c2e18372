import { appendFileSync, copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexFingerprint } from '../../scripts/index-fingerprint.js';
import { openDatabase } from '../../src/db/open.js';
import { type IndexPhases, indexKnowledge } from '../../src/knowledge/indexer.js';
import { POOL_MIN_FILES } from '../../src/knowledge/parse-pool.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { copyKnowledge } from '../helpers/core.js';

const noPhases = (): IndexPhases => ({ setup: 0, list: 0, stat: 0, read: 0, parse: 0, extract: 0, wait: 0, write: 0 });

describe('parsing a large folder on worker threads', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('indexes exactly what parsing on the writer thread indexes, on the first run and after many files change', () => {
    const kb = copyKnowledge();
    cleanups.push(kb.cleanup);
    const taxonomy = loadTaxonomy(join(kb.dir, 'taxonomy.yaml'));
    // Enough small documents to start the pool: the fixture's articles again and again under new ids.
    for (let i = 0; i < POOL_MIN_FILES / 2; i++)
      for (const name of ['alpha', 'beta']) {
        const text = readFileSync(join(kb.dir, `${name}.md`), 'utf8').replace(`id: ${name}\n`, `id: ${name}-${i}\n`);
        writeFileSync(join(kb.dir, `${name}-${i}.md`), text);
      }
    const docs = readdirSync(kb.dir).filter((f) => /\.(md|txt)$/.test(f));
    // What the writer must settle in file order whoever parsed it: an unreadable file, a second document
    // with a taken id, an id kept for team documents.
    writeFileSync(join(kb.dir, 'binary.md'), Buffer.from([0, 1, 2, 0, 3]));
    copyFileSync(join(kb.dir, 'alpha.md'), join(kb.dir, 'zz-copy.md'));
    writeFileSync(join(kb.dir, 'team.md'), '---\nid: team-x1\ntitle: Team\n---\n\n- Go compiles fast.\n');
    const pooled = openDatabase(':memory:');
    const inline = openDatabase(':memory:');
    cleanups.push(
      () => pooled.close(),
      () => inline.close(),
    );
    const both = () => {
      const phases = noPhases();
      const a = indexKnowledge(pooled, kb.dir, { taxonomy, workers: 2, phases, poolMinBytes: 0 });
      const b = indexKnowledge(inline, kb.dir, { taxonomy, workers: 0 });
      expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });
      expect(indexFingerprint(pooled)).toEqual(indexFingerprint(inline));
      // The writer waited for the workers at least once (their start), so they did the parsing.
      expect(phases.wait).toBeGreaterThan(0);
      return a;
    };
    const first = both();
    expect(first.added).toHaveLength(docs.length);
    expect(first.broken).toEqual(['binary.md']);
    expect(first.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['zz-copy.md', 'team.md']));
    for (const f of docs.slice(0, POOL_MIN_FILES)) appendFileSync(join(kb.dir, f), '\n- Go gained 5 ms of startup.\n');
    const second = both();
    expect(second.updated).toHaveLength(POOL_MIN_FILES);
    expect(second.added).toEqual([]);
  });

  it('parses on the writer thread when the files to read are many but small (a worker would cost more)', () => {
    const kb = copyKnowledge();
    cleanups.push(kb.cleanup);
    const taxonomy = loadTaxonomy(join(kb.dir, 'taxonomy.yaml'));
    for (let i = 0; i < POOL_MIN_FILES; i++)
      writeFileSync(
        join(kb.dir, `small-${i}.md`),
        `---\nid: small-${i}\ntitle: Small ${i}\n---\n\n- Go compiles fast.\n`,
      );
    const db = openDatabase(':memory:');
    cleanups.push(() => db.close());
    const phases = noPhases();
    const report = indexKnowledge(db, kb.dir, { taxonomy, workers: 2, phases });
    expect(report.added.length).toBeGreaterThan(POOL_MIN_FILES);
    expect(phases.wait).toBe(0);
  });
});
