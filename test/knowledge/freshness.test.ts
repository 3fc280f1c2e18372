import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { indexKnowledge } from '../../src/knowledge/indexer.js';
import { copyKnowledge } from '../helpers/core.js';

/** Same length, different words: only a content read can tell the two apart. */
const swapWord = (path: string) =>
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(/goroutine/i, (w) => w.replace(/o/i, 'u')),
  );
const stats = (db: ReturnType<typeof openDatabase>) =>
  db.prepare('SELECT path, size, mtime_ms AS mtimeMs FROM documents ORDER BY path').all() as {
    path: string;
    size: number;
    mtimeMs: number | null;
  }[];

describe('index freshness by stat (size and mtime first, hash only what changed)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  const setup = () => {
    const kb = copyKnowledge();
    const db = openDatabase(':memory:');
    cleanups.push(kb.cleanup, () => db.close());
    return { dir: kb.dir, db, file: join(kb.dir, 'alpha.md') };
  };
  const age = (path: string, secondsAgo: number) => {
    const t = Math.floor(Date.now() / 1000) - secondsAgo; // whole seconds: restored exactly below
    utimesSync(path, t, t);
  };

  it('trusts an old file whose size and mtime did not change, without reading it', () => {
    const { dir, db, file } = setup();
    age(file, 60);
    indexKnowledge(db, dir);
    const { mtimeMs } = stats(db).find((s) => s.path === 'alpha.md')!;
    expect(mtimeMs).not.toBeNull();
    swapWord(file); // same size; then put the old mtime back: the stat says unchanged
    utimesSync(file, mtimeMs! / 1000, mtimeMs! / 1000);
    expect(indexKnowledge(db, dir)).toMatchObject({ updated: [], unchanged: 3 });
  });

  it('reads a file whose mtime changed, and re-indexes it only when its content changed', () => {
    const { dir, db, file } = setup();
    age(file, 60);
    indexKnowledge(db, dir);
    const first = stats(db).find((s) => s.path === 'alpha.md')!.mtimeMs;
    age(file, 30); // touched, same content: unchanged, and the new mtime is remembered
    expect(indexKnowledge(db, dir)).toMatchObject({ updated: [], unchanged: 3 });
    const touched = stats(db).find((s) => s.path === 'alpha.md')!.mtimeMs;
    expect(touched).not.toBeNull();
    expect(touched! - first!).toBeGreaterThan(29_000);
    swapWord(file);
    age(file, 10);
    expect(indexKnowledge(db, dir)).toMatchObject({ updated: ['alpha.md'], unchanged: 2 });
  });

  it('does not trust the mtime of a file written moments ago (a second write may share its tick)', () => {
    const { dir, db, file } = setup();
    indexKnowledge(db, dir); // the copy was just written: no mtime is kept
    expect(stats(db).every((s) => s.mtimeMs === null)).toBe(true);
    const before = readFileSync(file, 'utf8');
    swapWord(file);
    expect(readFileSync(file, 'utf8').length).toBe(before.length);
    expect(indexKnowledge(db, dir)).toMatchObject({ updated: ['alpha.md'] });
  });
});
