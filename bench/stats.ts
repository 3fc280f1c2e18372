/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { p50: number; p95: number; p99: number; mean: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean, max: s.at(-1) ?? Number.NaN };
}

export const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** Deterministic PRNG (mulberry32) so every run benchmarks the same corpus and queries. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function report(title: string, rows: [string, string, string?][]): void {
  process.stdout.write(`\n${title}\n`);
  for (const [name, value, target] of rows)
    process.stdout.write(`  ${name.padEnd(44)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}\n`);
}
