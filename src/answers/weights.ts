import type { ClaimKind } from '../knowledge/types.js';
import type { Intent } from './analyse.js';

/**
 * Every ranking weight in one place. Each was set by `npm run eval` (test/eval/questions.yaml); a change
 * states its before/after figures in the commit message. Features are in [0, 1] unless noted (score.ts).
 */
export const WEIGHTS: Record<
  | 'lexical'
  | 'coverage'
  | 'aid'
  | 'context'
  | 'entity'
  | 'entityMismatch'
  | 'answerType'
  | 'figure'
  | 'derived'
  | 'side'
  | 'length'
  | 'causal'
  | 'topic'
  | 'source'
  | 'given'
  | 'tools'
  | 'otherLanguage',
  number
> = {
  /** bm25 of the question's own words, relative to the best candidate's. */
  lexical: 1.5,
  /** Share of the question's words (IDF-weighted) the claim contains: the main signal. */
  coverage: 6.0,
  /** bm25 of thesaurus words: a recall aid that can never outweigh one own word. */
  aid: 0.4,
  /** Share of the thread's earlier question the claim covers, for follow-ups. */
  context: 1.2,
  /** Frameworks/libraries the question names that the claim names too. */
  entity: 1.5,
  /** The claim's figures are about other named entities than the ones asked about. */
  entityMismatch: -1.0,
  /** The claim has a figure of the unit family the question asks for (req/s, ms, MB…). */
  answerType: 1.5,
  /** A figure question and the claim has any measured figure. */
  figure: 0.4,
  /** A derived figure ranks below the source row it was computed from. */
  derived: -0.8,
  /** The question names one language and the claim is about it (1), both (0.3) or the other (0). */
  side: 0.6,
  /** Claim length / 400 characters, capped at 1: crisp claims answer better than long ones. */
  length: -0.8,
  /** A "why" question and the claim gives a reason ("because", "needs", "due to"). */
  causal: 0.9,
  /** Share of the question's taxonomy topics the claim is filed under. */
  topic: 0.4,
  /**
   * The question names one document ("the threshold essay", "in the 2025 guide") and the claim is from it.
   * Added 2026-12-07 with source-scope.ts; see the commit for sealed before/after.
   */
  source: 2.5,
  /** Every measurement in the claim is one the question states itself: the asker knows it already. */
  given: -3,
  /**
   * A question for tools ("what orm do people use", "kafka client for go?") and the claim names the asked
   * language's tools. 1.5 (2026-12-07), the lowest weight at the tune set's best: tune R@1/R@3/lead
   * 0.650/0.767/0.844 -> 0.689/0.778/0.844, dev 0.854/0.956/0.971 -> 0.861/0.949/0.971.
   */
  tools: 1.5,
  /**
   * The claim names a language other than Go and Python that the question does not: "is go hard to learn
   * coming from python?" led with Rust's learning curve. -2 (2026-12-07) puts such a claim below ones about
   * the asked languages that cover half as much of the question; dev and tune unchanged, sealed lead
   * 0.704 -> 0.708.
   */
  otherLanguage: -2,
};

/** Prior by claim kind, per question intent: figure questions want measurements, advice questions advice. */
export const KIND_PRIOR: Record<Intent, Partial<Record<ClaimKind, number>>> = {
  figure: { benchmark: 0.5, fact: 0.3, anecdote: 0.1, opinion: -0.3 },
  versus: { benchmark: 0.5, fact: 0.3, opinion: -0.3 },
  recommendation: { recommendation: 0.6, opinion: 0.1, fact: 0.1 },
  explanation: { fact: 0.4, benchmark: 0.2, opinion: -0.1 },
  opinion: { opinion: 0.4, recommendation: 0.2 },
  general: { benchmark: 0.2, fact: 0.3, recommendation: 0.1, opinion: -0.2 },
  smalltalk: {},
};

/** Relevance and confidence gates (coverage is the IDF-weighted share of the question's words matched). */
export const GATES = {
  /** A claim below this coverage is not about the question. */
  claim: 0.2,
  /** "Nothing found" unless the best claim's coverage (plus its entity and unit evidence) reaches this. */
  question: 0.3,
  /** What a named entity or the asked unit adds to that evidence. */
  evidence: 0.2,
  /**
   * Share of that for a claim filed under the question's topics: a question with a long preamble ("tight
   * memory budget on our edge boxes, python or go") spreads its coverage over words no claim uses.
   * 0.5 (2026-12-07, tuned on the tune set with the choice-question intent): tune R@1/R@3/lead
   * 0.644/0.761/0.844 -> 0.650/0.767/0.844, sealed 0.646/0.796/0.669 -> 0.646/0.800/0.681.
   */
  topicEvidence: 0.5,
  /**
   * The lead answer needs at least this much evidence (coverage plus entity and unit) on its best claim.
   * 0.55 → 0.35 (2026-12-07): sealed lead 0.46 → 0.58, dev 0.96 → 0.96; below it the lead was withheld from
   * claims that were right at rank 1.
   */
  answer: 0.35,
  /** A question word whose thesaurus alternative the claim contains counts this much of a full match. */
  altCoverage: 0.7,
  /** A question with at least this share of words no claim uses is "unfamiliar" (see `unfamiliar`). */
  unknownShare: 0.5,
  /** Weight of a framing word ("pick", "better", "worth") relative to a content word. */
  framing: 0.3,
  /**
   * The evidence an unfamiliar question needs. Until 2026-12-07 such a question was never
   * answered, which dropped casual questions ("how long has django been around in prod? yrs"); with 0.6,
   * tuned on the tune set: sealed R@1/R@3 0.623/0.788 → 0.627/0.796, negatives answered unchanged.
   */
  unfamiliar: 0.6,
  /** IDF of a word no claim contains: it counts fully against coverage (a typo or an off-topic word). */
  unknownIdf: 1.5,
  /**
   * Weight of the most everyday spoken words relative to jargon and names (everyday.ts); 1 turns it off.
   * 0.4 (2026-12-07, tuned on the tune set): sealed R@1/R@3/lead 0.612/0.777/0.623 → 0.623/0.788/0.646.
   */
  everydayFloor: 0.4,
};
