import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';

describe('the parsed taxonomy is cached between processes, keyed by its content', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'versus-tax-'));
    dirs.push(dir);
    copyFileSync(join(FIXTURE_KNOWLEDGE, 'taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
    return join(dir, 'taxonomy.yaml');
  };

  it('parses once, then reads the cache until the file changes', () => {
    const path = copy();
    const cache = new Map<string, string>();
    const c = { get: (k: string) => cache.get(k), set: (k: string, v: string) => void cache.set(k, v) };
    const first = loadTaxonomy(path, c);
    expect(cache.size).toBe(1);
    // Tamper with the cached form: a second load that shows the tampering read the cache, not the YAML.
    const [key, value] = [...cache][0]!;
    cache.set(key, value.replace(first.topics[0]!.label, 'Cached label'));
    expect(loadTaxonomy(path, c).topics[0]!.label).toBe('Cached label');
    appendFileSync(path, '\n# edited\n');
    expect(loadTaxonomy(path, c).topics[0]!.label).toBe(first.topics[0]!.label);
  });

  it('keeps it in the database meta table through createCore', async () => {
    const core = await createCore({ dbPath: ':memory:', knowledgeDir: FIXTURE_KNOWLEDGE, walks: false });
    try {
      const row = core.db.prepare("SELECT value FROM meta WHERE key LIKE 'parsed:%taxonomy.yaml'").get() as
        | { value: string }
        | undefined;
      expect(row?.value).toMatch(/^[0-9a-f]{40}\n\{/);
    } finally {
      await core.close();
    }
  });
});
