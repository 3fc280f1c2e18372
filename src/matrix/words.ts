import { en, type Strings } from '../chat/strings-en.js';
import type { Factor } from './definition.js';

type Kind = keyof Strings['scorecard']['headline'];

/** What the verdict words read from a scorecard (scoring.ts builds it; this module stays below it). */
export interface VerdictWords {
  verdict: { kind: Kind; toward?: { go: string[]; python: string[] } | undefined };
  contributions: readonly { factorId: string; title: string }[];
}

/**
 * The matrix in a place's language. A factor's title and question are the catalogue's translation when it
 * has one, else matrix.yaml's own words (English, and any factor an operator added); claims stay as cited.
 */
export const factorText = (t: Strings, f: Pick<Factor, 'id' | 'title' | 'question'>) => t.factors[f.id] ?? f;

/** A factor's or a contribution's title in the place's language. */
export const titleOf = (t: Strings, f: { id?: string; factorId?: string; title: string }) =>
  t.factors[f.factorId ?? f.id ?? '']?.title ?? f.title;

/** An answer as its button reads: "Yes", "5 · critical". */
export const answerLabel = (t: Strings, value: string) => t.walk.answer[value] ?? value;

/** "Strong Python", "Split it": what a scorecard's and a verdict's title names. */
export const verdictHeadline = (card: Pick<VerdictWords, 'verdict'>, t: Strings = en) =>
  t.scorecard.headline[card.verdict.kind];

/** The verdict in a sentence; Split it names the (at most two) factors pulling hardest each way. */
export function verdictText(card: VerdictWords, t: Strings = en): string {
  const v = card.verdict;
  if (v.kind !== 'split') return t.scorecard.verdict[v.kind];
  const names = (ids: readonly string[]) =>
    ids.map((id) => titleOf(t, card.contributions.find((c) => c.factorId === id) ?? { id, title: id }));
  return t.scorecard.split(names(v.toward?.go ?? []), names(v.toward?.python ?? []));
}

/** Verdict kinds whose sentence explains more than the headline says. */
export const explained = (card: Pick<VerdictWords, 'verdict'>) =>
  card.verdict.kind === 'split' || card.verdict.kind === 'toss-up' || card.verdict.kind === 'no-signal';
