import type { CitedClaim, Disagreement, FigureView } from '../chat/reply.js';
import { formatFigure, normalizedRange, unitFamily } from '../knowledge/figures.js';

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
const PER_KEY = 3;

const humanize = (slug: string) => slug.replace(/-/g, ' ');
const fig = (f: FigureView) => formatFigure(f);

function byDocumentPairs<T extends CitedClaim>(claims: T[]): [T, T][] {
  const pairs: [T, T][] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      if (claims[i]!.citation.documentId !== claims[j]!.citation.documentId) pairs.push([claims[i]!, claims[j]!]);
    }
  }
  return pairs;
}

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

/**
 * Finds where sources contradict each other: the same metric given incompatible figures by different
 * documents, and opposite stances on the same issue. At most one disagreement per metric/issue and
 * document pair, so a long table does not flood the answer.
 */
export function findDisagreements(claims: ContestableClaim[], max = MAX_DISAGREEMENTS): Disagreement[] {
  const out: Disagreement[] = [];
  const seenPairs = new Set<string>();
  const perKey = new Map<string, number>();
  /** Records one disagreement unless its key or document pair is already shown; the text is built only then. */
  const push = (key: string, a: CitedClaim, b: CitedClaim, describe: () => Omit<Disagreement, 'claims'>) => {
    if (out.length >= max || (perKey.get(key) ?? 0) >= PER_KEY) return;
    const pairKey = `${key}|${[a.citation.documentId, b.citation.documentId].sort().join('|')}`;
    if (seenPairs.has(pairKey)) return;
    seenPairs.add(pairKey);
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    out.push({ ...describe(), claims: [a, b] });
  };

  for (const [metric, group] of groupBy(claims, (c) => c.metricKey)) {
    for (const [a, b] of byDocumentPairs(group)) {
      const pair = conflictingPair(a, b);
      if (pair)
        push(`m:${metric}`, a, b, () => ({
          about: humanize(metric),
          summary: `${fig(pair[0])} (${a.citation.title}) vs ${fig(pair[1])} (${b.citation.title})`,
        }));
    }
  }

  for (const [issue, group] of groupBy(claims, (c) => c.stance?.split(':')[0])) {
    for (const [a, b] of byDocumentPairs(group)) {
      const pa = a.stance!.split(':')[1]!;
      const pb = b.stance!.split(':')[1]!;
      if (pa !== pb)
        push(`s:${issue}`, a, b, () => ({
          about: humanize(issue),
          summary: `“${pa}” (${a.citation.title}) vs “${pb}” (${b.citation.title})`,
        }));
    }
  }

  // Untagged figures: the same subject and metric (e.g. a benchmark row) reported differently by two sources.
  const untagged = claims.filter((c) => c.metricKey === undefined);
  const figureKey = (f: FigureView) => `${f.subject.toLowerCase()}|${f.metric.toLowerCase()}|${unitFamily(f.unit)}`;
  const byFigure = new Map<string, { claim: CitedClaim; f: FigureView }[]>();
  for (const c of untagged)
    for (const f of c.figures) {
      const k = figureKey(f);
      if (!byFigure.has(k)) byFigure.set(k, []);
      byFigure.get(k)!.push({ claim: c, f });
    }
  for (const [key, all] of byFigure) {
    if (out.length >= max) break;
    const group = all.slice(0, 30); // bounded: a huge group would be O(n²) and unreadable anyway
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const x = group[i]!;
        const y = group[j]!;
        if (x.claim.citation.documentId === y.claim.citation.documentId || figuresAgree(x.f, y.f)) continue;
        push(`f:${key}`, x.claim, y.claim, () => ({
          about: `${x.f.subject}: ${x.f.metric}`,
          summary: `${fig(x.f)} (${x.claim.citation.title}) vs ${fig(y.f)} (${y.claim.citation.title})`,
        }));
      }
  }
  return out;
}
