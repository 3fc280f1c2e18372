import type { StoredClaim } from '../answers/answers-store.js';
import type { Factor, Matrix } from '../matrix/definition.js';
import { aggregateText, verdictHeadline } from '../matrix/render-walk.js';
import type { Aggregate, Contribution, Scorecard, VerdictKind } from '../matrix/scoring.js';
import { type WeightChange, weightLabel } from '../matrix/weights.js';

/** Where a factor's answer came from, as the record tells it. */
export type AnswerSource = 'answered' | 'read' | 'open' | 'off' | 'skipped';

export interface DriverEntry {
  factor: Factor;
  /** Percent of the sources' weight in the channel (100 = the sources'). */
  percent: number;
  source: AnswerSource;
  /** "Yes", "4 of 5", "tie → Not sure (yes 1 · no 1 · not sure 0)". */
  answer: string;
  /** The situation's words that set it, for answers read from it. */
  quote?: string | undefined;
  contribution: Contribution;
  claims: StoredClaim[];
}

export interface Sentiment {
  pollId: string;
  question: string;
  createdAt: string;
  closedAt?: string | undefined;
  options: { label: string; votes: number }[];
  total: number;
}

/** Everything a decision record is written from. */
export interface DecisionInput {
  recordId: string;
  /** "proposed" for a verdict read from a sentence, "accepted" for a walk the team finished. */
  status: 'proposed' | 'accepted';
  date: string;
  situation?: string | undefined;
  /** Who decided: the walk's starter and the people who answered, or whoever asked for the verdict. */
  deciders: string[];
  origin: string;
  card: Scorecard;
  drivers: DriverEntry[];
  weights: WeightChange[];
  /** Open factors' reach, for a verdict ("could move it to Split it but not to Go"). */
  confidence?: string | undefined;
  sentiment?: Sentiment | undefined;
}

/** What the next revision is compared with: each factor's answer, the weights and the verdict. */
export interface DecisionState {
  answers: Record<string, string>;
  weights: Record<string, number>;
  verdict: VerdictKind;
  headline: string;
}

const SOURCE_WORDS: Record<AnswerSource, string> = {
  answered: 'answered in the walk',
  read: 'read from the situation',
  open: 'open',
  off: 'switched off',
  skipped: 'skipped',
};

export const answerWithSource = (d: Pick<DriverEntry, 'source' | 'answer'>) =>
  d.source === 'open' || d.source === 'off' ? SOURCE_WORDS[d.source] : `${d.answer} (${SOURCE_WORDS[d.source]})`;

/** A walk's or a verdict's answer to one factor as the record shows it. */
export function answerOf(f: Factor, agg: Aggregate): string {
  if (agg.kind === 'importance') return `${agg.mean} of 5`;
  if (agg.kind === 'choice' && agg.counts.yes + agg.counts.no + agg.counts['not-sure'] <= 1 && f.scale === 'yes-no')
    return agg.value === 'yes' ? 'Yes' : agg.value === 'no' ? 'No' : 'Not sure';
  return aggregateText(agg);
}

export function stateOf(input: DecisionInput): DecisionState {
  return {
    answers: Object.fromEntries(input.drivers.map((d) => [d.factor.id, answerWithSource(d)])),
    weights: Object.fromEntries(input.weights.map((w) => [w.factorId, w.percent])),
    verdict: input.card.verdict.kind,
    headline: verdictHeadline(input.card),
  };
}

export const sameState = (a: DecisionState, b: DecisionState) =>
  JSON.stringify(a.answers) === JSON.stringify(b.answers) &&
  JSON.stringify(a.weights) === JSON.stringify(b.weights) &&
  a.verdict === b.verdict;

/** What changed from one revision to the next, one line each: answers, weights, then the verdict. */
export function changes(matrix: Matrix, before: DecisionState, after: DecisionState): string[] {
  const out: string[] = [];
  for (const f of matrix.factors) {
    const [a, b] = [before.answers[f.id] ?? 'open', after.answers[f.id] ?? 'open'];
    if (a !== b) out.push(`${f.title}: ${a} → ${b}`);
    const [wa, wb] = [before.weights[f.id] ?? 100, after.weights[f.id] ?? 100];
    if (wa !== wb) out.push(`${f.title} weight: ${weightLabel(wa)} → ${weightLabel(wb)}`);
  }
  out.push(
    before.verdict === after.verdict
      ? `Verdict unchanged: ${after.headline}`
      : `Verdict: ${before.headline} → ${after.headline}`,
  );
  return out;
}
