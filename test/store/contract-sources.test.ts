import { describe, expect, it } from 'vitest';
import { type NewSource, SourceStore } from '../../src/sources/source-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 24: team-added documents in the shared store, the same test on SQLite and PostgreSQL. */

const SLACK = { platform: 'slack' as const, workspaceId: 'T1' };
const DISCORD = { platform: 'discord' as const, workspaceId: 'G1' };

const doc = (over: Partial<NewSource> = {}): NewSource => ({
  ...SLACK,
  addedBy: 'U1',
  addedByName: 'ana',
  addedAt: '2026-03-01T10:00:00.000Z',
  origin: 'https://eng.example/workers',
  format: 'markdown',
  title: 'Workers',
  author: 'Rita',
  published: '2026-02-14',
  url: 'https://eng.example/workers',
  content: '## A\n\nGo drained 6,100 jobs.',
  sha256: 'h1',
  ...over,
});

describe.each(BACKENDS)('SourceStore on $name', (backend) => {
  const store = useStore(backend);

  it('stores a document and reads it back whole, by id and in its workspace only', async () => {
    const s = new SourceStore(store().shared);
    const { id, replaced } = await s.put(doc());
    expect(id).toMatch(/^d[a-z0-9x]{6}$/);
    expect(replaced).toBe(false);
    expect(await s.get(SLACK, id)).toEqual({ id, ...doc() });
    expect(await s.get(DISCORD, id)).toBeUndefined();
    expect(await s.byIds([id, 'dnope00'])).toEqual([{ id, ...doc() }]);
    expect(await s.heads()).toEqual([{ id, sha256: 'h1' }]);
  });

  it('GIVEN the same link added again in one workspace THEN replaces it under the same id; elsewhere it is a new one', async () => {
    const s = new SourceStore(store().shared);
    const first = await s.put(doc());
    const again = await s.put(doc({ sha256: 'h2', title: 'Workers, revised', addedBy: 'U2', addedByName: undefined }));
    expect(again).toEqual({ id: first.id, replaced: true });
    expect(await s.get(SLACK, first.id)).toMatchObject({ title: 'Workers, revised', sha256: 'h2', addedBy: 'U2' });
    expect((await s.get(SLACK, first.id))?.addedByName).toBeUndefined();
    const other = await s.put(doc({ ...DISCORD }));
    expect(other.id).not.toBe(first.id);
    expect(await s.count(SLACK)).toBe(1);
    expect(await s.count(DISCORD)).toBe(1);
  });

  it('of 6 adds of one link racing on 3 handles, all land on one row', async () => {
    const handles = (await store().replicas(3)).map((h) => new SourceStore(h));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => handles[i % 3]!.put(doc({ sha256: `h${i}` }))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await handles[0]!.count(SLACK)).toBe(1);
  });

  it('lists a workspace’s documents newest first, without their text', async () => {
    const s = new SourceStore(store().shared);
    const a = await s.put(doc({ origin: 'a', addedAt: '2026-03-01T10:00:00.000Z' }));
    const b = await s.put(doc({ origin: 'b', addedAt: '2026-03-02T10:00:00.000Z', author: undefined }));
    await s.put(doc({ ...DISCORD, origin: 'c' }));
    const listed = await s.list(SLACK);
    expect(listed.map((d) => d.id)).toEqual([b.id, a.id]);
    expect(listed[0]).not.toHaveProperty('content');
    expect(listed[0]?.author).toBeUndefined();
  });

  it('removes only from the workspace that added it', async () => {
    const s = new SourceStore(store().shared);
    const { id } = await s.put(doc());
    expect(await s.remove(DISCORD, id)).toBe(false);
    expect(await s.remove({ platform: 'slack', workspaceId: 'T2' }, id)).toBe(false);
    expect(await s.remove(SLACK, id)).toBe(true);
    expect(await s.remove(SLACK, id)).toBe(false);
    expect(await s.heads()).toEqual([]);
  });
});
