import type { Disagreement } from '../chat/reply.js';
import { formatFigure, normalizedRange, unitFamily } from '../knowledge/figures.js';
import type { CitedClaim, FigureView } from '../knowledge/types.js';

export interface ContestableClaim extends CitedClaim {
  metricKey?: string | undefined;
  stance?: string | undefined;
}

/** Two figures agree when their ranges overlap, allowing 10% for rounding ("~2KB" vs "2 KB"). */
export function figuresAgree(a: FigureView, b: FigureView): boolean {
  const [a0, a1] = normalizedRange(a);
  const [b0, b1] = normalizedRange(b);
  const slack = 0.1 * Math.max(Math.abs(a1), Math.abs(b1));
  return a0 <= b1 + slack && b0 <= a1 + slack;
}

/** The first pair of comparable figures that disagree, unless some comparable pair agrees. */
function conflictingPair(a: CitedClaim, b: CitedClaim): [FigureView, FigureView] | undefined {
  let conflict: [FigureView, FigureView] | undefined;
  for (const fa of a.figures) {
    for (const fb of b.figures) {
      if (unitFamily(fa.unit) !== unitFamily(fb.unit)) continue;
      if (figuresAgree(fa, fb)) return undefined;
      conflict ??= [fa, fb];
    }
  }
  return conflict;
}

/** Enough to show where sources clash without flooding a chat message. */
const MAX_DISAGREEMENTS = 12;

const humanize = (slug: string) => slug.replace(/-/g, ' ');

function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(it);
  }
  return m;
}

/** The figure a claim is about: its first measurement, else its first count. */
const mainFigure = (c: CitedClaim) => c.figures.find((f) => !unitFamily(f.unit).startsWith('count')) ?? c.figures[0];

/** One position in a disagreement: what is said, and by which sources ("56× (Guide 2025, derived)"). */
interface Position<T> {
  says: string;
  claims: T[];
}

function describe<T extends CitedClaim>(positions: Position<T>[]): string {
  const sources = (p: Position<T>) => {
    const names = [...new Set(p.claims.map((c) => `${c.citation.title}${c.derived ? ', derived' : ''}`))];
    return names.join('; ');
  };
  return positions.map((p) => `${p.says} (${sources(p)})`).join(' vs ');
}

/**
 * Positions that clash: two sources whose figures for one metric do not overlap, or whose stances differ.
 * Returns the positions (each once, with every source that holds it) and a conflicting pair to cite.
 */
function figurePositions<T extends ContestableClaim>(
  group: T[],
): { positions: Position<T>[]; pair: [T, T] } | undefined {
  const positions: (Position<T> & { f: FigureView })[] = [];
  for (const c of group) {
    const f = mainFigure(c);
    if (!f) continue;
    const same = positions.find((p) => figuresAgree(p.f, f));
    if (same) same.claims.push(c);
    else positions.push({ says: formatFigure(f), claims: [c], f });
  }
  const own = ownPositions(positions);
  for (let i = 0; i < own.length; i++)
    for (let j = i + 1; j < own.length; j++)
      for (const a of own[i]!.claims)
        for (const b of own[j]!.claims) if (conflictingPair(a, b)) return { positions: own, pair: [a, b] };
  return undefined;
}

/**
 * A disagreement is between sources: a document whose figures sit in two positions (one benchmark at 6.9×,
 * another at 56×) takes no side, so each position keeps only the documents no other position holds.
 */
function ownPositions<P extends Position<ContestableClaim>>(positions: P[]): P[] {
  const docsOf = (p: P) => new Set(p.claims.map((c) => c.citation.documentId));
  const docs = positions.map(docsOf);
  return positions
    .map((p, i) => ({
      ...p,
      claims: p.claims.filter((c) => !docs.some((d, j) => j !== i && d.has(c.citation.documentId))),
    }))
    .filter((p) => p.claims.length > 0);
}

function stancePositions<T extends ContestableClaim>(
  group: T[],
): { positions: Position<T>[]; pair: [T, T] } | undefined {
  const byPosition = groupBy(group, (c) => c.stance?.split(':')[1]);
  const positions = ownPositions([...byPosition].map(([pos, claims]) => ({ says: `“${humanize(pos)}”`, claims })));
  const [a, b] = positions;
  return a && b ? { positions, pair: [a.claims[0]!, b.claims[0]!] } : undefined;
}

export interface DisagreementOptions {
  max?: number;
  /** Keep a disagreement only when each side of it has a claim this accepts (e.g. filed under the topic asked). */
  relevant?: (c: ContestableClaim) => boolean;
  /** A readable name for a metric key ("Go's speed-up over Python" for go-speedup-vs-python). */
  label?: (metricKey: string) => string | undefined;
}

/**
 * Where sources contradict each other: the same metric given incompatible figures by different documents,
 * opposite stances on the same issue, and untagged figures for the same subject and metric that differ.
 * Each metric or issue is listed once, with every position and every source that holds it.
 */
export function findDisagreements(claims: ContestableClaim[], opts: DisagreementOptions = {}): Disagreement[] {
  const max = opts.max ?? MAX_DISAGREEMENTS;
  const relevant = opts.relevant ?? (() => true);
  const out: Disagreement[] = [];
  const keep = (
    about: string,
    found: { positions: Position<ContestableClaim>[]; pair: [ContestableClaim, ContestableClaim] } | undefined,
  ) => {
    if (!found || out.length >= max) return;
    const sides = found.positions.filter((p) => p.claims.some(relevant));
    if (sides.length < 2) return;
    out.push({ about, summary: describe(found.positions), claims: found.pair });
  };
  for (const [metric, group] of groupBy(claims, (c) => c.metricKey))
    keep(opts.label?.(metric) ?? humanize(metric), figurePositions(group));
  for (const [issue, group] of groupBy(claims, (c) => c.stance?.split(':')[0]))
    keep(humanize(issue), stancePositions(group));
  // Untagged figures: the same subject and metric (e.g. a benchmark row) reported differently by two sources.
  const untagged = claims.filter((c) => c.metricKey === undefined && !c.derived);
  const figureKey = (c: ContestableClaim) => {
    const f = mainFigure(c);
    return f ? `${f.subject.toLowerCase()}|${f.metric.toLowerCase()}|${unitFamily(f.unit)}` : undefined;
  };
  for (const [, group] of groupBy(untagged, figureKey)) {
    const f = mainFigure(group[0]!)!;
    keep(`${f.subject}: ${f.metric}`, figurePositions(group.slice(0, 30)));
  }
  return out;
}
