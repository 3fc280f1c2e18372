import type { StoredClaim } from '../answers/answers-store.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { Factor, Matrix } from '../matrix/definition.js';
import { aggregateText, verdictHeadline } from '../matrix/render-walk.js';
import type { Aggregate, Contribution, Scorecard, VerdictKind } from '../matrix/scoring.js';
import { type WeightChange, weightLabel } from '../matrix/weights.js';
import { answerLabel, titleOf } from '../matrix/words.js';

/** Where a factor's answer came from, as the record tells it. */
export type AnswerSource = 'answered' | 'read' | 'open' | 'off' | 'skipped';

export interface DriverEntry {
  factor: Factor;
  /** Percent of the sources' weight in the channel (100 = the sources'). */
  percent: number;
  source: AnswerSource;
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

/** A walk's or a verdict's answer to one factor as the record shows it. */
export function answerOf(f: Factor, agg: Aggregate, t: Strings = en): string {
  if (agg.kind === 'importance') return t.scorecard.ofFive(agg.mean);
  if (agg.kind === 'choice' && agg.counts.yes + agg.counts.no + agg.counts['not-sure'] <= 1 && f.scale === 'yes-no')
    return answerLabel(t, agg.value);
  return aggregateText(agg, t);
}

/** A driver's answer in the language of `t` (empty when it is open or switched off). */
export const answerIn = (d: Pick<DriverEntry, 'source' | 'factor' | 'contribution'>, t: Strings) =>
  d.source === 'open' || d.source === 'off' ? '' : answerOf(d.factor, d.contribution.aggregate, t);

/** "Yes (answered in the walk)", "open". */
export const answerWithSource = (d: Pick<DriverEntry, 'source' | 'factor' | 'contribution'>, t: Strings = en) =>
  d.source === 'open' || d.source === 'off' ? t.adr.source[d.source] : `${answerIn(d, t)} (${t.adr.source[d.source]})`;

/**
 * A record's state. Its answers are in English whatever the record's language, so exporting in another
 * language never makes a new revision, and states stored before catalogues existed compare the same.
 */
export function stateOf(input: DecisionInput): DecisionState {
  return {
    answers: Object.fromEntries(input.drivers.map((d) => [d.factor.id, answerWithSource(d, en)])),
    weights: Object.fromEntries(input.weights.map((w) => [w.factorId, w.percent])),
    verdict: input.card.verdict.kind,
    headline: verdictHeadline(input.card),
  };
}

export const sameState = (a: DecisionState, b: DecisionState) =>
  JSON.stringify(a.answers) === JSON.stringify(b.answers) &&
  JSON.stringify(a.weights) === JSON.stringify(b.weights) &&
  a.verdict === b.verdict;

/**
 * A stored answer (English, see stateOf) in the language of `t`, where it is one of the plain
 * forms ("Yes (answered in the walk)", "4 of 5 (read from the situation)", "open"); a tally of several
 * answers stays as stored.
 */
function storedAnswer(stored: string, t: Strings): string {
  if (t === en) return stored;
  const value = (v: string) => {
    const key = Object.entries(en.walk.answer).find(([, label]) => label === v)?.[0];
    if (key) return answerLabel(t, key);
    const of5 = /^([\d.]+) of 5$/.exec(v);
    return of5 ? t.scorecard.ofFive(of5[1]!) : v;
  };
  for (const [source, words] of Object.entries(en.adr.source) as [AnswerSource, string][]) {
    if (stored === words) return t.adr.source[source];
    if (stored.endsWith(` (${words})`)) return `${value(stored.slice(0, -words.length - 3))} (${t.adr.source[source]})`;
  }
  return stored;
}

/** What changed from one revision to the next, one line each: answers, weights, then the verdict. */
export function changes(matrix: Matrix, before: DecisionState, after: DecisionState, t: Strings = en): string[] {
  const out: string[] = [];
  const open = en.adr.source.open;
  for (const f of matrix.factors) {
    const [a, b] = [before.answers[f.id] ?? open, after.answers[f.id] ?? open];
    if (a !== b) out.push(`${titleOf(t, f)}: ${storedAnswer(a, t)} → ${storedAnswer(b, t)}`);
    const [wa, wb] = [before.weights[f.id] ?? 100, after.weights[f.id] ?? 100];
    if (wa !== wb) out.push(t.adr.weightChanged(titleOf(t, f), weightLabel(wa, t), weightLabel(wb, t)));
  }
  const [was, now] = [t.scorecard.headline[before.verdict], t.scorecard.headline[after.verdict]];
  out.push(before.verdict === after.verdict ? t.adr.verdictUnchanged(now) : t.adr.verdictChanged(was, now));
  return out;
}
