interface Job {
  run: () => Promise<void>;
  queuedAt: number;
  key: string | undefined;
  done: () => void;
}

/**
 * Times here are real elapsed time for setTimeout, not domain time, so they use Date.now, not the Clock.
 *
 * Answers wait here while Slack requests are waiting to be acknowledged: Slack needs the ack within 3 s
 * (we aim for milliseconds), the answer can follow through response_url for 30 minutes. Under sustained
 * load a job runs once it has waited `maxWaitMs`, and the backlog is bounded, so answers are delayed,
 * never starved. Up to `concurrency` jobs run at once, so one hung or failing Web API call never holds
 * back another user's answer; jobs with the same key (one message) still run in order.
 */
export class AnswerQueue {
  private readonly jobs: Job[] = [];
  private readonly busyKeys = new Set<string>();
  private running = 0;
  private unacked = 0;
  private timer: NodeJS.Timeout | undefined;
  private idle: (() => void)[] = [];

  /**
   * @param maxWaitMs under load, a job runs once it has waited this long
   * @param maxBacklog past this many queued jobs, stop deferring to acks (bounds memory in a storm)
   * @param concurrency jobs (each a few Web API calls) running at once
   */
  constructor(
    private readonly maxWaitMs = 50,
    private readonly maxBacklog = 2_000,
    private readonly concurrency = 8,
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

  /** Runs the job when acks allow; resolves when it has run or was discarded (its errors are the job's to handle). */
  push(job: () => Promise<void>, key?: string): Promise<void> {
    return new Promise<void>((resolve) => {
      this.jobs.push({ run: job, queuedAt: Date.now(), key, done: resolve });
      this.pump();
    });
  }

  get size(): number {
    return this.jobs.length + this.running;
  }

  /** Resolves once every queued job has run (shutdown). */
  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Drops every job that has not started (shutdown past its deadline); returns how many. */
  discard(): number {
    const dropped = this.jobs.splice(0);
    for (const j of dropped) j.done();
    this.settle();
    return dropped.length;
  }

  private settle(): void {
    if (this.size === 0) for (const r of this.idle.splice(0)) r();
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const i = this.jobs.findIndex((j) => j.key === undefined || !this.busyKeys.has(j.key));
      if (i < 0) {
        this.settle();
        return;
      }
      // The oldest answer has waited long enough, or too many are waiting: run one even though requests are pending.
      const waited = Date.now() - this.jobs[i]!.queuedAt;
      if (this.unacked > 0 && waited < this.maxWaitMs && this.jobs.length < this.maxBacklog) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, this.maxWaitMs - waited);
        return;
      }
      const [job] = this.jobs.splice(i, 1) as [Job];
      this.running++;
      if (job.key) this.busyKeys.add(job.key);
      void job
        .run()
        .catch(() => {})
        .finally(() => {
          this.running--;
          if (job.key) this.busyKeys.delete(job.key);
          job.done();
          setImmediate(() => this.pump()); // let pending I/O (new requests) run first
        });
    }
  }
}
