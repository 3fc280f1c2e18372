import type { Scope } from '../chat/scope.js';
import type { Matrix } from './definition.js';
import type { MatrixStore, Session } from './matrix-store.js';
import { type Aggregate, type Scorecard, score } from './scoring.js';
import { askedSteps, walkAggregates } from './steps.js';
import type { WeightChange } from './weights.js';
import { switchedOff, weighted } from './weights.js';
import type { MatrixWeights } from './weights-store.js';

/** A channel's matrix: the sources' factors with the channel's weight changes applied. */
export interface ChannelMatrix {
  /** Weighted for the channel; the factors and their order are the sources'. */
  matrix: Matrix;
  changes: WeightChange[];
  off: Set<string>;
}

/** The sources' matrix under a channel's weight changes. Pure: an answer worker runs it too (verdict/decider.ts). */
export function channelOf(base: Matrix, changes: readonly WeightChange[]): ChannelMatrix {
  return { matrix: weighted(base, changes), changes: [...changes], off: switchedOff(changes) };
}

export async function channelMatrix(base: Matrix, weights: MatrixWeights, where: Scope): Promise<ChannelMatrix> {
  return channelOf(base, await weights.get(where));
}

/** What a walk adds up to, as its scorecard and its decision record show it. */
export interface WalkOutcome extends ChannelMatrix {
  aggregates: Map<string, Aggregate>;
  card: Scorecard;
  /** Factors answered by the verdict the walk refines (nobody answered them in the walk): their quotes. */
  filled: Map<string, string>;
  /** Factors people answered in the walk. */
  answered: Set<string>;
  asked: number[];
}

export async function walkOutcome(
  base: Matrix,
  store: MatrixStore,
  weights: MatrixWeights,
  s: Session,
): Promise<WalkOutcome> {
  const cm = await channelMatrix(base, weights, s);
  const answers = await store.answers(s.id);
  const skipped = await store.skipped(s.id);
  const aggregates = walkAggregates(cm.matrix, answers, skipped, s.prefill);
  const steps = new Set(answers.map((a) => a.step));
  const answered = new Set(cm.matrix.factors.filter((_, i) => steps.has(i)).map((f) => f.id));
  const filled = new Map(
    cm.matrix.factors.flatMap((f, i) => {
      const p = s.prefill?.[f.id];
      return p && !steps.has(i) && !skipped.has(i) ? [[f.id, p.quote] as const] : [];
    }),
  );
  return {
    ...cm,
    aggregates,
    card: score(cm.matrix, aggregates),
    filled,
    answered,
    asked: askedSteps(base, s.prefill, cm.off),
  };
}
