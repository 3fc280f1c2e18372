import { z } from 'zod';
import { unitFamily } from './figures.js';

/**
 * The taxonomy's metric table: what a figure measures, in words a reader understands, and which
 * direction is better. Several names (table headers, `{metric=…}` keys, prose metric words) can share one
 * entry, which is how "8 MB per Python thread" and "2 KB per goroutine" land in one comparison row.
 */
export const MetricSchema = z.object({
  label: z.string().min(1),
  better: z.enum(['higher', 'lower']).optional(),
  names: z.array(z.string().min(1)).default([]),
});

export interface MetricDef {
  id: string;
  label: string;
  better?: 'higher' | 'lower' | undefined;
}

export interface MetricBook {
  /**
   * The entry for a figure's metric name. With a unit, an unknown name falls back to its dimension's
   * default (time and memory: lower is better; throughput: higher) — only safe for table columns,
   * whose rows measure one thing side by side.
   */
  lookup(metric: string, unit?: string): MetricDef | undefined;
}

const DEFAULTS: Record<string, MetricDef> = {
  time: { id: 'time', label: 'Time', better: 'lower' },
  size: { id: 'memory', label: 'Memory', better: 'lower' },
  throughput: { id: 'throughput', label: 'Throughput', better: 'higher' },
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function buildMetricBook(file: Record<string, z.infer<typeof MetricSchema>> = {}): MetricBook {
  const byName = new Map<string, MetricDef>();
  for (const [id, m] of Object.entries(file)) {
    const def: MetricDef = { id, label: m.label, better: m.better };
    for (const name of [id, ...m.names]) byName.set(norm(name), def);
  }
  return {
    lookup(metric, unit) {
      const known = byName.get(norm(metric));
      if (known) return known;
      if (unit === undefined) return undefined;
      const family = unitFamily(unit);
      return DEFAULTS[family.split(':')[0]!];
    },
  };
}
