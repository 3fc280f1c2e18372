import { z } from 'zod';
import type { Matrix } from './definition.js';
import { type Aggregate, aggregate } from './scoring.js';

/** One person's answer to one step of a walk. */
export interface WalkAnswer {
  step: number;
  userId: string;
  value: string;
}

/** Answers read from a verdict's situation, by factor id: they fill the steps nobody answers in the walk. */
export const Prefill = z.record(z.string(), z.object({ value: z.string().max(20), quote: z.string().max(500) }));
export type Prefill = z.infer<typeof Prefill>;

/**
 * The steps a walk asks, in order: every factor except those its verdict already answered (a Refine walk
 * asks only what was left open) and those the channel switched off.
 */
export function askedSteps(matrix: Matrix, prefill: Prefill | undefined, off: ReadonlySet<string>): number[] {
  return matrix.factors.flatMap((f, i) => (prefill?.[f.id] || off.has(f.id) ? [] : [i]));
}

export const nextStep = (asked: readonly number[], from: number) => asked.find((i) => i > from);
export const previousStep = (asked: readonly number[], from: number) => asked.findLast((i) => i < from);

/** Where a step stands among the asked ones ("step 2 of 5"), also for a step switched off since the walk reached it. */
export function position(asked: readonly number[], step: number): { index: number; count: number } {
  const before = asked.filter((i) => i < step).length;
  return { index: before + 1, count: asked.length + (asked.includes(step) ? 0 : 1) };
}

/**
 * Each factor's answers aggregated as the walk counts them: the people's answers; a prefilled answer only
 * where nobody answered or skipped the step, as one person's answer (so a verdict and the walk over the
 * same answers score the same).
 */
export function walkAggregates(
  matrix: Matrix,
  answers: readonly WalkAnswer[],
  skipped: ReadonlySet<number>,
  prefill?: Prefill,
): Map<string, Aggregate> {
  return new Map(
    matrix.factors.map((f, i) => {
      const values = answers.filter((a) => a.step === i).map((a) => a.value);
      const filled = values.length === 0 && !skipped.has(i) ? prefill?.[f.id]?.value : undefined;
      return [f.id, aggregate(f, filled ? [filled] : values, skipped.has(i))];
    }),
  );
}
