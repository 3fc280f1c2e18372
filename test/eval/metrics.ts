import type { EvalQuestion, Kind } from './questions.js';

/** What one system returned for one question, reduced to what the metrics read. */
export interface SystemOutput {
  claims: string[];
  /** The lead answer's text; null when the system offers none (a graded answer then counts as wrong). */
  answer: string | null;
}

export interface Scored {
  question: EvalQuestion;
  output: SystemOutput;
  /** 1-based rank of the first claim matching an `expect` regex within the top 5; null if none. */
  firstHit: number | null;
  /** Lead answer matches every `answer` regex; undefined when the item grades no answer. */
  answerOk?: boolean | undefined;
}

export const K = 5;

export function matchesAny(text: string, res: RegExp[]): boolean {
  return res.some((re) => re.test(text));
}

export function score(question: EvalQuestion, output: SystemOutput): Scored {
  let firstHit: number | null = null;
  if (question.kind !== 'nothing') {
    const i = output.claims.slice(0, K).findIndex((t) => matchesAny(t, question.expect));
    firstHit = i >= 0 ? i + 1 : null;
  }
  const answerOk = question.answer
    ? output.answer !== null && question.answer.every((re) => re.test(output.answer!))
    : undefined;
  return { question, output, firstHit, answerOk };
}

/** null where a metric has no denominator (e.g. precision when nothing ever came back empty). */
export interface Metrics {
  n: number;
  answerable: number;
  recallAt1: number | null;
  recallAt3: number | null;
  mrrAt5: number | null;
  /** Share of this group's questions that got no claims at all. */
  empty: number | null;
  /** Of the questions that got no claims, the share that were `nothing` questions. */
  nothingPrecision: number | null;
  /** Of the `nothing` questions, the share that got no claims. */
  nothingRecall: number | null;
  /** Over items with `answer:`: the lead answer matched all of them. */
  answerAccuracy: number | null;
  answered: number;
  /** The same, over figure and versus-figure items only (the figure target). */
  figureAnswerAccuracy: number | null;
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const share = (xs: boolean[]): number | null => mean(xs.map((x) => (x ? 1 : 0)));
const isFigure = (k: Kind) => k === 'figure' || k === 'versus-figure';

export function aggregate(rows: Scored[]): Metrics {
  const answerable = rows.filter((r) => r.question.kind !== 'nothing');
  const nothing = rows.filter((r) => r.question.kind === 'nothing');
  const emptyRows = rows.filter((r) => r.output.claims.length === 0);
  const graded = rows.filter((r) => r.answerOk !== undefined);
  return {
    n: rows.length,
    answerable: answerable.length,
    recallAt1: share(answerable.map((r) => r.firstHit === 1)),
    recallAt3: share(answerable.map((r) => r.firstHit !== null && r.firstHit <= 3)),
    mrrAt5: mean(answerable.map((r) => (r.firstHit ? 1 / r.firstHit : 0))),
    empty: share(rows.map((r) => r.output.claims.length === 0)),
    nothingPrecision: share(emptyRows.map((r) => r.question.kind === 'nothing')),
    nothingRecall: share(nothing.map((r) => r.output.claims.length === 0)),
    answerAccuracy: share(graded.map((r) => r.answerOk === true)),
    answered: graded.length,
    figureAnswerAccuracy: share(graded.filter((r) => isFigure(r.question.kind)).map((r) => r.answerOk === true)),
  };
}
