import { Fifo } from '../../runtime/fifo.js';
import { CALLS_AT_ONCE } from './client-options.js';

/**
 * Jobs started in one turn of the event loop once they are overdue. A 20,000-click storm (bench/storm.ts,
 * paired runs at load average 4-8): confirmation p99 after a voter's last click 45-51 s with 1, 9-15 s with 16.
 */
const START_PER_TURN = 16;

/**
 * Private replies to clicks (a vote's confirmation) sending at once: the Web API client's own concurrency
 * (client-options.ts), so none waits in that client's queue, where a voter's newer confirmation could no
 * longer replace it; the rest wait here, one per voter and poll.
 */
const MAX_RUNNING_REPLIES = CALLS_AT_ONCE;

/**
 * While requests await their acks, a click's private reply waits this long before it is sent, so that the
 * voter's clicks meanwhile replace it: in a storm, one confirmation per voter and second at most, since
 * each one sent costs CPU the clicks need. With nothing to acknowledge it goes at once. A 20,000-click
 * storm (bench/storm.ts) sent 19,500 confirmations without the wait (p99 0.2-1.0 s after the voter's last
 * click) and 15,900 with it (p99 1.0 s).
 */
const REPLY_WAIT_MS = 1_000;

interface Job {
  run: () => Promise<void>;
  queuedAt: number;
  key: string | undefined;
  done: () => void;
  latest?: string | undefined;
}

/**
 * Times here are real elapsed time for setTimeout, not domain time, so they use Date.now, not the Clock.
 *
 * Answers wait here while Slack requests are waiting to be acknowledged: Slack needs the ack within 3 s
 * (we aim for milliseconds), the answer can follow through response_url for 30 minutes. A job *starts*
 * once no request awaits its ack, or once it has waited `maxWaitMs`, or when the backlog is long — so
 * under sustained load answers are delayed, never starved — and at most `perTurn` start per turn of the
 * event loop, so requests that arrive in between are acknowledged first.
 *
 * A started job's Slack calls — an admin check while the answer is computed, the response_url post or
 * chat.postMessage that delivers it — may hang for as long as their timeouts allow and delay only that
 * job's own reply. A started answer mostly waits for the answer pool (answers/answer-pool.ts), which
 * declines what it would finish more than 2.5 s after the request: up to `maxRunning` (1,024) jobs run at
 * once, enough for that pool's whole queue at several hundred answers a second, so answers wait there,
 * where waiting is measured, not here. The bound is there for storms: the backlog then waits here, where
 * shutdown drops it at once, not inside the HTTP client, where every queued call would still have to fail.
 * Jobs with the same key (edits of one message) run one after another, in click order: one per key is in
 * the queue or running, the rest wait behind it in that key's own line, so taking the next job is O(1).
 * Replaceable jobs (a click's private reply) have a line of their own, bounded by `maxReplies` sending.
 */
export class AnswerQueue {
  private readonly jobs = new Fifo<Job>();
  /** Replaceable jobs (private replies to clicks) have their own line, so they wait where they can be replaced. */
  private readonly replies = new Fifo<Job>();
  /** Per key, the jobs behind the one that is queued or running (present while a job of that key is). */
  private readonly held = new Map<string, Fifo<Job>>();
  private readonly runningKeys = new Set<string>();
  /** Queued jobs that a newer one with the same label replaces (a voter's confirmation on one poll). */
  private readonly replaceable = new Map<string, Job>();
  private running = 0;
  private runningReplies = 0;
  private unacked = 0;
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = 0;
  /** A start is already scheduled for the next turn of the event loop. */
  private next = false;
  private idle: (() => void)[] = [];

  /**
   * @param maxWaitMs under load, a job starts once it has waited this long
   * @param maxBacklog past this many queued jobs, stop deferring to acks (bounds memory in a storm)
   * @param maxRunning jobs started and not yet finished, at most
   * @param perTurn jobs started in one turn of the event loop, at most
   * @param maxReplies replaceable jobs started and not yet finished, at most (besides `maxRunning`)
   * @param replyWaitMs under load, a replaceable job starts once it has waited this long
   */
  constructor(
    private readonly maxWaitMs = 50,
    private readonly maxBacklog = 2_000,
    private readonly maxRunning = 1_024,
    private readonly perTurn = START_PER_TURN,
    private readonly maxReplies = MAX_RUNNING_REPLIES,
    private readonly replyWaitMs = REPLY_WAIT_MS,
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

  /**
   * Runs the job when acks allow; resolves when it has run or was discarded (its errors are the job's to handle).
   * A job with a `latest` label (and no key) replaces a queued, not yet started job with the same label in
   * its place in line: a storm keeps one confirmation per voter and poll, the newest, sent as soon as the
   * first would have been.
   */
  push(job: () => Promise<void>, key?: string, latest?: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const queued = latest === undefined || key !== undefined ? undefined : this.replaceable.get(latest);
      if (queued) {
        const earlier = queued.done;
        queued.run = job;
        queued.done = () => {
          earlier();
          resolve();
        };
        return;
      }
      const j: Job = {
        run: job,
        queuedAt: Date.now(),
        key,
        done: resolve,
        latest: key === undefined ? latest : undefined,
      };
      if (j.latest !== undefined) {
        this.replaceable.set(j.latest, j);
        this.replies.push(j);
        return this.pump();
      }
      const line = key === undefined ? undefined : this.held.get(key);
      if (line) line.push(j);
      else {
        if (key !== undefined) this.held.set(key, new Fifo());
        this.jobs.push(j);
      }
      this.pump();
    });
  }

  get size(): number {
    let held = 0;
    for (const line of this.held.values()) held += line.length;
    return this.jobs.length + this.replies.length + held + this.running;
  }

  /** Resolves once every queued job has run (shutdown). */
  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Drops every job that has not started (shutdown past its deadline); returns how many. */
  discard(): number {
    this.replaceable.clear();
    const dropped = [
      ...this.jobs.drain(),
      ...this.replies.drain(),
      ...[...this.held.values()].flatMap((line) => line.drain()),
    ];
    for (const j of dropped) {
      if (j.key !== undefined && !this.runningKeys.has(j.key)) this.held.delete(j.key);
      j.done();
    }
    this.settle();
    return dropped.length;
  }

  /** The key's job finished: the next in its line joins the queue (at its end, like a new job). */
  private release(key: string): void {
    this.runningKeys.delete(key);
    const next = this.held.get(key)?.shift();
    if (next) this.jobs.push(next);
    else this.held.delete(key);
  }

  private settle(): void {
    if (this.size === 0) for (const r of this.idle.splice(0)) r();
  }

  /**
   * Starts the jobs that may start now, oldest first in each line, and schedules the next round for the next
   * turn. With no ack pending, or once a line's oldest has waited its line's wait (`maxWaitMs`, replies
   * `replyWaitMs`), up to `perTurn` answers and `maxReplies` replies start in one turn: one per turn capped
   * confirmations at the event loop's turn rate, so in a vote storm they went out only after the clicking stopped.
   */
  private pump(): void {
    if (this.next) return;
    const answers = () => this.running - this.runningReplies < this.maxRunning;
    let started = this.startFrom(this.jobs, this.maxWaitMs, this.perTurn, answers);
    // Replies are bounded by how many may run, not per turn: a turn under a storm reads and commits dozens
    // of clicks, and 16 confirmations a turn fell behind them (confirmation p99 3.2 s).
    started += this.startFrom(
      this.replies,
      this.replyWaitMs,
      this.maxReplies,
      () => this.runningReplies < this.maxReplies,
    );
    if (started === 0) {
      if (this.jobs.length + this.replies.length === 0) this.settle();
      return;
    }
    this.next = true;
    setImmediate(() => {
      this.next = false;
      this.pump();
    });
  }

  /** Starts up to `budget` jobs of one line while `room()` allows, deferring to acks for `waitMs`; how many started. */
  private startFrom(line: Fifo<Job>, waitMs: number, budget: number, room: () => boolean): number {
    let started = 0;
    while (started < budget && room()) {
      const oldest = line.peek();
      if (!oldest) break;
      // The oldest has waited long enough, or too many are waiting: start it even though requests are pending.
      const waited = Date.now() - oldest.queuedAt;
      if (this.unacked > 0 && waited < waitMs && line.length < this.maxBacklog) {
        this.wakeIn(waitMs - waited);
        break;
      }
      line.shift();
      this.start(oldest);
      started++;
    }
    return started;
  }

  /** Pumps again in `ms` at the latest (the lines wait for different times, so the earlier one wins). */
  private wakeIn(ms: number): void {
    const at = Date.now() + ms;
    if (this.timer && this.wakeAt <= at) return;
    clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, ms);
  }

  private start(job: Job): void {
    if (job.latest !== undefined) {
      this.replaceable.delete(job.latest);
      this.runningReplies++;
    }
    this.running++;
    if (job.key !== undefined) this.runningKeys.add(job.key);
    void job
      .run()
      .catch(() => {})
      .finally(() => {
        this.running--;
        if (job.latest !== undefined) this.runningReplies--;
        if (job.key !== undefined) this.release(job.key);
        job.done();
        this.pump();
      });
  }
}
