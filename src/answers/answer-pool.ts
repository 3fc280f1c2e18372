import type { Worker } from 'node:worker_threads';
import { VersusError } from '../errors.js';
import type { Logger } from '../logger.js';
import { Fifo } from '../runtime/fifo.js';
import { startWorker } from '../worker-thread.js';
import { READY, type WorkRequest, type WorkResponse } from './answer-protocol.js';
import type { AskResult } from './ask.js';
import type { CompareOutcome } from './compare.js';
import type { AnswerEngine, AskRequest, VerdictRequest } from './engine.js';

export interface AnswerPoolOptions {
  /** The SQLite file holding the knowledge index (each worker opens it read-only). */
  dbPath: string;
  taxonomyPath: string;
  /** The knowledge folder: workers read its matrix.yaml and verdict.yaml to compute verdicts. */
  knowledgeDir?: string | undefined;
  /** Worker threads; the bot uses one per core. */
  size: number;
  /** An answer that would arrive later than this after its request is declined at once. Default 2.5 s. */
  busyAfterMs?: number | undefined;
  logger: Logger;
}

/** Counters for /readyz and the benchmark. */
export interface AnswerPoolStats {
  workers: number;
  queued: number;
  computed: number;
  /** Declined with the busy reply because they would have come too late. */
  shed: number;
  failed: number;
}

type Work = WorkRequest extends infer R ? (R extends WorkRequest ? Omit<R, 'id'> : never) : never;
interface Task {
  req: WorkRequest;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  task?: Task | undefined;
  startedAt: number;
}

export const BUSY_AFTER_MS = 2_500;
/** A first guess at one answer's cost (ms of a worker) until answers have been timed. */
const FIRST_GUESS_MS = 5;
const IDLE_ESTIMATE_CAP_MS = 1_000;

/**
 * Answers computed in worker threads, so the main thread only verifies, acknowledges, routes, writes shared
 * state and delivers: an answer never delays an ack. Tasks wait in one FIFO; each idle worker takes the
 * next. The queue is bounded by time, not length: a task that would finish later than `busyAfterMs` after
 * its request arrived is refused at once (VersusError 'busy'), so past the pool's capacity users get a
 * prompt "busy" instead of an answer after Slack's patience (and the user's) ran out.
 */
export class AnswerPool implements AnswerEngine {
  private readonly slots: Slot[] = [];
  private readonly queue = new Fifo<Task>();
  private readonly busyAfterMs: number;
  /** Moving average of one task's time on a worker, dispatch to result (includes the messaging). */
  private serviceMs = FIRST_GUESS_MS;
  private nextId = 0;
  private closed = false;
  private readonly counts = { computed: 0, shed: 0, failed: 0 };

  private constructor(private readonly opts: AnswerPoolOptions) {
    this.busyAfterMs = opts.busyAfterMs ?? BUSY_AFTER_MS;
  }

  /** Starts `size` workers and resolves once every one has opened the index. */
  static async start(opts: AnswerPoolOptions): Promise<AnswerPool> {
    const pool = new AnswerPool(opts);
    try {
      await Promise.all(Array.from({ length: Math.max(1, opts.size) }, () => pool.spawn()));
    } catch (cause) {
      await pool.close();
      throw new VersusError('config_invalid', `The answer workers could not start: ${(cause as Error).message}`, {
        cause,
      });
    }
    return pool;
  }

  ask(req: AskRequest, receivedAt?: number): Promise<AskResult> {
    return this.submit({ op: 'ask', ...req }, receivedAt) as Promise<AskResult>;
  }

  compare(scope: string, topic: string, receivedAt?: number): Promise<CompareOutcome> {
    return this.submit({ op: 'compare', scope, topic }, receivedAt) as Promise<CompareOutcome>;
  }

  verdict(req: VerdictRequest, receivedAt?: number): Promise<unknown> {
    return this.submit({ op: 'verdict', ...req }, receivedAt);
  }

  stats(): AnswerPoolStats {
    return { workers: this.slots.length, queued: this.queue.length, ...this.counts };
  }

  /** When a task queued now would have its result: the queue ahead of it shared by the workers, then its own. */
  expectedMs(): number {
    // With a worker idle the estimate is capped: a slow spell must not leave an idle pool refusing
    // everything on an old average that no new answer could correct.
    if (this.slots.some((s) => !s.task)) return Math.min(this.serviceMs, IDLE_ESTIMATE_CAP_MS);
    return (this.queue.length / this.slots.length + 1) * this.serviceMs + this.serviceMs / 2;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.drain()) t.reject(new Error('Versus is shutting down.'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private submit(work: Work, receivedAt = Date.now()): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('Versus is shutting down.'));
    if (Date.now() + this.expectedMs() - receivedAt > this.busyAfterMs) {
      this.counts.shed++;
      return Promise.reject(new VersusError('busy', 'Versus is busy — ask again in a moment.'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { ...work, id: this.nextId++ } as WorkRequest, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.startedAt = performance.now();
      slot.worker.postMessage(task.req);
    }
  }

  private finish(slot: Slot, res: WorkResponse): void {
    const task = slot.task;
    if (!task || task.req.id !== res.id) return;
    slot.task = undefined;
    this.serviceMs += 0.1 * (performance.now() - slot.startedAt - this.serviceMs);
    if (res.ok) {
      this.counts.computed++;
      task.resolve(res.value);
    } else {
      this.counts.failed++;
      task.reject(new Error(res.error));
    }
    this.dispatch();
  }

  /** A worker that dies fails its task (the router tells that user) and is replaced. */
  private lost(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (slot.task) {
      this.counts.failed++;
      slot.task.reject(err);
    }
    if (this.closed) return;
    this.opts.logger.error({ err: err.message }, 'answer worker died; starting another');
    this.spawn().catch((e: unknown) => this.opts.logger.error({ err: (e as Error).message }, 'answer worker failed'));
  }

  private spawn(): Promise<void> {
    const { dbPath, taxonomyPath, knowledgeDir } = this.opts;
    const workerData = { dbPath, taxonomyPath, knowledgeDir };
    const worker = startWorker(new URL('../answer-worker.js', import.meta.url), workerData);
    return new Promise<void>((resolve, reject) => {
      const slot: Slot = { worker, startedAt: 0 };
      worker.once('error', (err) => {
        if (this.slots.includes(slot)) this.lost(slot, err);
        else reject(err);
      });
      worker.once('exit', (code) => {
        if (this.slots.includes(slot)) this.lost(slot, new Error(`answer worker exited (${code})`));
        else reject(new Error(`answer worker exited (${code}) before it was ready`));
      });
      worker.on('message', (msg: WorkResponse | typeof READY) => {
        if (msg !== READY) return this.finish(slot, msg);
        this.slots.push(slot);
        resolve();
        this.dispatch();
      });
    });
  }
}
