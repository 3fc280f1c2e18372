import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/open.js';
import { RenderLeases } from '../../src/store/render-leases.js';
import { sqliteShared } from '../../src/store/shared-db.js';

describe('render leases after a crash', () => {
  const close: (() => void)[] = [];
  afterEach(() => {
    for (const c of close.splice(0)) c();
  });
  const rig = () => {
    const db = openDatabase(':memory:');
    close.push(() => void db.close());
    const shared = sqliteShared(db);
    const clock = new TestClock();
    const running = new Set([100, 200]);
    const on = (host: string, pid: number) => new RenderLeases(shared, clock, (p) => running.has(p), host, pid);
    return { on, running };
  };

  it('GIVEN a process of this host killed holding a lease THEN its successor frees it at start and may edit at once', async () => {
    const { on, running } = rig();
    const dead = on('hostA', 300);
    expect(await dead.acquire('poll:1')).toBe(true);
    running.delete(300);
    const next = on('hostA', 100);
    expect(await next.acquire('poll:1')).toBe(false); // held for HOLD_MS otherwise
    expect(await next.reclaimFromDeadProcesses()).toBe(1);
    expect(await next.acquire('poll:1')).toBe(true);
  });

  it('GIVEN leases of a live process, of another host, or its own THEN they are kept', async () => {
    const { on } = rig();
    expect(await on('hostA', 200).acquire('poll:live')).toBe(true);
    expect(await on('hostB', 300).acquire('poll:elsewhere')).toBe(true); // pid 300 is not ours to judge
    const me = on('hostA', 100);
    expect(await me.acquire('poll:mine')).toBe(true);
    expect(await me.reclaimFromDeadProcesses()).toBe(0);
    expect(await on('hostA', 100).acquire('poll:live')).toBe(false);
  });

  it('GIVEN an earlier life with the same pid (a container restarted as pid 1) THEN its lease is freed', async () => {
    const { on } = rig();
    expect(await on('pod', 1).acquire('walk:w')).toBe(true);
    const restarted = on('pod', 1); // same host and pid, another owner: the old process is gone
    expect(await restarted.reclaimFromDeadProcesses()).toBe(1);
    expect(await restarted.acquire('walk:w')).toBe(true);
  });
});
