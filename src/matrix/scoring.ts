import type { Factor, Matrix } from './definition.js';
import { verdictText } from './words.js';

export const CHOICES = ['yes', 'no', 'not-sure'] as const;
export const IMPORTANCE = ['1', '2', '3', '4', '5', 'not-sure'] as const;
export type AnswerValue = (typeof CHOICES)[number] | (typeof IMPORTANCE)[number];

/** What a step's answers add up to. Ties and "not sure" are outcomes of their own, never guessed away. */
export type Aggregate =
  | { kind: 'skipped' }
  | { kind: 'unanswered' }
  | {
      kind: 'choice';
      value: 'yes' | 'no' | 'not-sure';
      tie: boolean;
      counts: Record<'yes' | 'no' | 'not-sure', number>;
    }
  | { kind: 'importance'; mean: number; answers: number; notSure: number };

/** Majority for yes/no (a yes–no tie counts as not sure); mean for importance (not-sure answers left out). */
export function aggregate(factor: Factor, values: string[], skipped = false): Aggregate {
  if (skipped) return { kind: 'skipped' };
  if (values.length === 0) return { kind: 'unanswered' };
  if (factor.scale === 'yes-no') {
    const counts = { yes: 0, no: 0, 'not-sure': 0 };
    for (const v of values) if (v in counts) counts[v as keyof typeof counts]++;
    const tie = counts.yes === counts.no && counts.yes > 0;
    const top = counts.yes > counts.no ? 'yes' : 'no';
    const value = tie || counts['not-sure'] > Math.max(counts.yes, counts.no) ? 'not-sure' : top;
    return { kind: 'choice', value, tie, counts };
  }
  const numbers = values.filter((v) => /^[1-5]$/.test(v)).map(Number);
  const notSure = values.length - numbers.length;
  if (numbers.length === 0)
    return { kind: 'choice', value: 'not-sure', tie: false, counts: { yes: 0, no: 0, 'not-sure': notSure } };
  return {
    kind: 'importance',
    mean: Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 10) / 10,
    answers: numbers.length,
    notSure,
  };
}

export interface Contribution {
  factorId: string;
  title: string;
  go: number;
  python: number;
  /** go − python: positive pulls toward Go. */
  net: number;
  aggregate: Aggregate;
  claims: string[];
}

export type VerdictKind = 'strong-go' | 'lean-go' | 'toss-up' | 'lean-python' | 'strong-python' | 'split' | 'no-signal';

/** The direction a verdict takes: what "could move it to Split it but not to Go" speaks of. */
export type Direction = 'go' | 'python' | 'split' | 'toss-up' | 'no-signal';

export const direction = (k: VerdictKind): Direction =>
  k === 'strong-go' || k === 'lean-go' ? 'go' : k === 'strong-python' || k === 'lean-python' ? 'python' : k;

export interface Scorecard {
  go: number;
  python: number;
  contributions: Contribution[];
  deciding: Contribution[];
  /**
   * `text` is the English sentence (the command line's JSON); replies word it in their place's language
   * from `kind` and, for Split it, the factors pulling hardest each way (`toward`, factor ids).
   */
  verdict: { kind: VerdictKind; text: string; toward?: { go: string[]; python: string[] } | undefined };
  claims: string[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function contribution(factor: Factor, agg: Aggregate): Contribution {
  let go = 0;
  let python = 0;
  if (agg.kind === 'choice' && agg.value !== 'not-sure' && factor.scale === 'yes-no') {
    ({ go, python } = factor.weights[agg.value]);
  } else if (agg.kind === 'importance' && factor.scale === 'importance') {
    const m = (agg.mean - 1) / 4; // importance 1 → 0, 5 → full weight
    go = factor.weights.go * m;
    python = factor.weights.python * m;
  }
  return {
    factorId: factor.id,
    title: factor.title,
    go: round(go),
    python: round(python),
    net: round(go - python),
    aggregate: agg,
    claims: factor.claims,
  };
}

/** A pull of at least this many points each way is "pulling hard both ways". */
const SPLIT_PULL = 2;

/** What a verdict's kind depends on: the net pull, the sum of the pulls, and whether any factor pulls hard each way. */
export interface Balance {
  net: number;
  magnitude: number;
  hardGo: boolean;
  hardPython: boolean;
}

export const pullsHard = (net: number): 'go' | 'python' | undefined =>
  net >= SPLIT_PULL ? 'go' : -net >= SPLIT_PULL ? 'python' : undefined;

/** The verdict's kind from the balance of the factors: the one rule the walk and `/versus verdict` share. */
export function classify(b: Balance): VerdictKind {
  const ratio = b.magnitude === 0 ? 0 : b.net / b.magnitude;
  if (b.magnitude === 0) return 'no-signal';
  if (b.hardGo && b.hardPython && Math.abs(ratio) < 0.5) return 'split';
  if (ratio >= 0.5) return 'strong-go';
  if (ratio >= 0.15) return 'lean-go';
  if (ratio <= -0.5) return 'strong-python';
  if (ratio <= -0.15) return 'lean-python';
  return 'toss-up';
}

/** The final scorecard: totals, each factor's part, the deciding factors and a verdict with its strength. */
export function score(matrix: Matrix, aggregates: Map<string, Aggregate>): Scorecard {
  const contributions = matrix.factors.map((f) => contribution(f, aggregates.get(f.id) ?? { kind: 'unanswered' }));
  const go = round(contributions.reduce((a, c) => a + c.go, 0));
  const python = round(contributions.reduce((a, c) => a + c.python, 0));
  const deciding = [...contributions]
    .filter((c) => c.net !== 0)
    .sort((a, b) => Math.abs(b.net) - Math.abs(a.net))
    .slice(0, 3);
  const towardGo = contributions.filter((c) => pullsHard(c.net) === 'go').sort((a, b) => b.net - a.net);
  const towardPython = contributions.filter((c) => pullsHard(c.net) === 'python').sort((a, b) => a.net - b.net);
  const kind = classify({
    net: go - python,
    magnitude: contributions.reduce((a, c) => a + Math.abs(c.net), 0),
    hardGo: towardGo.length > 0,
    hardPython: towardPython.length > 0,
  });
  const ids = (cs: Contribution[]) => cs.slice(0, 2).map((c) => c.factorId);
  const toward = kind === 'split' ? { go: ids(towardGo), python: ids(towardPython) } : undefined;
  const text = verdictText({ verdict: { kind, toward }, contributions });
  const claims = [...new Set(deciding.flatMap((c) => c.claims))];
  return { go, python, contributions, deciding, verdict: { kind, text, toward }, claims };
}
