/**
 * Times here are real elapsed time for setTimeout, not domain time, so they use Date.now, not the Clock.
 *
 * Answers wait here while Slack requests are waiting to be acknowledged: Slack needs the ack within 3 s
 * (we aim for milliseconds), the answer can follow through response_url for 30 minutes. Under sustained
 * load a job runs once it has waited `maxWaitMs`, and the backlog is bounded, so answers are delayed,
 * never starved, and a storm cannot grow the queue without limit.
 */
export class AnswerQueue {
  private readonly jobs: { run: () => Promise<void>; queuedAt: number }[] = [];
  private running = false;
  private unacked = 0;
  private timer: NodeJS.Timeout | undefined;
  private idle: (() => void)[] = [];

  /**
   * @param maxWaitMs under load, a job runs once it has waited this long
   * @param maxBacklog past this many queued jobs, stop deferring to acks (bounds memory in a storm)
   */
  constructor(
    private readonly maxWaitMs = 50,
    private readonly maxBacklog = 2_000,
  ) {}

  /** A request arrived that has not been acknowledged yet. */
  requestStarted(): void {
    this.unacked++;
  }

  /** Its response went out. */
  requestFinished(): void {
    this.unacked = Math.max(0, this.unacked - 1);
    if (this.unacked === 0) this.pump();
  }

  /** Runs the job when acks allow; resolves when it has run (its errors are the job's to handle). */
  push(job: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.jobs.push({ run: () => job().finally(resolve), queuedAt: Date.now() });
      this.pump();
    });
  }

  get size(): number {
    return this.jobs.length + (this.running ? 1 : 0);
  }

  /** Resolves once every queued job has run (shutdown). */
  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    if (this.running || this.jobs.length === 0) {
      if (!this.running && this.jobs.length === 0) for (const resolve of this.idle.splice(0)) resolve();
      return;
    }
    // The oldest answer has waited long enough, or too many are waiting: run one even though requests are pending.
    const waited = Date.now() - this.jobs[0]!.queuedAt;
    if (this.unacked > 0 && waited < this.maxWaitMs && this.jobs.length < this.maxBacklog) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, this.maxWaitMs - waited);
      return;
    }
    const job = this.jobs.shift()!;
    this.running = true;
    void job.run().finally(() => {
      this.running = false;
      setImmediate(() => this.pump()); // let pending I/O (new requests) run first
    });
  }
}
