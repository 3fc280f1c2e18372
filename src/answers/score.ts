import { type FoundFigure, findFigures, unitFamily } from '../knowledge/figures.js';
import type { MetricBook } from '../knowledge/metrics.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { FigureView } from '../knowledge/types.js';
import { type AnswerType, type QueryAnalysis, type QueryWord, stem } from './analyse.js';
import type { Candidate } from './candidates.js';
import { namedEntities } from './entities.js';
import { specificity } from './everyday.js';
import { FRAMING, joinSlashed, SIDE_WORDS, tokens } from './query.js';
import { GATES, KIND_PRIOR, WEIGHTS } from './weights.js';

export interface Features {
  lexical: number;
  coverage: number;
  aid: number;
  context: number;
  entity: number;
  entityMismatch: number;
  answerType: number;
  figure: number;
  derived: number;
  side: number;
  length: number;
  causal: number;
  topic: number;
  source: number;
  given: number;
  /** A question for tools, and the claim names two (1) or one (0.5) of the asked language's. */
  tools: number;
  /** The claim names a language other than Go and Python that the question does not ("Rust's learning curve"). */
  otherLanguage: number;
}

export interface ScoredClaim extends Candidate {
  score: number;
  features: Features;
  relevant: boolean;
  /** Coverage plus entity and unit evidence: the question-level "nothing found" gate reads the best one. */
  evidence: number;
  /** Coverage of the question's words that are not measurement names: what a figure must be about. */
  subject: number;
}

/** How often each word occurs in the index, for IDF weights. */
export interface Frequencies {
  claims: number;
  df(word: string): number;
}

/** bm25's inverse document frequency of a word in `df` of `claims` claims. */
export const bm25Idf = (claims: number, df: number): number => Math.log(1 + (claims - df + 0.5) / (df + 0.5));

/** The question asks which tools exist ("what orm do people use", "kafka client for go?", "go equivalent of celery"). */
const ASKS_TOOLS =
  /\b(?:libs?|librar(?:y|ies)|packages?|frameworks?|tools?|clients?|drivers?|orms?|equivalents?|options|alternatives?|(?:people|folks|ppl|you|teams) use)\b/i;

/** Intents whose answer is a measurement. */
const WANTS_FIGURES = new Set(['figure', 'versus', 'general']);

/** A "why" question is answered by a claim that gives a reason ("needs" and "requires" state amounts, not reasons). */
const CAUSAL = /\b(?:because|since|so that|due to|thanks to|reason|therefore|which is why|as a result)\b/i;

const ANSWER_FAMILY: Record<AnswerType, (family: string) => boolean> = {
  throughput: (f) => f.startsWith('throughput'),
  latency: (f) => f === 'time',
  duration: (f) => f === 'time',
  memory: (f) => f === 'size',
  percent: (f) => f === 'percent',
  ratio: (f) => f === 'ratio',
  count: (f) => f.startsWith('count'),
  year: () => false,
  speed: (f) => f === 'time' || f === 'ratio' || f.startsWith('throughput'),
};

/**
 * Every measurement (non-count figure) the claim gives is one the question already states ("go needs ~20mb for 10k goroutines,
 * what would python threads need"): the asker knows it, so it answers nothing. Counts ("10k") are the
 * question's conditions, which an answer may share.
 */
function restates(given: readonly FoundFigure[], measured: readonly FigureView[]): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.15 * Math.max(Math.abs(a), Math.abs(b));
  return (
    given.length > 0 &&
    measured.length > 0 &&
    measured.every((f) =>
      given.some((g) => unitFamily(g.unit) === unitFamily(f.unit) && near(g.normalized, f.normalized)),
    )
  );
}

export const matchesAnswerType = (f: FigureView, t: AnswerType): boolean => ANSWER_FAMILY[t](unitFamily(f.unit));

/** The claim holds what the question asks for: a figure of that unit family, or a year for "what year". */
function answersType(q: QueryAnalysis, c: Candidate): boolean {
  if (!q.answerType) return false;
  if (q.answerType === 'year') return /\b(?:19|20)\d\d\b/.test(c.text);
  return c.figures.some((x) => matchesAnswerType(x, q.answerType!));
}

interface ClaimWords {
  /** Languages other than Go and Python the claim names ("Rust's learning curve…"). */
  languages: string[];
  /** Stems the claim can be found by. */
  have: Set<string>;
  /** Frameworks and tools it names (not the languages). */
  named: Set<string>;
  /** Those its figures are about. */
  figureEntities: string[];
}

/**
 * What scoring needs to know of a claim's words, computed once per claim and taxonomy: a claim id hashes
 * its text and section, so the entry stays right for as long as the id exists. Bounded, cleared when full.
 */
const WORDS = new WeakMap<Taxonomy, Map<string, ClaimWords>>();
function claimWords(c: Candidate, taxonomy: Taxonomy): ClaimWords {
  let cache = WORDS.get(taxonomy);
  if (!cache) {
    cache = new Map();
    WORDS.set(taxonomy, cache);
  }
  const cached = cache.get(c.id);
  if (cached) return cached;
  const entitiesIn = (text: string) =>
    taxonomy
      .subjectsIn(text)
      .map((s) => s.term.toLowerCase())
      .filter((t) => !SIDE_WORDS[t]);
  const words: ClaimWords = {
    have: claimStems(c, taxonomy.metrics),
    named: new Set(entitiesIn(`${c.text} ${c.figures.map((f) => f.subject).join(' ')}`)),
    figureEntities: c.figures.flatMap((f) => entitiesIn(f.subject)),
    languages: namedEntities(c.text)
      .filter((e) => e.kind === 'language' && !/^(?:go|python)$/i.test(e.name))
      .map((e) => e.name),
  };
  if (cache.size > 20_000) cache.clear();
  cache.set(c.id, words);
  return words;
}

/** Words a claim can be found by: text, the last heading of its section, what its figures measure. */
function claimStems(c: Candidate, metrics: MetricBook): Set<string> {
  const section = c.citation.section.split(' › ').at(-1) ?? '';
  const figureWords = c.figures
    .map((f) => `${f.subject} ${f.metric} ${metrics.lookup(f.metric, f.unit)?.label ?? ''}`)
    .join(' ');
  return new Set(tokens(joinSlashed(`${c.text} ${section} ${figureWords}`)).map(stem));
}

/**
 * Share of the question's words (IDF-weighted) the claim has. A thesaurus alternative counts for part of a
 * word, and so does the claim's topic for a word no claim writes that a topic's phrase names ("network
 * calls" → io-bound): the taxonomy then says what the sources call it.
 */
function idfCoverage(
  words: QueryWord[],
  have: Set<string>,
  idf: (w: QueryWord) => number,
  claim?: { topics: readonly string[]; unwritten: (w: QueryWord) => boolean },
): number {
  let total = 0;
  let hit = 0;
  for (const w of words) {
    const weight = idf(w);
    total += weight;
    if (have.has(w.stem)) hit += weight;
    else if (w.alts?.some((a) => have.has(a))) hit += GATES.altCoverage * weight;
    else if (claim && w.topics?.some((t) => claim.topics.includes(t)) && claim.unwritten(w))
      hit += GATES.altCoverage * weight;
  }
  return total === 0 ? 0 : hit / total;
}

/** A question word's IDF weight, the same for every candidate: computed once per question, not once per claim. */
function wordWeights(freq: Frequencies): (w: QueryWord) => number {
  const idfOf = (df: number) => bm25Idf(freq.claims, df);
  const weights = new Map<QueryWord, number>();
  const wordWeight = (w: QueryWord) => {
    // Words that only frame a request for advice ("pick", "better") say little about what it is about.
    const framing = (FRAMING.has(w.word) ? GATES.framing : 1) * specificity(w.word, GATES.everydayFloor);
    const df = freq.df(w.word);
    if (df > 0) return framing * idfOf(df);
    // An everyday word the digests never use ("scraper") is as specific as the word they use instead.
    const alt = Math.max(
      0,
      ...(w.alts ?? [])
        .map((a) => freq.df(a))
        .filter((n) => n > 0)
        .map(idfOf),
    );
    return framing * (alt || GATES.unknownIdf);
  };
  return (w) => weights.get(w) ?? weights.set(w, wordWeight(w)).get(w)!;
}

/** What scoring needs of the question and the pool, worked out once before the candidates. */
function questionFacts(q: QueryAnalysis, pool: Candidate[], freq: Frequencies, taxonomy: Taxonomy) {
  const best = (key: 'ownRank' | 'aidRank') => Math.min(0, ...pool.map((c) => c[key] ?? 0));
  // "a go orm like django's", "go options? we use celery": with one language asked, frameworks of the other
  // are what the asker compares with, not what they ask about; a claim naming them is no entity match.
  // A question setting them against the language ("is django faster than go") asks about both.
  const other = q.sides.length === 1 && q.intent !== 'versus' ? (q.sides[0] === 'go' ? 'python' : 'go') : undefined;
  // "how many web frameworks does python have" counts them; "which orm do people use" wants them named.
  const wantsTools = ASKS_TOOLS.test(q.question) && q.answerType !== 'count';
  return {
    idf: wordWeights(freq),
    bestOwn: best('ownRank'),
    bestAid: best('aidRank'),
    asked: new Set(q.entities),
    reference: new Set(other ? q.entities.filter((e) => taxonomy.sideOf(e) === other) : []),
    unwritten: (w: QueryWord) => freq.df(w.word) === 0,
    tools: (named: Set<string>) => {
      if (!wantsTools) return 0;
      const own = [...named].filter((e) => q.sides.length !== 1 || taxonomy.sideOf(e) === q.sides[0]);
      return Math.min(1, own.length / 2);
    },
    given: findFigures(q.question).filter((f) => f.dimension !== 'count'),
    languages: new Set(namedEntities(q.question).map((e) => e.name)),
  };
}
type QuestionFacts = ReturnType<typeof questionFacts>;

function featuresOf(q: QueryAnalysis, c: Candidate, words: ClaimWords, facts: QuestionFacts, entityHits: number) {
  const { have, named, figureEntities } = words;
  const measured = c.figures.filter((f) => !unitFamily(f.unit).startsWith('count'));
  return {
    lexical: c.ownRank !== undefined && facts.bestOwn < 0 ? c.ownRank / facts.bestOwn : 0,
    coverage: idfCoverage(q.words, have, facts.idf, { topics: c.topics, unwritten: facts.unwritten }),
    aid: c.aidRank !== undefined && facts.bestAid < 0 ? c.aidRank / facts.bestAid : 0,
    context: q.words.length === 0 || q.context.length === 0 ? 0 : idfCoverage(q.context, have, facts.idf),
    entity: q.entities.length ? entityHits / q.entities.length : 0,
    entityMismatch:
      facts.asked.size > 0 && figureEntities.length > 0 && !figureEntities.some((e) => facts.asked.has(e)) ? 1 : 0,
    // Advice and opinion questions mention units in passing ("a box with little RAM"): a figure is not the answer.
    answerType: answersType(q, c) ? (WANTS_FIGURES.has(q.intent) ? 1 : 0.3) : 0,
    figure: (q.intent === 'figure' || q.intent === 'versus') && measured.length > 0 ? 1 : 0,
    // A ratio question is what derived ratios answer: their source rows hold no ratio to compete with.
    derived: c.derived ? (q.answerType === 'ratio' ? 0.5 : 1) : 0,
    side: q.sides.length === 1 ? (c.side === q.sides[0] ? 1 : c.side === 'both' ? 0.3 : 0) : 0,
    length: Math.min(1, c.text.length / 400),
    causal: q.why && CAUSAL.test(c.text) ? 1 : 0,
    topic: q.topics.length ? q.topics.filter((t) => c.topics.includes(t)).length / q.topics.length : 0,
    source: q.source !== undefined && c.citation.documentId === q.source ? 1 : 0,
    given: restates(facts.given, measured) ? 1 : 0,
    tools: facts.tools(named),
    otherLanguage: words.languages.some((l) => !facts.languages.has(l)) ? 1 : 0,
  } satisfies Features;
}

/** Stage 3: named features per candidate, combined with the weights in weights.ts. Pure. */
export function scoreCandidates(
  q: QueryAnalysis,
  pool: Candidate[],
  freq: Frequencies,
  taxonomy: Taxonomy,
): ScoredClaim[] {
  const facts = questionFacts(q, pool, freq, taxonomy);
  const prior = KIND_PRIOR[q.intent];
  // What a figure must be about: the question's words that do not name a measurement. A question of
  // measurement words only ("memory?") leaves nothing, and every claim's subject coverage is then 1.
  const measured = q.words.filter((w) => !w.unit);
  return pool.map((c): ScoredClaim => {
    const words = claimWords(c, taxonomy);
    const entityHits = q.entities.filter((e) => words.named.has(e) && !facts.reference.has(e)).length;
    const f: Features = featuresOf(q, c, words, facts, entityHits);
    let score = prior[c.kind] ?? 0;
    for (const k of Object.keys(WEIGHTS) as (keyof Features)[]) score += WEIGHTS[k] * f[k];
    // A follow-up ("and for CPU-bound work?") is about the thread's question too: its words count as coverage.
    const coverage = q.context.length ? Math.max(f.coverage, (f.coverage + f.context) / 2) : f.coverage;
    const evidence =
      coverage + GATES.evidence * (Math.min(1, entityHits) + f.answerType + GATES.topicEvidence * f.topic);
    const relevant = q.words.length > 0 && coverage >= GATES.claim;
    const subject = measured.length ? idfCoverage(measured, words.have, facts.idf) : 1;
    return { ...c, score: Math.round(score * 1000) / 1000, features: f, relevant, evidence, subject };
  });
}
