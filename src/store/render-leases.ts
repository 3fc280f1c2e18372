import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import type { SharedDb } from './shared-db.js';

/** True while `pid` runs (EPERM: it runs as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Longer than any one edit can take (Web API timeouts and retries); a crashed holder's lease lapses then. */
const HOLD_MS = 30_000;

/**
 * Who may edit a live message (a poll's bars, a walk's step) right now: one process of all those sharing
 * the database. Edits then never land out of order — a slower replica cannot overwrite a newer render with
 * an older one — and the pace between edits holds across replicas, not only within one.
 */
export class RenderLeases {
  private readonly host: string;
  private readonly pid: string;
  /** This process, as lease owner: unique even for two processes with the same pid on two hosts. */
  readonly owner: string;

  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
    /** Whether a process of this host is running (tests inject one, with `host` and `pid`). */
    private readonly alive: (pid: number) => boolean = processAlive,
    host = hostname(),
    pid = process.pid,
  ) {
    this.host = host;
    this.pid = String(pid);
    this.owner = `${host}:${pid}:${randomBytes(4).toString('hex')}`;
  }

  /**
   * At start: frees the leases still held by processes of this host that are gone (killed mid-edit), so a
   * restarted bot redraws at once instead of waiting up to HOLD_MS. An owner with our own pid is an earlier
   * life of this process id (a container's pid 1 after a restart). Other hosts' leases are left to lapse.
   */
  async reclaimFromDeadProcesses(): Promise<number> {
    // Only leases not yet lapsed: one per message being edited right now, so a handful of rows.
    const held = await this.shared.db
      .selectFrom('render_leases')
      .select(['subject', 'owner'])
      .where('until_ms', '>', this.nowMs())
      .execute();
    let freed = 0;
    for (const { subject, owner } of held) {
      if (owner === this.owner || !owner.startsWith(`${this.host}:`)) continue;
      const pid = owner.slice(this.host.length + 1).split(':')[0] ?? '';
      if (!/^\d+$/.test(pid) || (pid !== this.pid && this.alive(Number(pid)))) continue;
      const r = await this.shared.db
        .updateTable('render_leases')
        .set({ until_ms: 0 })
        .where('subject', '=', subject)
        .where('owner', '=', owner)
        .executeTakeFirst();
      freed += Number(r.numUpdatedRows);
    }
    return freed;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  /** True when this process now holds `subject` (free, lapsed, or already ours). */
  async acquire(subject: string): Promise<boolean> {
    const now = this.nowMs();
    const r = await this.shared.db
      .insertInto('render_leases')
      .values({ subject, owner: this.owner, until_ms: now + HOLD_MS })
      .onConflict((oc) =>
        oc
          .column('subject')
          .doUpdateSet({ owner: this.owner, until_ms: now + HOLD_MS })
          .where((eb) => eb.or([eb('render_leases.until_ms', '<=', now), eb('render_leases.owner', '=', this.owner)])),
      )
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Done editing: others may take it after `paceMs` (0: at once), so edits keep the platform's pace. */
  async release(subject: string, paceMs: number): Promise<void> {
    await this.shared.db
      .updateTable('render_leases')
      .set({ until_ms: this.nowMs() + paceMs })
      .where('subject', '=', subject)
      .where('owner', '=', this.owner)
      .execute();
  }

  /** Forgets leases that lapsed over a day ago (one row per message ever edited otherwise). */
  async prune(): Promise<number> {
    const r = await this.shared.db
      .deleteFrom('render_leases')
      .where('until_ms', '<', this.nowMs() - 86_400_000)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /**
   * Runs `edit` holding the lease, then releases it with `paceMs`. False (and `edit` not run) when another
   * process holds it: the caller asks again later, when that process's edit shows or its lease lapsed.
   */
  async exclusive(subject: string, paceMs: number, edit: () => Promise<void>): Promise<boolean> {
    if (!(await this.acquire(subject))) return false;
    try {
      await edit();
    } finally {
      await this.release(subject, paceMs);
    }
    return true;
  }
}
