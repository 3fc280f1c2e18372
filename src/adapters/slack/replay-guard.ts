/**
 * Remembers request signatures for Slack's 5-minute timestamp window. A signature seen before is a
 * replay (a signed request captured and sent again): the caller invalidates it so Bolt answers 401.
 * Per process; across processes, event and trigger ids are also deduplicated in SQLite.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs = 6 * 60_000,
    private readonly max = 200_000,
  ) {}

  /** True the first time a signature is seen within the window. */
  first(signature: string, now = Date.now()): boolean {
    if (this.seen.size >= this.max) this.prune(now);
    const at = this.seen.get(signature);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.seen.set(signature, now);
    return true;
  }

  private prune(now: number): void {
    for (const [sig, at] of this.seen) if (now - at >= this.windowMs) this.seen.delete(sig);
    // Still full of fresh entries: drop the oldest half rather than grow without bound.
    if (this.seen.size >= this.max) for (const k of [...this.seen.keys()].slice(0, this.max / 2)) this.seen.delete(k);
  }
}
