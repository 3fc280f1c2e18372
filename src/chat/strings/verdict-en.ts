import { code, md, type RichText } from '../rich.js';

type Direction = 'go' | 'python' | 'split' | 'toss-up' | 'no-signal';

/** `/versus verdict`: the verdict reply, how firm it is, and its buttons and mistakes. */
export const verdictEn = {
  title: (headline: string) => `🧭 Verdict: ${headline}`,
  /** A direction as "could move it to …" names it (Go and Python are their own names). */
  direction: {
    split: 'Split it',
    'toss-up': 'a toss-up',
    'no-signal': 'no verdict',
  } as Record<Exclude<Direction, 'go' | 'python'>, string>,
  or: 'or',
  openFactors: (n: number) => `${n} open factor${n === 1 ? '' : 's'}`,
  nothingOpen: 'Nothing is left open: this is the verdict for these answers.',
  firm: (factors: string) => `Firm: no answers to the ${factors} would change its direction.`,
  notSettled: (factors: string, can: string) => `Not settled: the ${factors} could still move it to ${can}.`,
  could: (factors: string, can: string, cannot: string) =>
    `The ${factors} could move it to ${can}, but not to ${cannot}.`,
  score: (go: number, python: number, read: number, total: number) =>
    `Score: Go ${go} · Python ${python}, from the ${read} of ${total} factors read from your situation. Decided by:`,
  youSaid: (quote: string) => ` — you said “${quote}”`,
  readHeading: 'Read from your words',
  readLine: (title: string, value: string, quote: string): RichText => md`• ${title}: *${value}* — “${quote}”`,
  leftOpen: (n: number, list: string, confidence: string) => `Left open (${n}): ${list || 'none'}. ${confidence}`,
  readWrong:
    'Read wrong? Say it in the situation and ask again. Refine answers the open factors in a walk; Export decision record writes it up as an ADR.',
  nothingReadTitle: 'No factor found',
  nothingRead: (situation: string): RichText =>
    md`I could not read any of the matrix's factors from “${situation}”. Say what the backend does and what matters, e.g. ${code('/versus verdict four of us, a B2B CRUD SaaS, some pandas, no real-time needs, MVP by spring')}, or walk all the questions with ${code('/versus matrix')}.`,
  gone: (): RichText =>
    md`That verdict is too old or not from this channel. Ask again with ${code('/versus verdict <your situation>')}.`,
  refineChannel: '🧭 Refine with the channel',
  refine: '🧭 Refine',
  describe: (): RichText =>
    md`Describe your situation, e.g. ${code('/versus verdict four of us, a CRUD SaaS, MVP by spring')}.`,
  tooLong: 'A situation is a sentence or two: at most 2,000 characters.',
  notAvailable: (): RichText => md`${code('/versus verdict')} is not available on this Versus yet.`,
};
