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
