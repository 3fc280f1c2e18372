import { figureSide } from '../knowledge/favors.js';
import { figureAsWritten, unitFamily } from '../knowledge/figures.js';
import type { MetricBook } from '../knowledge/metrics.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Citation, FigureView } from '../knowledge/types.js';
import { type AnswerType, type QueryAnalysis, stem, VERSUS } from './analyse.js';
import type { StoredClaim } from './answers-store.js';
import { figuresAgree } from './disagreements.js';
import { tokens } from './query.js';
import { matchesAnswerType, type ScoredClaim } from './score.js';
import { GATES } from './weights.js';

/** One or two sentences that answer the question, built only from cited claims and their figures. */
export interface LeadAnswer {
  text: string;
  /** Ids of the claims the sentence is built from, in the order it uses them. */
  claims: string[];
}

const stemSet = (text: string) => new Set(tokens(text).map(stem));

function jaccard(a: Set<string>, b: Set<string>): number {
  // |a ∩ b| / |a ∪ b| cannot reach 0.6 when one set is much smaller: skip the count.
  if (Math.min(a.size, b.size) < 0.6 * Math.max(a.size, b.size)) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

/** Two claims from different sources state the same fact: one measurement that agrees, or nearly the same words. */
function sameFact(
  a: StoredClaim,
  b: StoredClaim,
  metrics: MetricBook,
  words: (c: StoredClaim) => Set<string>,
): boolean {
  if (a.citation.documentId === b.citation.documentId) return false;
  const metricOf = (c: StoredClaim) => (c.metricKey ? (metrics.lookup(c.metricKey)?.id ?? c.metricKey) : undefined);
  const ma = metricOf(a);
  if (ma !== undefined && ma === metricOf(b) && a.side === b.side) {
    const fa = a.figures[0];
    const fb = b.figures[0];
    return fa !== undefined && fb !== undefined && figuresAgree(fa, fb);
  }
  return jaccard(words(a), words(b)) >= 0.6;
}

/** How many claims, best first, are compared with each other for corroboration (it is quadratic). */
const MERGE_HEAD = 40;

/** Claims stating the same fact as an earlier one fold into it as `alsoIn` citations. Order is kept. */
function mergeTwins<T extends StoredClaim>(claims: T[], metrics: MetricBook): T[] {
  const out: T[] = [];
  // Each claim's words are stemmed once, not once per pair: compare merges up to 200 claims.
  const stems = new Map<string, Set<string>>();
  const words = (c: StoredClaim) => {
    let set = stems.get(c.id);
    if (!set) {
      set = stemSet(c.text);
      stems.set(c.id, set);
    }
    return set;
  };
  for (const [i, c] of claims.entries()) {
    // Only the head of a ranking is ever read closely; past it, claims stay as they are.
    const twin = i < MERGE_HEAD ? out.find((o) => sameFact(o, c, metrics, words)) : undefined;
    if (twin) {
      const also: Citation[] = twin.alsoIn ?? [];
      if (!also.some((x) => x.documentId === c.citation.documentId)) twin.alsoIn = [...also, c.citation];
    } else out.push({ ...c, alsoIn: undefined });
  }
  return out;
}

/** The same merge for claims that were not scored (compare's columns). */
export function corroborateClaims(claims: StoredClaim[], taxonomy: Taxonomy): StoredClaim[] {
  return mergeTwins(claims, taxonomy.metrics);
}

/**
 * Stage 4a: claims that state the same fact in different sources become one line citing all of them
 * (the 2 KB goroutine stack appears in three digests), and a derived figure moves after the row it was
 * computed from when both are shown.
 */
export function corroborate(ranked: ScoredClaim[], metrics: MetricBook): ScoredClaim[] {
  const out = mergeTwins(ranked, metrics);
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (!c.derived) continue;
    const source = out.findIndex(
      (o, j) =>
        j > i &&
        !o.derived &&
        o.citation.documentId === c.citation.documentId &&
        o.citation.section === c.citation.section,
    );
    if (source > i) {
      out.splice(i, 1);
      out.splice(source, 0, c);
      i--;
    }
  }
  return out;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Go with Fiber: 130,000 req/s (p99 latency 3 ms, memory 25 MB)". */
function figureSentence(c: ScoredClaim, primary: FigureView, metrics: MetricBook): string {
  const label = (f: FigureView) => metrics.lookup(f.metric, f.unit)?.label ?? f.metric.replace(/-/g, ' ');
  const others = c.figures
    .filter((f) => f !== primary && f.subject === primary.subject)
    .map((f) => `${lower(label(f))} ${figureAsWritten(f)}`);
  const rest = others.length ? ` (${others.join(', ')})` : '';
  // A row whose columns are the languages: set them side by side.
  const across = c.figures.filter((f) => f !== primary && f.metric === primary.metric && f.subject !== primary.subject);
  if (across.length) {
    const cells = [primary, ...across].map((f) => `${f.subject} ${figureAsWritten(f)}`).join(' vs ');
    return `${label(primary)}: ${cells}`;
  }
  const metric = unitFamily(primary.unit).startsWith('throughput') ? '' : `${lower(label(primary))} `;
  return `${primary.subject}: ${metric}${figureAsWritten(primary)}${rest}`;
}

function primaryFigure(c: ScoredClaim, q: QueryAnalysis): FigureView | undefined {
  if (!q.answerType) return undefined;
  return c.figures.find((f) => matchesAnswerType(f, q.answerType!));
}

type Target = (c: ScoredClaim, f: FigureView) => boolean;

/**
 * What a versus question sets against each other: the entities it names ("fastapi vs gin"), else the
 * languages, else its one entity against the other language ("goroutine vs thread memory").
 */
function versusTargets(q: QueryAnalysis, taxonomy: Taxonomy): Target[] {
  const sideOf = (c: ScoredClaim, f: FigureView) => figureSide(f, c.side, taxonomy);
  const entity =
    (e: string): Target =>
    (_c, f) =>
      f.subject.toLowerCase().includes(e);
  const side =
    (s: 'go' | 'python'): Target =>
    (c, f) =>
      sideOf(c, f) === s;
  const targets = q.entities.map(entity);
  if (targets.length < 2) {
    const sides = q.sides.filter((s) => !q.entities.some((e) => taxonomy.sideOf(e) === s));
    targets.push(...sides.map(side));
  }
  if (targets.length === 1 && q.entities[0]) {
    const s = taxonomy.sideOf(q.entities[0]);
    if (s !== 'both') targets.push(side(s === 'go' ? 'python' : 'go'));
  }
  return targets.slice(0, 2);
}

/** "FastAPI on uvicorn 45,000 req/s vs Go with Gin 110,000 req/s: Go with Gin 2.4× higher". */
function versusSentence(
  q: QueryAnalysis,
  ranked: ScoredClaim[],
  taxonomy: Taxonomy,
  metrics: MetricBook,
): LeadAnswer | undefined {
  const targets = versusTargets(q, taxonomy);
  if (targets.length < 2 || !q.answerType) return undefined;
  const metricId = (f: FigureView, c: ScoredClaim) =>
    metrics.lookup(f.metric, /;/.test(c.text) ? f.unit : undefined)?.id;
  // The second figure must measure the same thing: the same table (section), or the same metric entry.
  const pick = (match: Target, like?: { c: ScoredClaim; f: FigureView }) => {
    for (const c of ranked) {
      if (!c.relevant || c.derived || c.id === like?.c.id) continue;
      const f = c.figures.find(
        (x) =>
          matchesAnswerType(x, q.answerType!) &&
          match(c, x) &&
          (!like ||
            (c.citation.section === like.c.citation.section && x.metric === like.f.metric) ||
            (metricId(x, c) !== undefined && metricId(x, c) === metricId(like.f, like.c))),
      );
      if (f) return { c, f };
    }
    return undefined;
  };
  const a = pick(targets[0]!);
  const b = a && pick(targets[1]!, a);
  if (!a || !b) return undefined;
  const def = metrics.lookup(a.f.metric, a.f.unit);
  const [hi, lo] = a.f.normalized >= b.f.normalized ? [a, b] : [b, a];
  const ratio = lo.f.normalized > 0 ? hi.f.normalized / lo.f.normalized : undefined;
  let verdict = '';
  if (ratio !== undefined && ratio >= 1.05 && def?.better) {
    const winner = def.better === 'higher' ? hi : lo;
    const times = ratio < 10 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString('en-US');
    verdict = `: ${winner.f.subject} ${times}× ${def.better === 'higher' ? 'higher' : 'lower'}`;
  }
  return {
    text: `${a.f.subject} ${figureAsWritten(a.f)} vs ${b.f.subject} ${figureAsWritten(b.f)}${verdict}`,
    claims: [a.c.id, b.c.id],
  };
}

/** Two named things set against each other ("fastapi vs gin", "is gin faster than go's net/http"). */
const setsNamedAgainst = (q: QueryAnalysis) => VERSUS.test(q.question) && q.entities.length + q.sides.length >= 2;

const FAMILY_TYPE: [(family: string) => boolean, AnswerType][] = [
  [(f) => f.startsWith('throughput'), 'throughput'],
  [(f) => f === 'time', 'duration'],
  [(f) => f === 'size', 'memory'],
  [(f) => f === 'ratio', 'ratio'],
];
/** The unit family of a claim's first measured figure, as the answer type a versus sentence compares in. */
function typeOf(c: ScoredClaim): AnswerType | undefined {
  for (const f of c.figures) {
    const hit = FAMILY_TYPE.find(([is]) => is(unitFamily(f.unit)));
    if (hit) return hit[1];
  }
  return undefined;
}

/** Stage 4b: the lead answer, or null when the best claim does not clear the confidence gate. */
export function leadAnswer(
  q: QueryAnalysis,
  ranked: ScoredClaim[],
  taxonomy: Taxonomy,
  metrics: MetricBook,
): LeadAnswer | null {
  const top = ranked[0];
  if (!top?.relevant) return null;
  if (q.intent === 'versus' || (setsNamedAgainst(q) && !q.why)) {
    // "how does fastapi stack up against gin" names no unit: set them side by side in the top claim's.
    // "how much slower is python than go at fib(40)" asks a ratio that the two run times give.
    const answerType = q.answerType === 'ratio' ? (typeOf(top) ?? q.answerType) : (q.answerType ?? typeOf(top));
    const vs = answerType && versusSentence({ ...q, answerType }, ranked, taxonomy, metrics);
    if (vs) return vs;
  }
  if (top.evidence < GATES.answer) return null;
  // A lead answer is about what was asked: never one framework's figure for another's ("express" → Gin).
  if (q.entities.length > 0 && top.features.entity === 0 && top.features.entityMismatch > 0) return null;
  const primary = primaryFigure(top, q);
  if (primary && /[:;]/.test(top.text) && top.figures.length > 1)
    return { text: figureSentence(top, primary, metrics), claims: [top.id] };
  return { text: top.text, claims: [top.id] };
}
