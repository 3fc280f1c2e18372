import { describe, expect, it } from 'vitest';
import { DecisionRecords, type RecordRevision } from '../../src/adr/adr-store.js';
import { MatrixWeights } from '../../src/matrix/weights-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 25: channel weights and decision-record revisions, the same contract on SQLite and PostgreSQL. */

const C1 = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C1' };
const at = (minutes: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + minutes * 60_000).toISOString();

const revision = (n: number, over: Partial<RecordRevision> = {}): RecordRevision => ({
  ...C1,
  recordId: 'd1',
  revision: n,
  state: JSON.stringify({ n }),
  markdown: `# r${n}\n`,
  createdBy: 'U1',
  createdAt: at(n),
  ...over,
});

describe.each(BACKENDS)('MatrixWeights and DecisionRecords on $name', (backend) => {
  const store = useStore(backend);

  it('stores a channel’s weight changes, never a default, and reads them back in that channel only', async () => {
    const w = new MatrixWeights(store().shared);
    await w.set(C1, 'hiring', 200, 'Uadm', at(0));
    await w.set(C1, 'ml-data', 0, 'Uadm', at(1));
    await w.set(C1, 'hiring', 150, 'Ubob', at(2)); // replaces
    await w.set(C1, 'cloud-native', 100, 'Uadm', at(3)); // the sources' weight: nothing stored
    expect(await w.get(C1)).toEqual([
      { factorId: 'hiring', percent: 150, updatedBy: 'Ubob', updatedAt: at(2) },
      { factorId: 'ml-data', percent: 0, updatedBy: 'Uadm', updatedAt: at(1) },
    ]);
    for (const other of [
      { ...C1, channelId: 'C2' },
      { ...C1, workspaceId: 'T2' },
      { ...C1, platform: 'discord' as const },
    ])
      expect(await w.get(other)).toEqual([]);
    await w.set(C1, 'hiring', 100, 'Uadm', at(4)); // back to the sources' weight removes the change
    expect((await w.get(C1)).map((c) => c.factorId)).toEqual(['ml-data']);
    await w.set({ ...C1, channelId: 'C2' }, 'hiring', 300, 'Uadm', at(5));
    await w.reset(C1);
    expect(await w.get(C1)).toEqual([]);
    expect(await w.get({ ...C1, channelId: 'C2' })).toHaveLength(1);
  });

  it('refuses a weight outside 0–300 percent in the database itself', async () => {
    await expect(new MatrixWeights(store().shared).set(C1, 'hiring', 301, 'Uadm', at(0))).rejects.toThrow();
  });

  it('keeps revisions newest first; of exports racing for one revision number, exactly one wins', async () => {
    const handles = (await store().replicas(3)).map((h) => new DecisionRecords(h));
    expect(await handles[0]!.add(revision(1))).toBe(true);
    const raced = await Promise.all(handles.map((h, i) => h.add(revision(2, { createdBy: `U${i}` }))));
    expect(raced.filter(Boolean)).toHaveLength(1);
    const all = await handles[1]!.revisions('d1');
    expect(all.map((r) => r.revision)).toEqual([2, 1]);
    expect(all[1]).toEqual(revision(1));
    expect(await handles[0]!.revisions('other')).toEqual([]);
  });
});
