import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/open.js';
import { RenderLeases } from '../../src/store/render-leases.js';
import { sqliteShared } from '../../src/store/shared-db.js';

describe('render leases held by a process that is gone', () => {
  const db = openDatabase(':memory:');
  const shared = sqliteShared(db);
  const leases = new RenderLeases(shared, new TestClock());
  afterEach(() => void db.exec('DELETE FROM render_leases'));

  const heldBy = (owner: string) =>
    db
      .prepare('INSERT INTO render_leases (subject, owner, until_ms) VALUES (?, ?, ?)')
      .run('poll:p1', owner, Date.parse('2100-01-01'));

  it('takes over at once from a dead process on this host (kill -9, then a restart)', async () => {
    // No pid is that large on Linux (pid_max ≤ 2^22): the process is certainly gone.
    heldBy(`${hostname()}:99999999:1000:dead`);
    expect(await leases.acquire('poll:p1')).toBe(true);
  });

  it('takes over from an earlier life of its own pid (a container restarted in place runs as pid 1 again)', async () => {
    heldBy(`${hostname()}:${process.pid}:1000:earlier`);
    expect(await leases.acquire('poll:p1')).toBe(true);
  });

  it('waits out a live process on this host (another core in this very process too), and any process on another host', async () => {
    heldBy(new RenderLeases(shared, new TestClock()).owner);
    expect(await leases.acquire('poll:p1')).toBe(false);
    db.exec('DELETE FROM render_leases');
    heldBy(`${hostname()}:${process.ppid}:1000:alive`);
    expect(await leases.acquire('poll:p1')).toBe(false);
    db.exec('DELETE FROM render_leases');
    heldBy('another-host:1:1000:x');
    expect(await leases.acquire('poll:p1')).toBe(false);
  });
});
