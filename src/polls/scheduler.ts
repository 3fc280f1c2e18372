import type { Logger } from '../logger.js';
import type { PollService } from './poll-service.js';
import type { ScheduleService } from './schedule-service.js';

/**
 * The periodic work: close polls whose time is up and post due debate polls. Everything it needs is in
 * SQLite, so a restart simply resumes (a poll that ended while the bot was down is closed on the first tick).
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly polls: PollService,
    private readonly schedules: ScheduleService,
    private readonly logger: Logger,
    private readonly intervalMs = 15_000,
  ) {}

  /** One pass; never throws. Returns what it did, for tests and logs. */
  async tick(): Promise<{ closed: number; posted: number }> {
    try {
      const closed = await this.polls.closeDue();
      const posted = await this.schedules.runDue();
      if (closed || posted) this.logger.info({ closed, posted }, 'scheduler tick');
      return { closed, posted };
    } catch (err) {
      this.logger.error({ err }, 'scheduler tick failed');
      return { closed: 0, posted: 0 };
    }
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick().then(() => undefined);
      this.timer = setTimeout(() => void this.running?.then(loop), this.intervalMs);
      this.timer.unref();
    };
    loop();
  }

  /** Stops ticking and waits for the pass in progress, then for pending poll re-renders. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.polls.renders.drain();
  }
}
