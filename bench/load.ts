/** Runs `total` async jobs with at most `concurrency` in flight; returns each job's duration in ms. */
export async function runConcurrent(
  total: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = new Array(total);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const t = performance.now();
      await job(i);
      samples[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return samples;
}
