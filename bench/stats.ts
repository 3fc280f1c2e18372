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

/** "62 % parse, 25 % extract, 13 % write": each part's share of their sum, largest first, under 1 % left out. */
export function shares(parts: Record<string, number>, labels: Record<string, string> = {}): string {
  const sum = Object.values(parts).reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return 'nothing measured';
  return Object.entries(parts)
    .filter(([, v]) => v / sum >= 0.01)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${Math.round((v / sum) * 100)} % ${labels[k] ?? k}`)
    .join(', ');
}

/** "list 10.2 ms, stat 8.1 ms": each part in ms, divided by `per` (runs), largest first, under 0.05 ms left out. */
export function parts(parts: Record<string, number>, per = 1, labels: Record<string, string> = {}): string {
  return Object.entries(parts)
    .filter(([, v]) => v / per >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${labels[k] ?? k} ${ms(v / per)}`)
    .join(', ');
}
