import { unitFamily } from './figures.js';
import type { MetricBook } from './metrics.js';
import type { Taxonomy } from './taxonomy.js';
import type { Claim, Favors, Figure, Side } from './types.js';

/**
 * Which side a claim is evidence for. A claim *about* Python can favor Go ("Python: 45.2 s on
 * Fibonacci(40)", "Go developers earn a 15–25 % premium" favors Python). Inferred in this order, the
 * first that decides wins; a digest's `{favors=…}` tag overrides all of it.
 *  1. Figures measured side by side in one section (a benchmark table, or two tagged prose figures of
 *     one metric): every claim in the comparison favors the side with the best value.
 *  2. Comparative wording in a claim that names a language: "Go … faster / beat / less memory".
 *  3. Drawback wording about the language named just before it: it favors the other.
 *  4. Otherwise a one-language claim favors its language; a claim about both favors neither.
 */
export function inferFavors(
  claims: Claim[],
  explicit: (Favors | undefined)[],
  taxonomy: Taxonomy,
  metrics: MetricBook,
): Favors[] {
  const fromComparisons = sectionComparisons(claims, taxonomy, metrics);
  return claims.map((c, i) => explicit[i] ?? fromComparisons.get(i) ?? fromWording(c, taxonomy) ?? byDefault(c.side));
}

const other = (s: 'go' | 'python'): 'go' | 'python' => (s === 'go' ? 'python' : 'go');
const byDefault = (side: Side): Favors => (side === 'both' ? 'neither' : side);

/** The side a figure measures: its subject's language, else the claim's. */
export function figureSide(f: Figure | { subject: string }, claimSide: Side, taxonomy: Taxonomy): Side {
  const s = taxonomy.sideOf(f.subject);
  return s !== 'both' ? s : claimSide;
}

function sectionComparisons(claims: Claim[], taxonomy: Taxonomy, metrics: MetricBook): Map<number, Favors> {
  // section → metric → entries
  const groups = new Map<string, { i: number; side: 'go' | 'python'; value: number; better: 'higher' | 'lower' }[]>();
  claims.forEach((c, i) => {
    if (c.derived) return;
    for (const f of c.figures) {
      const family = unitFamily(f.unit);
      if (family.startsWith('count')) continue; // "10,000 goroutines" is the setting, not the measurement
      const def = metrics.lookup(f.metric, c.tableRow ? f.unit : undefined);
      const side = figureSide(f, c.side, taxonomy);
      if (!def?.better || side === 'both') continue;
      const key = `${c.section}\u0000${def.id}\u0000${family}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push({ i, side, value: f.normalized, better: def.better });
    }
  });
  const votes = new Map<number, Set<'go' | 'python'>>();
  for (const entries of groups.values()) {
    if (new Set(entries.map((e) => e.side)).size < 2) continue;
    const best = entries.reduce((a, b) => ((b.better === 'higher' ? b.value > a.value : b.value < a.value) ? b : a));
    for (const e of entries) {
      if (!votes.has(e.i)) votes.set(e.i, new Set());
      votes.get(e.i)!.add(best.side);
    }
  }
  const out = new Map<number, Favors>();
  for (const [i, sides] of votes) if (sides.size === 1) out.set(i, [...sides][0]!);
  return out;
}

/** "X … faster than …", "X beat …", "X uses less memory". The language named before the comparative wins. */
const COMPARATIVE =
  /\b(?:faster|quicker|beat|beats|outperform\w*|higher throughput|more requests|less memory|lower latency|fewer servers|cheaper|scales? better|easier)\b/i;
/**
 * Drawbacks: said of the language named just before them, they are evidence for the other one. Kept
 * short on purpose: words like "overhead" or "limits" appear as often in praise ("near-zero overhead").
 */
const DRAWBACK =
  /\b(?:slow|slower|slowest|bottleneck|dirty secret|workaround|bolted|to its knees|verbose|smaller pool|premium|cost more|more expensive|steeper|harder|handicap|fight|struggle|reckless|hoping that|only one thread|single stove|first gear)\b/i;

function fromWording(c: Claim, taxonomy: Taxonomy): Favors | undefined {
  const m = COMPARATIVE.exec(c.text);
  if (m) {
    const before = taxonomy.subjectsIn(c.text.slice(0, m.index)).at(-1);
    if (before) return before.side;
    if (c.side !== 'both') return c.side;
  }
  const d = DRAWBACK.exec(c.text);
  const about = d && taxonomy.subjectsIn(c.text.slice(0, d.index)).at(-1);
  return about ? other(about.side) : undefined;
}
