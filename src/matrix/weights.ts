import { mention, type RichText } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { Factor, Matrix } from './definition.js';
import { titleOf } from './words.js';

/**
 * A channel's change to one factor's weight: a percentage of the sources' weights (100 = as the sources
 * say, 0 = switched off). Defaults are never stored: a channel nobody tuned scores as matrix.yaml says.
 */
export interface WeightChange {
  factorId: string;
  percent: number;
  updatedBy: string;
  updatedAt: string;
}

/** The most a factor may be scaled: three times the sources' weight. */
export const MAX_PERCENT = 300;

const scaled = (d: { go: number; python: number }, k: number) => ({ go: d.go * k, python: d.python * k });

/** The matrix as a channel scores it: each changed factor's weights scaled (switched off → 0). */
export function weighted(matrix: Matrix, changes: readonly WeightChange[]): Matrix {
  if (changes.length === 0) return matrix;
  const k = new Map(changes.map((c) => [c.factorId, c.percent / 100]));
  return {
    ...matrix,
    factors: matrix.factors.map((f): Factor => {
      const m = k.get(f.id);
      if (m === undefined) return f;
      return f.scale === 'yes-no'
        ? { ...f, weights: { yes: scaled(f.weights.yes, m), no: scaled(f.weights.no, m) } }
        : { ...f, weights: scaled(f.weights, m) };
    }),
  };
}

/** Factors a channel switched off: the walk does not ask them, and they count for nothing. */
export const switchedOff = (changes: readonly WeightChange[]) =>
  new Set(changes.filter((c) => c.percent === 0).map((c) => c.factorId));

/** "×1.5", "off" (German: "×1,5", "aus"). */
export const weightLabel = (percent: number, t: Strings = en) => t.scorecard.weightLabel(percent);

/** The day of a change, as the scorecard and the record show it: "2026-03-01". */
const day = (iso: string) => iso.slice(0, 10);

/**
 * "Weights changed in this channel: ML and data work ×2, Hiring off — by @ana on 2026-03-01" (the latest
 * change's author and day; each change is listed under `/versus matrix weights`).
 */
export function weightsNote(matrix: Matrix, changes: readonly WeightChange[], t: Strings = en): RichText | undefined {
  if (changes.length === 0) return undefined;
  const byId = new Map(changes.map((c) => [c.factorId, c]));
  const list = matrix.factors
    .flatMap((f) => {
      const c = byId.get(f.id);
      return c ? [`${titleOf(t, f)} ${weightLabel(c.percent, t)}`] : [];
    })
    .join(', ');
  const latest = [...changes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
  return t.scorecard.weightsNote(list, [mention(latest.updatedBy)], day(latest.updatedAt));
}
