import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript run before any build, without type declarations
import { buildState } from '../bin/build-state.js';

const state = buildState as (root: string) => 'missing' | 'stale' | 'fresh';

describe('npm start and npx versus run dist/ only when it is a build of the current src/', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });
  const project = () => {
    const root = mkdtempSync(join(tmpdir(), 'versus-build-'));
    roots.push(root);
    mkdirSync(join(root, 'src/knowledge'), { recursive: true });
    writeFileSync(join(root, 'src/main.ts'), '');
    writeFileSync(join(root, 'src/knowledge/indexer.ts'), '');
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    return root;
  };
  const at = (path: string, secondsAgo: number) => {
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(path, t, t);
  };
  const build = (root: string, secondsAgo: number) => {
    mkdirSync(join(root, 'dist'), { recursive: true });
    for (const f of ['main.js', 'cli.js']) {
      writeFileSync(join(root, 'dist', f), '');
      at(join(root, 'dist', f), secondsAgo);
    }
  };

  it('is missing without both entry points', () => {
    const root = project();
    expect(state(root)).toBe('missing');
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist/main.js'), '');
    expect(state(root)).toBe('missing');
  });

  it('is fresh when built after the newest source, stale once a nested source or the tsconfig changes', () => {
    const root = project();
    for (const f of ['src/main.ts', 'src/knowledge/indexer.ts', 'tsconfig.json']) at(join(root, f), 60);
    build(root, 30);
    expect(state(root)).toBe('fresh');
    at(join(root, 'src/knowledge/indexer.ts'), 10);
    expect(state(root)).toBe('stale');
    build(root, 5);
    at(join(root, 'tsconfig.json'), 1);
    expect(state(root)).toBe('stale');
  });

  it('is fresh in the image, where there are no sources', () => {
    const root = project();
    rmSync(join(root, 'src'), { recursive: true });
    rmSync(join(root, 'tsconfig.json'));
    build(root, 30);
    expect(state(root)).toBe('fresh');
  });
});
