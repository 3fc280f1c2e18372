import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { folderIsIndexed } from '../../src/knowledge/freshness.js';
import { indexKnowledge } from '../../src/knowledge/indexer.js';
import { KnowledgeStore } from '../../src/knowledge/knowledge-store.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { copyKnowledge } from '../helpers/core.js';

const FILES = ['alpha.md', 'beta.md', 'notes.txt'];

// `versus ask` answers without indexing only when this says nothing changed, so every way the folder can
// change must make it say "maybe stale".
describe('folderIsIndexed: the one-shot ask skips the indexer only when indexing would change nothing', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const age = (path: string, secondsAgo: number) => {
    const t = Math.floor(Date.now() / 1000) - secondsAgo;
    utimesSync(path, t, t);
  };
  /** An indexed copy of the fixture folder whose files are old enough to be trusted by their stat. */
  const indexed = () => {
    const kb = copyKnowledge();
    const db = openDatabase(':memory:');
    cleanups.push(kb.cleanup, () => db.close());
    for (const f of FILES) age(join(kb.dir, f), 60);
    const taxonomy = loadTaxonomy(join(kb.dir, 'taxonomy.yaml'));
    indexKnowledge(db, kb.dir, { taxonomy });
    return { dir: kb.dir, db, taxonomy, fresh: () => folderIsIndexed(db, kb.dir, taxonomy) };
  };

  it('is true right after indexing a folder of old files', () => {
    expect(indexed().fresh()).toBe(true);
  });

  it('is false once a document is edited, and true again after the indexer has run', () => {
    const { dir, db, taxonomy, fresh } = indexed();
    writeFileSync(join(dir, 'alpha.md'), '# Alpha\n\n- Go is fast. {side=go}\n');
    age(join(dir, 'alpha.md'), 30);
    expect(fresh()).toBe(false);
    indexKnowledge(db, dir, { taxonomy });
    expect(fresh()).toBe(true);
  });

  it('is false when a document is added or removed', () => {
    const added = indexed();
    writeFileSync(join(added.dir, 'gamma.md'), '# Gamma\n\n- Python is readable. {side=python}\n');
    age(join(added.dir, 'gamma.md'), 30);
    expect(added.fresh()).toBe(false);
    const removed = indexed();
    rmSync(join(removed.dir, 'beta.md'));
    expect(removed.fresh()).toBe(false);
  });

  it('is false for a file written in the last moments, whose mtime the index does not trust', () => {
    const { dir, db, taxonomy, fresh } = indexed();
    writeFileSync(join(dir, 'notes.txt'), 'Go compiles to one binary.\n');
    indexKnowledge(db, dir, { taxonomy });
    expect(fresh()).toBe(false);
  });

  it('is false when the index was built by another indexer version or taxonomy', () => {
    const { db, fresh } = indexed();
    new KnowledgeStore(db).setMeta('index_generation', 'built-by-an-older-indexer');
    expect(fresh()).toBe(false);
  });

  it('is false when the index holds team documents, which only the full start-up syncs', () => {
    const { db, fresh } = indexed();
    const store = new KnowledgeStore(db);
    const doc = store.documents()[0]!;
    db.prepare('UPDATE documents SET scope = ? WHERE id = ?').run('slack:T1', doc.id);
    expect(fresh()).toBe(false);
  });
});
