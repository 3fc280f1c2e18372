import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what its last full collection left alive, in percent. With
 * its own factor (up to 4×), a 20,000-click storm (bench/storm.ts) filled the main thread's old space with
 * about 110 MB of garbage over some 35 MB alive (requests promoted while they wait for their vote's commit)
 * before a full collection came, and none came once the storm was over and nothing was allocated: RSS peaked
 * at 289-298 MB and was 142-270 MB 30 s later. At 30 %: 187-196 MB and 158-182 MB (60 %: 206 / 187 MB,
 * 100 %: 221 / 215 MB), for full collections that took about 3 % more of the main thread's CPU.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Holds the old generation near what is alive (V8 reads the factor at each full collection, so setting it
 * at start-up is enough), unless the operator chose a factor on the command line or in NODE_OPTIONS.
 */
export function boundHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS ?? '',
): void {
  if ([...execArgv, nodeOptions].some((a) => /heap[-_]growing[-_]percent/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
