import type { AnswersStore } from '../answers/answers-store.js';
import type { Locales } from '../chat/locales.js';
import type { Button, Reply } from '../chat/reply.js';
import type { Strings } from '../chat/strings-en.js';
import { cited } from '../knowledge/cited.js';
import type { CitedClaim } from '../knowledge/types.js';
import type { Matrix } from './definition.js';
import type { MatrixStore, Session } from './matrix-store.js';
import { renderScorecard, renderStep } from './render-walk.js';
import { aggregate } from './scoring.js';
import { askedSteps, nextStep, position, previousStep } from './steps.js';
import { channelMatrix, walkOutcome } from './walk-outcome.js';
import { weightsNote } from './weights.js';
import type { MatrixWeights } from './weights-store.js';

/** What drawing a walk's message reads. */
export interface ViewDeps {
  matrix: Matrix;
  store: MatrixStore;
  weights: MatrixWeights;
  answers: AnswersStore;
  /** A walk speaks its place's language, also when redrawn with no request (another's click, expiry). */
  locales: Locales;
  /** The Export decision record button a finished walk's scorecard carries. */
  exportButton?: ((walkId: string, t: Strings) => Button) | undefined;
}

/** The steps a walk asks: its channel's switched-off factors and its verdict's answers are not asked. */
export async function askedOf(d: ViewDeps, s: Session): Promise<number[]> {
  return askedSteps(d.matrix, s.prefill, (await channelMatrix(d.matrix, d.weights, s)).off);
}

function evidence(d: ViewDeps, ids: string[]): CitedClaim[] {
  const found = d.answers.claimsByIds(ids);
  return ids.flatMap((id) => found.filter((c) => c.id === id)).map(cited);
}

/** One step's message: only that step's answers are aggregated (it is re-rendered on every answer). */
export async function stepView(d: ViewDeps, s: Session, userId?: string): Promise<Reply> {
  const factor = d.matrix.factors[s.step]!;
  const answers = (await d.store.answers(s.id)).filter((a) => a.step === s.step);
  const agg = aggregate(
    factor,
    answers.map((a) => a.value),
    (await d.store.skipped(s.id)).has(s.step),
  );
  const yours = userId ? answers.find((a) => a.userId === userId)?.value : undefined;
  const asked = await askedOf(d, s);
  const nav = {
    ...position(asked, s.step),
    back: previousStep(asked, s.step) !== undefined,
    next: nextStep(asked, s.step) !== undefined,
  };
  const view = { agg, evidence: evidence(d, factor.claims), nav, yours };
  return renderStep(d.matrix, s, view, await d.locales.at(s));
}

/** A finished walk's scorecard under its channel's weights, in its place's language. */
export async function scorecardView(d: ViewDeps, s: Session): Promise<Reply> {
  const o = await walkOutcome(d.matrix, d.store, d.weights, s);
  const card = o.card;
  // Cite what the verdict leans on: claims that favor the winning side first.
  const lean = card.go > card.python ? 'go' : card.python > card.go ? 'python' : undefined;
  const claims = evidence(d, card.claims).sort((a, b) => Number(b.favors === lean) - Number(a.favors === lean));
  const t = await d.locales.at(s);
  const extras = {
    filled: o.filled,
    off: o.off,
    note: weightsNote(d.matrix, o.changes, t),
    buttons: d.exportButton ? [d.exportButton(s.id, t)] : [],
  };
  return renderScorecard(card, claims.slice(0, 4), s.mode, extras, t);
}
