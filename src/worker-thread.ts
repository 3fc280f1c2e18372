import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { type Transferable, Worker } from 'node:worker_threads';

/**
 * A worker thread running `module` (a module's URL ending in .js, within src/). Compiled, that file runs as
 * is; from source (tsx, vitest) the worker is TypeScript too, so it registers tsx's loader first.
 */
export function startWorker(module: URL, workerData: unknown, transferList?: Transferable[]): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(module, { workerData, transferList });
  const source = new URL(module.href.replace(/\.js$/, '.ts'));
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register();
      return import(${JSON.stringify(source.href)}); });`,
    { eval: true, workerData, transferList },
  );
}

/**
 * Lowers the calling thread's CPU priority (its nice value, +`nice`), where the OS lets a thread have its
 * own (Linux: /proc/thread-self names the thread's id, which setpriority takes). An answer worker calls
 * it so that, with every core busy, the main thread's acks run before answers, which may wait or be shed.
 * Elsewhere, or when refused, the thread keeps the process's priority. True when it was lowered.
 */
export function lowerThreadPriority(nice: number): boolean {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(tid)) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
