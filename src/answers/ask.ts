import type { Taxonomy } from '../knowledge/taxonomy.js';
import { analyse, type QueryAnalysis, type QueryWord, stem } from './analyse.js';
import type { AnswersStore, StoredClaim } from './answers-store.js';
import { findCandidates } from './candidates.js';
import { corroborate, type LeadAnswer, leadAnswer } from './compose.js';
import { figuresAgree } from './disagreements.js';
import { isContextMention, type NamedEntity, namedEntities } from './entities.js';
import { isChatter, namesTheDebate } from './intent-model.js';
import { type MissingFigure, missingFigure } from './missing-figure.js';
import { tokens } from './query.js';
import { type ScoredClaim, scoreCandidates } from './score.js';
import { isWritingWord, sourceScope } from './source-scope.js';
import { correctSpelling, type SpellingIndex } from './spelling.js';
import { GATES } from './weights.js';

export type { LeadAnswer } from './compose.js';
export type { ScoredClaim } from './score.js';

export interface AskOptions {
  limit?: number;
  offset?: number;
  /** The earlier question in a thread: its words help, the new question's words lead. */
  context?: string | undefined;
  /** Rows FTS5 may rank (candidates.ts); the benchmark passes Infinity to compare against exhaustive bm25. */
  rowBudget?: number | undefined;
  /** Runs each stage; the benchmark passes a timer (bench/ask-stages.ts), everyone else leaves it out. */
  stage?: StageRunner | undefined;
}

export type AskStage = 'analyse' | 'fts' | 'score' | 'compose';
export type StageRunner = <T>(name: AskStage, fn: () => T) => T;
const untimed: StageRunner = (_name, fn) => fn();

export interface AskResult {
  query: string;
  /** The question's own search words. */
  terms: string[];
  topics: string[];
  /** A direct answer composed from the best claims, or null when nothing clears the confidence gate. */
  answer: LeadAnswer | null;
  claims: ScoredClaim[];
  /** How many relevant claims exist in all (for paging). */
  total: number;
  analysis: QueryAnalysis;
  /**
   * What the question names that no indexed claim mentions ("Rust", "actix-web", "Python 3.13"): the
   * sources cannot answer it, and nothing else is substituted for it.
   */
  uncovered: string[];
  /**
   * Another source's claim that contradicts the lead answer's ("The threshold essay disagrees: …"): the
   * same stance issue at another position, or the same metric with a figure that does not overlap.
   */
  dissent?: ScoredClaim | StoredClaim | undefined;
  /** Greetings, thanks, jokes, other domains: not a question for the sources (intent-model.ts). */
  chatter?: boolean | undefined;
  /**
   * A question for a measurement (a latency, a memory size, or any figure about the one language asked) that
   * none of the best claims gives: there is no lead answer, and the claims are only the closest they say.
   */
  missingFigure?: MissingFigure | undefined;
}

/** How many claims hold a question word, or the most common of its thesaurus alternatives when more do. */
function indexedAs(store: AnswersStore, w: QueryWord): number {
  return Math.max(store.documentFrequency(w.word), ...(w.alts ?? []).map((a) => store.documentFrequency(a)));
}

/**
 * The intent model's verdict, unless the message itself (not the thread it is in) names a side, a topic
 * or anything in the gazetteer.
 */
export function chatter(store: AnswersStore, taxonomy: Taxonomy, text: string, inThread: boolean): boolean {
  return isChatterOf(store, text, analyse(text, taxonomy), namedEntities(text), inThread);
}

/** `chatter` on an analysis and entities the caller already has (ask computes each once per question). */
function isChatterOf(
  store: AnswersStore,
  text: string,
  own: QueryAnalysis,
  entities: readonly NamedEntity[],
  inThread: boolean,
): boolean {
  if (own.intent === 'smalltalk') return true;
  const anchored = namesTheDebate(text, own) || entities.length > 0;
  // A chat word the thesaurus maps to the sources' words ("mvp" → prototype) is as much the domain's as they are.
  const words = new Map(own.words.map((w) => [w.word, w]));
  const df = (w: string) => {
    const word = words.get(w);
    return word ? indexedAs(store, word) : store.documentFrequency(w);
  };
  const domain = { claims: store.claimTotal(), df };
  return isChatter(text, domain, anchored, inThread);
}

/** Names in the question, other than the team's own past or present, that no claim mentions. */
export function uncoveredEntities(
  store: AnswersStore,
  question: string,
  entities: readonly NamedEntity[] = namedEntities(question),
): string[] {
  return entities
    .filter((e) => !isContextMention(question, e) && !e.forms.some((f) => store.mentions(f)))
    .map((e) => e.name);
}

/**
 * Most of the question's words are unknown to the whole index (and have no thesaurus entry): it may be about
 * something else ("best sci-fi book", "heap size of a Spring Boot app"), or in chat's words ("imo", "prod",
 * "yrs"). Such a question is answered only by a claim that covers the rest of it well (GATES.unfamiliar).
 */
function unfamiliar(store: AnswersStore, q: QueryAnalysis): boolean {
  const unknown = q.words.filter((w) => indexedAs(store, w) === 0).length;
  const share = unknown / Math.max(1, q.words.length);
  // Typos were corrected before this (spelling.ts), so a word still unknown is a name or a subject the sources
  // never use: half of a two-word question ("what time is it in Tokyo") decides, as two of four do.
  return share >= GATES.unknownShare;
}

/** A question that names one document is asked of it; the words that named it are not searched for. */
function scoped(store: AnswersStore, q: QueryAnalysis, context?: string): QueryAnalysis {
  const docs = store.documentNames();
  // A thread about one article ("… according to the go op-ed") goes on asking it until a message names another.
  const fromThread = () => {
    const earlier = context === undefined ? undefined : sourceScope(context, docs);
    return earlier?.explicit ? { ...earlier, naming: [] } : undefined;
  };
  const scope = sourceScope(q.question, docs) ?? fromThread();
  if (!scope) return q;
  // A title word is searched unless it only named the article ("stole my heart") or the question said
  // outright that it names one ("the threshold essay").
  const named = (w: QueryWord) =>
    scope.naming.includes(w.stem) && (scope.explicit || store.documentFrequency(w.word) === 0);
  const words = q.words.filter((w) => !isWritingWord(w.word) && !named(w));
  return { ...q, source: scope.documentId, words: words.length ? words : q.words };
}

/** A claim from another source that contradicts this one, if the index holds one. */
export function dissentFrom(store: AnswersStore, c: StoredClaim | undefined): StoredClaim | undefined {
  if (!c?.stance && !c?.metricKey) return undefined;
  const issue = c.stance?.split(':')[0];
  const position = c.stance?.split(':')[1];
  const others = store
    .contested(c.metricKey && !c.derived ? [c.metricKey] : [], issue ? [issue] : [])
    .filter((o) => o.citation.documentId !== c.citation.documentId && !o.derived);
  return others.find((o) => {
    if (issue && o.stance?.startsWith(`${issue}:`)) return o.stance.split(':')[1] !== position;
    const [fa, fb] = [c.figures[0], o.figures[0]];
    return o.metricKey === c.metricKey && fa !== undefined && fb !== undefined && !figuresAgree(fa, fb);
  });
}

/**
 * analyse → candidates → score → compose. Each stage is a pure function of its inputs and the index;
 * the README's "Answers are a pipeline of pure stages" says what each does, weights.ts holds the numbers.
 */
export function ask(store: AnswersStore, taxonomy: Taxonomy, question: string, opts: AskOptions = {}): AskResult {
  const limit = opts.limit ?? 5;
  const offset = opts.offset ?? 0;
  const stage = opts.stage ?? untimed;
  const { q, empty, stop, unfamiliar } = stage('analyse', () => understand(store, taxonomy, question, opts.context));
  if (stop) return stop;
  const pool = stage('fts', () => findCandidates(store, q, opts.rowBudget));
  if (pool.length === 0) return empty;
  const scored = stage('score', () => {
    // Scoring asks for each word's frequency once per candidate: look each up once per question.
    const dfs = new Map<string, number>();
    const df = (w: string) => dfs.get(w) ?? dfs.set(w, store.documentFrequency(w)).get(w)!;
    return scoreCandidates(q, pool, { claims: store.claimTotal(), df }, taxonomy);
  });
  // Nothing found: no claim covers enough of the question (small talk, off-topic, unknown words).
  // A question mostly in words the index never uses must be answered by a claim that covers it well.
  if (Math.max(...scored.map((c) => c.evidence)) < (unfamiliar ? GATES.unfamiliar : GATES.question)) return empty;
  return stage('compose', () => {
    const ranked = corroborate(
      scored.filter((c) => c.relevant).sort((a, b) => b.score - a.score),
      taxonomy.metrics,
    );
    // "how long are go's gc pauses?": no claim times them, so none of them is the answer.
    const missing = missingFigure(q, ranked.slice(0, 5), taxonomy);
    const answer = offset === 0 && !missing ? leadAnswer(q, ranked, taxonomy, taxonomy.metrics) : null;
    const lead = answer ? ranked.find((c) => c.id === answer.claims[0]) : undefined;
    return {
      ...empty,
      answer,
      dissent: answer ? dissentFrom(store, lead) : undefined,
      missingFigure: missing,
      claims: ranked.slice(offset, offset + limit),
      total: ranked.length,
    };
  });
}

/**
 * The question before retrieval: its analysis (scoped to a named document), and a final result when it is
 * chatter, names something no claim covers, or is mostly words the index does not know.
 */
function understand(
  store: AnswersStore,
  taxonomy: Taxonomy,
  question: string,
  context: string | undefined,
): { q: QueryAnalysis; empty: AskResult; stop?: AskResult; unfamiliar?: boolean } {
  const spelling: SpellingIndex = {
    knows: (w) => store.documentFrequency(w) > 0,
    terms: (prefix) => store.termsStartingWith(prefix),
    surface: (term) => store.surfaceOf(term, stem),
  };
  // Names are found in the words as typed, and are never spelling-corrected into the index's words.
  const entities = namedEntities(question);
  const text = correctSpelling(question, spelling, new Set(entities.flatMap((e) => tokens(e.match))));
  const earlier = context === undefined ? undefined : correctSpelling(context, spelling);
  const analysed = analyse(text, taxonomy, earlier);
  // The message on its own, for the chatter check: the same analysis unless a thread gave it context.
  const own = earlier === undefined ? analysed : analyse(text, taxonomy);
  const q = scoped(store, analysed, earlier);
  const empty: AskResult = {
    query: question,
    terms: q.words.map((w) => w.word),
    topics: q.topics,
    answer: null,
    claims: [],
    total: 0,
    analysis: q,
    uncovered: [],
  };
  if (q.intent === 'smalltalk' || isChatterOf(store, text, own, entities, context !== undefined))
    return { q, empty, stop: { ...empty, chatter: true } };
  const uncovered = uncoveredEntities(store, question, entities);
  if (uncovered.length) return { q, empty, stop: { ...empty, uncovered } };
  return { q, empty, unfamiliar: unfamiliar(store, q) };
}
