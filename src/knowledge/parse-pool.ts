import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';
import { type ParseJob, type ParseOutcome, readAndParse, type StepTimes } from './read-parse.js';
import type { Taxonomy } from './taxonomy.js';

/** Below this many files to read, starting workers (and loading the parser in each) costs more than it saves. */
export const POOL_MIN_FILES = 64;
/**
 * Nor below this many bytes: the bench's corpus, indexed from the compiled build, took 0.95-1.37 s inline
 * against 1.42-1.62 s with a worker at 95 files (1.2 MB), broke even at 286 files (3.7 MB) and gained 1.4x
 * at 939 files (12 MB), where a worker's start is small beside the parsing it takes over.
 */
export const POOL_MIN_BYTES = 4 * 1024 * 1024;
/** Files per message: small enough that the writer starts early, large enough that messages are few. */
const CHUNK_FILES = 8;
/**
 * Files the writer parses itself before it takes the workers' outcomes: it would only wait while they
 * start, and a writer that never parsed would meet the next re-index (one file, parsed here) with cold code.
 */
const WRITER_FILES = 2 * CHUNK_FILES;
/** No outcome for this long means a worker is gone (it cannot say so synchronously): the rest is parsed here. */
const STALL_MS = 15_000;

/** Parse workers for a full index: one per core but the writer's, at least one when there are two cores. */
export function defaultParseWorkers(): number {
  return Math.min(4, Math.max(0, availableParallelism() - 1));
}

type Reply = { seq: number; outcome: ParseOutcome; times: StepTimes } | { seq: number; failed: true };

/**
 * Each job's outcome, in job order. With workers, files are parsed and extracted on other threads while
 * the caller (the writer) consumes the outcomes: it blocks only when the next one is not ready yet
 * (Atomics.wait), so indexing stays synchronous for its callers. Step times (read, parse, extract; with
 * workers, their threads' time) and the writer's wait are added to `times` when given. Should the
 * workers stop answering, the rest is parsed on this thread and `onStall` says so.
 */
export function* parsedInOrder(
  jobs: ParseJob[],
  taxonomy: Taxonomy,
  workers: number,
  opts: { times?: StepTimes & { wait: number }; onStall?: () => void; bytes?: number; minBytes?: number } = {},
): Generator<ParseOutcome> {
  const { times } = opts;
  if (workers < 1 || jobs.length < POOL_MIN_FILES || (opts.bytes ?? Infinity) < (opts.minBytes ?? POOL_MIN_BYTES)) {
    for (const job of jobs) yield readAndParse(job, taxonomy, times);
    return;
  }
  const signal = new SharedArrayBuffer(4);
  const pool = startPool(Math.min(workers, Math.ceil(jobs.length / CHUNK_FILES)), taxonomy, signal);
  // Contiguous chunks dealt round-robin: every worker works ahead while the writer takes outcomes in order.
  for (let first = WRITER_FILES, c = 0; first < jobs.length; first += CHUNK_FILES, c++)
    pool[c % pool.length]!.port.postMessage({ first, jobs: jobs.slice(first, first + CHUNK_FILES) });
  const ready = new Map<number, Reply>();
  const counter = new Int32Array(signal);
  let stalled = false;
  try {
    for (let seq = 0; seq < WRITER_FILES; seq++) yield readAndParse(jobs[seq] as ParseJob, taxonomy, times);
    for (let seq = WRITER_FILES; seq < jobs.length; seq++) {
      const t = performance.now();
      while (!stalled && !ready.has(seq)) {
        const seen = Atomics.load(counter, 0);
        if (drain(pool, ready) || ready.has(seq)) continue;
        stalled = Atomics.wait(counter, 0, seen, STALL_MS) === 'timed-out';
        if (stalled) opts.onStall?.();
      }
      if (times) times.wait += performance.now() - t;
      const reply = ready.get(seq);
      ready.delete(seq);
      if (reply && !('failed' in reply)) {
        if (times) for (const k of ['read', 'parse', 'extract'] as const) times[k] += reply.times[k];
        yield reply.outcome;
      } else yield readAndParse(jobs[seq]!, taxonomy, times);
    }
  } finally {
    for (const { worker, port } of pool) {
      port.close();
      void worker.terminate();
    }
  }
}

function startPool(n: number, taxonomy: Taxonomy, signal: SharedArrayBuffer): { worker: Worker; port: MessagePort }[] {
  return Array.from({ length: n }, () => {
    const { port1, port2 } = new MessageChannel();
    const worker = startWorker(
      new URL('./parse-worker.js', import.meta.url),
      { taxonomy: taxonomy.source, port: port2, signal },
      [port2],
    );
    worker.unref();
    return { worker, port: port1 };
  });
}

/** Takes every reply already posted; true when there was one. */
function drain(pool: { port: MessagePort }[], ready: Map<number, Reply>): boolean {
  let got = false;
  for (const { port } of pool)
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const reply = m.message as Reply;
      ready.set(reply.seq, reply);
      got = true;
    }
  return got;
}
