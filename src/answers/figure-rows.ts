import type { FigureRow, FigureView } from '../chat/reply.js';
import { figureSide } from '../knowledge/favors.js';
import { formatFigure, unitFamily } from '../knowledge/figures.js';
import type { MetricBook } from '../knowledge/metrics.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { StoredClaim } from './answers-store.js';

const MAX_ROWS = 8;

interface Entry {
  side: 'go' | 'python';
  f: FigureView;
  claim: StoredClaim;
}

interface Group {
  /** "HTTP server benchmarks · Requests per second" */
  label: string;
  better: 'higher' | 'lower';
  entries: Entry[];
  /** How many claims of the topic the group draws on: more central groups first. */
  weight: number;
}

const isTableRow = (c: StoredClaim) => /^[^:;]{1,40}: [^;]+;/.test(c.text);
const lastHeading = (section: string) => section.split(' › ').at(-1) ?? section;

/**
 * What one figure measures, as a comparison key. A table column is compared within its table (the
 * section): Fiber's req/s against FastAPI's, never against another benchmark's. A tagged prose figure is
 * compared with every figure of the same metric entry, across sources (a goroutine's 2 KB against a Python
 * thread's 8 MB). Untagged prose figures and derived ones are not compared: their context is unknown.
 */
function groupKey(
  c: StoredClaim,
  f: FigureView,
  metrics: MetricBook,
): { key: string; label: string; better?: 'higher' | 'lower' | undefined } | undefined {
  if (c.derived || unitFamily(f.unit).startsWith('count') || unitFamily(f.unit) === 'ratio') return undefined;
  if (isTableRow(c)) {
    const def = metrics.lookup(f.metric, f.unit);
    if (!def) return undefined;
    return {
      key: `t|${c.citation.documentId}|${c.citation.section}|${def.id}`,
      label: `${lastHeading(c.citation.section)} · ${def.label}`,
      better: def.better,
    };
  }
  const def = c.metricKey ? metrics.lookup(c.metricKey) : undefined;
  return def ? { key: `m|${def.id}|${unitFamily(f.unit)}`, label: def.label, better: def.better } : undefined;
}

const times = (r: number) => (r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-US'));

/**
 * Go against Python, figure against figure: for each measurement both sides have, the best Go value and
 * the best Python value, the winner and the ratio ("Go 2.9× higher"). One benchmark per row, never the
 * same figure on both sides.
 */
export function figureRows(claims: StoredClaim[], taxonomy: Taxonomy): FigureRow[] {
  const metrics = taxonomy.metrics;
  const groups = new Map<string, Group>();
  for (const c of claims) {
    for (const f of c.figures) {
      const k = groupKey(c, f, metrics);
      const side = figureSide(f, c.side, taxonomy);
      if (!k?.better || side === 'both') continue;
      const g = groups.get(k.key) ?? { label: k.label, better: k.better, entries: [], weight: 0 };
      g.entries.push({ side, f, claim: c });
      g.weight++;
      groups.set(k.key, g);
    }
  }
  const rows: (FigureRow & { weight: number })[] = [];
  for (const g of groups.values()) {
    const best = (side: 'go' | 'python') =>
      g.entries
        .filter((e) => e.side === side)
        .sort((a, b) => (g.better === 'higher' ? b.f.normalized - a.f.normalized : a.f.normalized - b.f.normalized))[0];
    const go = best('go');
    const py = best('python');
    if (!go || !py || go.f.normalized <= 0 || py.f.normalized <= 0) continue;
    const [hi, lo] = go.f.normalized >= py.f.normalized ? [go, py] : [py, go];
    const ratio = hi.f.normalized / lo.f.normalized;
    const winner = g.better === 'higher' ? hi : lo;
    const verdict =
      ratio < 1.05
        ? 'about the same'
        : `${winner.side === 'go' ? 'Go' : 'Python'} ${times(ratio)}× ${g.better === 'higher' ? 'higher' : 'lower'}`;
    const cell = (e: Entry) => `${e.f.subject} ${formatFigure(e.f)}`;
    rows.push({ label: g.label, go: cell(go), python: cell(py), verdict, weight: g.weight });
  }
  // A table column and a tagged metric can carry the same two figures (the guide's concurrency table and
  // its prose restatement): show that pair once.
  const seen = new Set<string>();
  return rows
    .sort((a, b) => b.weight - a.weight)
    .filter((r) => {
      const key = `${r.go}|${r.python}`.replace(/^[^|]*?(\S+)\|[^|]*?(\S+)$/, '$1|$2');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_ROWS)
    .map(({ weight: _w, ...row }) => row);
}
