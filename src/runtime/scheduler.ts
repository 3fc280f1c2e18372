import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Coalescer } from './coalescer.js';

export interface PeriodicTask {
  name: string;
  /** Does what is due now; returns how many things it did (for logs and tests). */
  run(): Promise<number>;
}

/**
 * The periodic work: each feature contributes its tasks (close due polls, post due debate polls, expire idle walks). All of it
 * reads SQLite, so a restart simply resumes (a poll that ended while the bot was down closes on the first tick).
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly tasks: PeriodicTask[],
    private readonly renders: Coalescer[],
    private readonly logger: Logger,
    private readonly intervalMs = 15_000,
    private readonly metrics?: Metrics,
  ) {}

  /** One pass over every task; never throws. */
  async tick(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    for (const task of this.tasks) {
      try {
        done[task.name] = await task.run();
        this.metrics?.schedulerRun(task.name, 'ok');
      } catch (err) {
        done[task.name] = 0;
        this.metrics?.schedulerRun(task.name, 'failed');
        this.logger.error({ err, task: task.name }, 'scheduled task failed');
      }
    }
    if (Object.values(done).some((n) => n > 0)) this.logger.info(done, 'scheduler tick');
    return done;
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick();
      this.timer = setTimeout(() => void this.running?.then(loop), this.intervalMs);
      this.timer.unref();
    };
    loop();
  }

  /** Stops ticking, waits for the pass in progress, then flushes pending message re-renders. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    for (const r of this.renders) await r.drain();
  }
}
