import escapeStringRegexp from 'escape-string-regexp';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { AnswerType, QueryAnalysis } from './analyse.js';
import type { ScoredClaim } from './score.js';

/**
 * Measurements a question can ask for that a claim either gives or doesn't. Durations are left out: "how
 * long" and "runtime" also ask about things that are not timings ("how long has django been around").
 */
const MEASURED: ReadonlySet<AnswerType> = new Set(['latency', 'memory']);

/** A figure the question asks for that none of the best claims gives: for any language, or for the one asked. */
export interface MissingFigure {
  type: AnswerType;
  /** The one language asked about, when the best claims give that figure only for the other. */
  side?: 'go' | 'python' | undefined;
  /** The one framework or tool asked about, when the best claims give that figure only for others. */
  entity?: string | undefined;
}

/**
 * The figure a question asks for that the best claims do not give, or undefined when one of them gives it.
 * Pure.
 */
export function missingFigure(
  q: QueryAnalysis,
  best: readonly ScoredClaim[],
  taxonomy: Taxonomy,
): MissingFigure | undefined {
  if (!q.answerType || (q.intent !== 'figure' && q.intent !== 'explanation')) return undefined;
  const giving = best.filter((c) => c.features.answerType > 0);
  // "how many rps does echo do": Gin's 110,000 req/s is another framework's figure, not Echo's.
  const [entity, ...more] = q.entities;
  // Only when no language is named too: "we run django, how much memory does a goroutine take" names it as context.
  const lone = entity !== undefined && more.length === 0 && q.sides.length === 0;
  if (lone && giving.length > 0 && !giving.some((c) => c.features.entity > 0))
    return { type: q.answerType, entity: displayName(best, entity) };
  // A figure answers only when its claim shares a word of what is measured: the startup's 340 → 11 ms
  // response time is a latency, but no answer to "how long are go's gc pauses in ms".
  const answering = giving.filter((c) => c.subject > 0);
  if (answering.length === 0)
    return q.intent === 'figure' && MEASURED.has(q.answerType) ? { type: q.answerType } : undefined;
  // "what's a python developer's salary?": Go's 15–25 % premium is a figure about Go, not Python's answer.
  const named = new Set([...q.sides, ...q.entities.map((e) => taxonomy.sideOf(e))]);
  const side = q.sides.length === 1 && named.size === 1 ? q.sides[0] : undefined;
  if (side && !answering.some((c) => c.side === side || c.side === 'both')) return { type: q.answerType, side };
  return undefined;
}

/** A framework or tool as the closest claims write it ("fastapi" → "FastAPI"), else as asked. */
function displayName(best: readonly ScoredClaim[], term: string): string {
  const written = new RegExp(`(?<![\\p{L}\\p{N}])${escapeStringRegexp(term)}(?![\\p{L}\\p{N}])`, 'iu');
  for (const c of best) {
    const m = written.exec(c.text);
    if (m) return m[0];
  }
  return term;
}
