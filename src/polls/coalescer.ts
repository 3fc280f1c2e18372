import type { Logger } from '../logger.js';

interface State {
  timer?: NodeJS.Timeout | undefined;
  inFlight?: Promise<void> | undefined;
  dirty: boolean;
}

/**
 * Turns a storm of "please re-render X" into at most one flush per interval per key, and always flushes
 * once more after the last request, so the message ends showing the exact final state.
 */
export class Coalescer {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (key: string) => Promise<void>,
    private readonly logger?: Logger,
  ) {}

  request(key: string): void {
    const st = this.states.get(key) ?? { dirty: false };
    this.states.set(key, st);
    st.dirty = true;
    if (!st.timer && !st.inFlight) st.timer = setTimeout(() => this.run(key), this.intervalMs);
  }

  /** Like request(), but flushes at once unless a flush is in flight (then right after it): for rare, user-driven changes. */
  requestNow(key: string): void {
    this.request(key);
    const st = this.states.get(key)!;
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
    st.inFlight = this.flush(key)
      .catch((err: unknown) => this.logger?.warn({ err, key }, 're-render failed'))
      .finally(() => {
        st.inFlight = undefined;
        // A change arrived during the flush: flush again, so the last edit always shows the latest state.
        if (st.dirty) st.timer = setTimeout(() => this.run(key), this.intervalMs);
        else this.states.delete(key);
      });
  }

  /** Flushes everything pending now and waits for it (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.states.size > 0) {
      for (const [key, st] of [...this.states]) {
        if (st.inFlight) await st.inFlight;
        else if (st.timer) {
          clearTimeout(st.timer);
          this.run(key);
        } else if (!st.dirty) this.states.delete(key);
      }
      await Promise.resolve();
    }
  }

  pending(): number {
    return this.states.size;
  }
}
