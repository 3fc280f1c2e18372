import { md, type Rich, type RichText } from '../rich.js';

type Kind = 'strong-go' | 'lean-go' | 'toss-up' | 'lean-python' | 'strong-python' | 'split' | 'no-signal';

const lower = (names: string[]) => names.map((n) => n.toLowerCase()).join(' and ');

/** A walk's scorecard and the verdict words the walk, `/versus verdict` and decision records share. */
export const scorecardEn = {
  title: (headline: string) => `🧭 Scorecard — ${headline}`,
  score: 'Score',
  total: 'Total',
  switchedOff: 'switched off in this channel',
  /** A factor answered from a verdict's situation: "Yes, read from “…”". */
  readFrom: (value: string, quote: string) => `${value}, read from “${quote}”`,
  ofFive: (n: number | string) => `${n} of 5`,
  deciding: (list: string) => `Deciding factors: ${list}`,
  verdictLine: (text: string): RichText => md`*Verdict: ${text}*`,
  why: 'Why: the evidence behind the deciding factors',
  /** Names of the verdict's kinds: the title of a scorecard or verdict reply. */
  headline: {
    'strong-go': 'Strong Go',
    'lean-go': 'Lean Go',
    'toss-up': 'Toss-up',
    'lean-python': 'Lean Python',
    'strong-python': 'Strong Python',
    split: 'Split it',
    'no-signal': 'No verdict',
  } as Record<Kind, string>,
  /** The verdict in a sentence; Split it names the factors that pull each way (their titles). */
  verdict: {
    'no-signal': 'No verdict: every step was skipped or answered "not sure".',
    'strong-go': 'Strong Go.',
    'lean-go': 'Lean Go.',
    'strong-python': 'Strong Python.',
    'lean-python': 'Lean Python.',
    'toss-up': 'Toss-up: the factors cancel out; pick what the team knows best.',
  } as Record<Exclude<Kind, 'split'>, string>,
  split: (go: string[], python: string[]) =>
    `Split it: Go for the parts driven by ${lower(go)}, Python for the parts driven by ${lower(python)} — the hybrid the sources describe.`,
  weightLabel: (percent: number) => (percent === 0 ? 'off' : `×${percent / 100}`),
  weightsNote: (list: string, by: Rich, day: string): RichText =>
    md`⚖️ Weights changed in this channel: ${list} — by ${by} on ${day}. The sources' defaults apply to the rest.`,
};
