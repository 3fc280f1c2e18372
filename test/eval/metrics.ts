import { type EvalQuestion, isNegative, type Kind } from './questions.js';

/** What one system returned for one question, reduced to what the metrics read. */
export interface SystemOutput {
  claims: string[];
  /** The lead answer's text; null when the system offers none (a graded answer then counts as wrong). */
  answer: string | null;
  /** The system said plainly that the sources don't cover what was asked (claims, if any, are only the nearest). */
  declined?: boolean | undefined;
}

/** A negative item counts as answered when the system offers a lead answer or claims without declining. */
export const answered = (o: SystemOutput): boolean => o.answer !== null || (o.claims.length > 0 && !o.declined);

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
  if (!isNegative(question.kind)) {
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
  /** Of the questions that got nothing (no claims, or a plain "not covered"), the share that were negatives. */
  nothingPrecision: number | null;
  /** Of the negative questions, the share that got nothing. */
  nothingRecall: number | null;
  /** Negative questions answered anyway (a lead answer, or claims offered as an answer). */
  negativesAnswered: number;
  negatives: number;
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
  const answerable = rows.filter((r) => !isNegative(r.question.kind));
  const nothing = rows.filter((r) => isNegative(r.question.kind));
  const emptyRows = rows.filter((r) => !answered(r.output));
  const graded = rows.filter((r) => r.answerOk !== undefined);
  return {
    n: rows.length,
    answerable: answerable.length,
    recallAt1: share(answerable.map((r) => r.firstHit === 1)),
    recallAt3: share(answerable.map((r) => r.firstHit !== null && r.firstHit <= 3)),
    mrrAt5: mean(answerable.map((r) => (r.firstHit ? 1 / r.firstHit : 0))),
    empty: share(rows.map((r) => r.output.claims.length === 0)),
    nothingPrecision: share(emptyRows.map((r) => isNegative(r.question.kind))),
    nothingRecall: share(nothing.map((r) => !answered(r.output))),
    negativesAnswered: nothing.filter((r) => answered(r.output)).length,
    negatives: nothing.length,
    answerAccuracy: share(graded.map((r) => r.answerOk === true)),
    answered: graded.length,
    figureAnswerAccuracy: share(graded.filter((r) => isFigure(r.question.kind)).map((r) => r.answerOk === true)),
  };
}
