import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

// The bench's start-up phases run plain Node on dist/, outside the type checker: a module that moves
// would only show when `npm run bench` stops half-way (it did, once).
describe('bench scripts', () => {
  it('startup-phases.mjs imports only compiled modules whose source exists', () => {
    const script = readFileSync(join(ROOT, 'bench/startup-phases.mjs'), 'utf8');
    const modules = [...script.matchAll(/dist\('([^']+)\.js'\)/g)].map((m) => m[1]!);
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.filter((m) => !existsSync(join(ROOT, 'src', `${m}.ts`)))).toEqual([]);
  });
});
