import type { FigureCall, FigureRow } from '../chat/reply.js';
import { en } from '../chat/strings-en.js';
import { figureSide } from '../knowledge/favors.js';
import { figureAsWritten, unitFamily } from '../knowledge/figures.js';
import type { MetricBook } from '../knowledge/metrics.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { FigureView } from '../knowledge/types.js';
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

export const isTableRow = (c: Pick<StoredClaim, 'text'>): boolean => /^[^:;]{1,40}: [^;]+;/.test(c.text);
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

/** A Python build or library that changes the figure (Python+Cython, PyPy, orjson): compared on its own. */
const VARIANT = /\b(cython|pypy|orjson|ujson|numba|mypyc|nuitka)\b/i;
const variantOf = (subject: string): string | undefined => VARIANT.exec(subject)?.[1]?.toLowerCase();

const times = (r: number) => (r < 10 ? r.toFixed(1) : Math.round(r).toLocaleString('en-US'));

function figureRow(g: Group, go: Entry, py: Entry, variant?: string): (FigureRow & { weight: number }) | undefined {
  if (go.f.normalized <= 0 || py.f.normalized <= 0) return undefined;
  const [hi, lo] = go.f.normalized >= py.f.normalized ? [go, py] : [py, go];
  const ratio = hi.f.normalized / lo.f.normalized;
  const winner = g.better === 'higher' ? hi : lo;
  const call: FigureCall =
    ratio < 1.05
      ? { kind: 'same' }
      : {
          kind: 'ratio',
          side: winner.side === 'go' ? 'go' : 'python',
          times: times(ratio),
          higher: g.better === 'higher',
        };
  const verdict = en.compare.call(call);
  const cell = (e: Entry) => `${e.f.subject} ${figureAsWritten(e.f)}`;
  // A variant's row weighs a little less than the plain one, so it follows it.
  const weight = variant ? g.weight - 0.5 : g.weight;
  return { label: g.label, go: cell(go), python: cell(py), verdict, call, weight };
}

/**
 * A figure that is already a comparison — a percentage of one side over the other ("Go developers earn
 * 15–25% more") — has no second value to set it against: it gets a row of its own,
 * under the side it is about, saying which side it favors. Each metric once, from its first source row.
 */
function relativeRows(claims: StoredClaim[], metrics: MetricBook): (FigureRow & { weight: number })[] {
  const seen = new Set<string>();
  const rows: (FigureRow & { weight: number })[] = [];
  for (const c of claims) {
    const def = c.metricKey && !c.derived ? metrics.lookup(c.metricKey) : undefined;
    const f = c.figures[0];
    if (!def || !f || seen.has(def.id) || c.side === 'both' || c.favors === 'neither') continue;
    const family = unitFamily(f.unit);
    // A ratio ("5–10×") would read as one side's own figure in its cell; a percentage says "more" or "less".
    if (family !== 'percent') continue;
    seen.add(def.id);
    const cell = `${f.subject} ${figureAsWritten(f)}`;
    rows.push({
      label: def.label,
      go: c.side === 'go' ? cell : undefined,
      python: c.side === 'python' ? cell : undefined,
      verdict: en.compare.call({ kind: 'favors', side: c.favors }),
      call: { kind: 'favors', side: c.favors },
      weight: 0,
    });
  }
  return rows;
}

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
    const pick = (entries: Entry[]) =>
      entries.sort((a, b) =>
        g.better === 'higher' ? b.f.normalized - a.f.normalized : a.f.normalized - b.f.normalized,
      )[0];
    const go = pick(g.entries.filter((e) => e.side === 'go'));
    const python = g.entries.filter((e) => e.side === 'python');
    // Like with like: plain Python against Go; Cython, PyPy or orjson each in a row of their own.
    const plain = python.filter((e) => !variantOf(e.f.subject));
    const variants = [...new Set(python.map((e) => variantOf(e.f.subject)).filter((v) => v !== undefined))];
    const row = (py: Entry | undefined, variant?: string) => {
      if (!go || !py) return;
      const r = figureRow(g, go, py, variant);
      if (r) rows.push(r);
    };
    row(pick(plain));
    for (const v of variants) row(pick(python.filter((e) => variantOf(e.f.subject) === v)), v);
  }
  rows.push(...relativeRows(claims, metrics));
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
