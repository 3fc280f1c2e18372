import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock.js';
import { inserted } from './results.js';
import type { SharedDb } from './shared-db.js';

/** Longer than any one edit can take (Web API timeouts and retries); a crashed holder's lease lapses then. */
const HOLD_MS = 30_000;

/**
 * Who may edit a live message (a poll's bars, a walk's step) right now: one process of all those sharing
 * the database. Edits then never land out of order — a slower replica cannot overwrite a newer render with
 * an older one — and the pace between edits holds across replicas, not only within one.
 */
export class RenderLeases {
  /** This process, as lease owner: unique even for two processes with the same pid on two hosts. */
  readonly owner = `${hostname()}:${process.pid}:${PROCESS_STARTED}:${randomBytes(4).toString('hex')}`;

  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  /** True when this process now holds `subject` (free, lapsed, already ours, or its holder died on this host). */
  async acquire(subject: string): Promise<boolean> {
    return (await this.claim(subject)) || (await this.takeOverFromDead(subject));
  }

  private async claim(subject: string): Promise<boolean> {
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
    return inserted(r);
  }

  /**
   * A holder that died on this host (kill -9, a container restarted in place) would keep its lease for
   * HOLD_MS; the restarted process redraws at once instead. Holders on other hosts are waited out.
   */
  private async takeOverFromDead(subject: string): Promise<boolean> {
    const row = await this.shared.db
      .selectFrom('render_leases')
      .select('owner')
      .where('subject', '=', subject)
      .executeTakeFirst();
    if (!row || !diedOnThisHost(row.owner)) return false;
    const r = await this.shared.db
      .updateTable('render_leases')
      .set({ owner: this.owner, until_ms: this.nowMs() + HOLD_MS })
      .where('subject', '=', subject)
      .where('owner', '=', row.owner)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
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

/** When this process started (ms): with the pid, tells this process from an earlier one that had the same pid. */
const PROCESS_STARTED = Math.round(performance.timeOrigin);

/**
 * An owner id (host:pid:started:nonce) of a process on this host that is gone: its pid is ours but it
 * started at another time (an earlier life, e.g. pid 1 in a restarted container), or its pid is unused.
 */
function diedOnThisHost(owner: string): boolean {
  const [host, pidText, started] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return started !== String(PROCESS_STARTED);
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
