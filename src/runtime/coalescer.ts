import type { Logger } from '../logger.js';

interface State {
  timer?: NodeJS.Timeout | undefined;
  inFlight?: Promise<void> | undefined;
  dirty: boolean;
  /** Sequence number of the latest request for this key. */
  requested: number;
  /** Every request up to this number is shown by a flush that has completed. */
  covered: number;
}

/**
 * Turns a storm of "please re-render X" into at most one flush per interval per key, and always flushes
 * once more after the last request, so the message ends showing the exact final state.
 */
export class Coalescer {
  private readonly states = new Map<string, State>();
  private seq = 0;

  constructor(
    readonly intervalMs: number,
    private readonly flush: (key: string) => Promise<void>,
    private readonly logger?: Logger,
  ) {}

  request(key: string): void {
    this.requested(key);
  }

  /** Marks `key` dirty, starts its timer unless one is set or a flush is in flight, and returns its state. */
  private requested(key: string): State {
    const st = this.states.get(key) ?? { dirty: false, requested: 0, covered: 0 };
    this.states.set(key, st);
    st.dirty = true;
    st.requested = ++this.seq;
    if (!st.timer && !st.inFlight) st.timer = setTimeout(() => this.run(key), this.intervalMs);
    return st;
  }

  /** Like request(), but flushes at once unless a flush is in flight (then right after it): for rare, user-driven changes. */
  requestNow(key: string): void {
    const st = this.requested(key);
    if (st.timer && !st.inFlight) {
      clearTimeout(st.timer);
      this.run(key);
    }
  }

  private run(key: string): void {
    const st = this.states.get(key);
    if (!st) return;
    st.timer = undefined;
    st.dirty = false;
    // The flush reads the state after this point, so it shows every request made so far.
    const covers = st.requested;
    st.inFlight = this.flush(key)
      .catch((err: unknown) => this.logger?.warn({ err, key }, 're-render failed'))
      .finally(() => {
        st.inFlight = undefined;
        st.covered = Math.max(st.covered, covers);
        // A change arrived during the flush: flush again, so the last edit always shows the latest state.
        if (st.dirty) st.timer = setTimeout(() => this.run(key), this.intervalMs);
        else this.states.delete(key);
      });
  }

  /**
   * Flushes now everything requested before the call and waits until it is shown (shutdown, tests).
   * Requests made meanwhile keep their timers: while votes still arrive, chasing them would never end.
   */
  async drain(): Promise<void> {
    const upTo = this.seq;
    const owed = () => [...this.states].filter(([, st]) => Math.min(st.requested, upTo) > st.covered);
    for (let left = owed(); left.length > 0; left = owed()) {
      for (const [key, st] of left) {
        if (st.inFlight) await st.inFlight;
        else if (st.timer) {
          clearTimeout(st.timer);
          this.run(key);
        }
      }
      await Promise.resolve();
    }
  }

  pending(): number {
    return this.states.size;
  }
}
