import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, fileGraph, folderGraph } from '../scripts/import-cycles.js';

const src = fileURLToPath(new URL('../src', import.meta.url));

describe('imports in src/', () => {
  const files = fileGraph(src);

  it('have no cycle between files', () => {
    expect(cycles(files)).toEqual([]);
  });

  it('have no cycle between folders (chat/ never imports a feature folder)', () => {
    expect(cycles(folderGraph(files))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a/x.ts', new Set(['b/y.ts'])],
      ['b/y.ts', new Set(['a/z.ts'])],
      ['a/z.ts', new Set<string>()],
    ]);
    expect(cycles(graph)).toEqual([]);
    expect(cycles(folderGraph(graph))).toEqual([['a', 'b']]);
  });
});
