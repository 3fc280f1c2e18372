import { stemmer } from 'stemmer';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import { FRAMING, joinSlashed, MAX_TERMS, SIDE_WORDS, STOPWORDS, tokens } from './query.js';

/** What a figure question wants back, by the unit family of the answer. */
export type AnswerType =
  | 'throughput'
  | 'latency'
  | 'memory'
  | 'duration'
  | 'percent'
  | 'ratio'
  | 'count'
  | 'speed'
  | 'year';
export type Intent = 'smalltalk' | 'versus' | 'figure' | 'recommendation' | 'explanation' | 'opinion' | 'general';

export interface QueryWord {
  word: string;
  stem: string;
  /** Stems of the digests' words for the same idea (thesaurus): a claim with one of them half-covers this word. */
  alts?: string[] | undefined;
  /** Topics a phrase of the question files this word under ("network calls", "waiting" → io-bound). */
  topics?: string[] | undefined;
  /** The word names a measurement ("ms", "memory", "rps", "pauses"), not what is measured. */
  unit?: true | undefined;
}

/** Stage 1 of answering: what the question asks, before anything is searched. Pure. */
export interface QueryAnalysis {
  question: string;
  intent: Intent;
  /** The question's own content words, deduplicated, in order (side words excluded). */
  words: QueryWord[];
  /** Everyday words translated to the digests' vocabulary (thesaurus): a low-weight recall aid. */
  expansions: QueryWord[];
  /** Content words of the earlier question in a thread, for follow-ups ("and for CPU-bound work?"). */
  context: QueryWord[];
  /** Languages the question names. */
  sides: ('go' | 'python')[];
  /** Frameworks, libraries and tools the question names (taxonomy side terms other than the languages). */
  entities: string[];
  answerType?: AnswerType | undefined;
  /** A "why" question: claims that give a reason answer it. */
  why: boolean;
  topics: string[];
  /** The one document the question names ("what does the threshold essay say…"), set by ask(). */
  source?: string | undefined;
}

/** Porter stem, memoised: the same few thousand words are stemmed on every question. */
const STEMS = new Map<string, string>();
export function stem(w: string): string {
  let s = STEMS.get(w);
  if (s === undefined) {
    if (STEMS.size > 50_000) STEMS.clear();
    s = stemmer(w);
    STEMS.set(w, s);
  }
  return s;
}

const ANSWER_TYPES: [RegExp, AnswerType][] = [
  [/\bwhat year\b|\bwhen (?:was|did|were)\b.*\b(?:created|released|launched|come out|came out|born|start)/i, 'year'],
  [
    /\b(?:how much|how many times|times|x) (?:faster|slower|quicker)\b|\bspeed-?ups?\b|\bratio\b|\bhow much faster\b/i,
    'ratio',
  ],
  [
    /\breq(?:uest)?s?\s*(?:\/|per)\s*s(?:ec(?:ond)?)?\b|\brps\b|\bqps\b|\bthroughput\b|\bhow many requests\b|\brecords\/s\b/i,
    'throughput',
  ],
  [/\blatenc\w*|\bms\b|\bpauses?\b|\bp99\b|\bresponse times?\b|\bmilliseconds?\b/i, 'latency'],
  [/\bmemory\b|\bram\b|\b[kmg]i?b\b|\bfootprint\b|\bstack size\b|\bhow (?:big|heavy|much space)\b/i, 'memory'],
  [/\bsalar\w*|\bpay\b|\bpaid\b|\bpremium\b|\bpercent\w*|%|\bbill\b|\bcost (?:more|less)\b/i, 'percent'],
  [/\bhow long\b|\bhow many (?:days|weeks|hours|seconds)\b|\bseconds?\b|\btime to\b|\brun ?times?\b/i, 'duration'],
  [/\bhow many\b|\bmax(?:imum)? concurrency\b|\bhow much concurrency\b/i, 'count'],
  [/\bspeed\b|\bfast(?:er|est)?\b|\bquick(?:er)?\b|\bperformance\b/i, 'speed'],
];

/**
 * A question that ends by naming both languages as the choice ("… go or python?") asks which to pick,
 * whatever figures its preamble mentions ("a prototype in 2 weeks", "a tight memory budget").
 */
const CHOICE = /\b(?:go(?:lang)?|python|py) *(?:,|or|vs\.?|versus) *(?:go(?:lang)?|python|py)\W*$/i;
/** "what's faster, go or python?" still asks for the two figures. */
const MEASURED_COMPARISON =
  /\b(?:faster|slower|quicker|lighter|heavier|smaller|bigger|cheaper|lower|higher|less|more|fewer)\b/i;

const INTENTS: [RegExp, Intent][] = [
  [
    /\b(?:should (?:i|we|you)|recommend\w*|when (?:to|should|would)|which (?:one|language|should|is better|is best)|better (?:choice|fit|for|if)|tip it|smart|good idea|pick|choose|go with|worth (?:it|switching)|right (?:choice|default))\b/i,
    'recommendation',
  ],
  [
    /\b(?:think|opinion|feel|overrated|underrated|love|hate|fan of|honestly|good enough|fast enough|worth it|dying|premature)\b/i,
    'opinion',
  ],
  [/^(?:why|how (?:does|do|is|are|can|come))\b|\bexplain\b|\bwhat (?:is|are|does|do)\b|\bwhat's\b/i, 'explanation'],
];

/** Two things set against each other: "vs", "than", "compared to", "between gin and django", "as fast as go". */
export const VERSUS =
  /\bvs\.?\b|\bversus\b|\bcompared? (?:to|with)\b|\bagainst\b|\bor\b|\bthan\b|\bbetween\b.+\band\b|\bas \w+ as\b/i;
const FIGURE = /\bhow (?:much|many|fast|big|long|slow|quick|heavy)\b|\bwhat(?:'s| is) the (?:number|figure)\b|\b\d/i;

function words(text: string, exclude: Set<string> = new Set()): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  for (const t of tokens(joinSlashed(text))) {
    if (SIDE_WORDS[t] || STOPWORDS.has(t) || (t.length < 2 && !/\d/.test(t))) continue;
    const s = stem(t);
    if (seen.has(s) || exclude.has(s)) continue;
    seen.add(s);
    out.push(ANSWER_TYPES.some(([re]) => re.test(t)) ? { word: t, stem: s, unit: true } : { word: t, stem: s });
    if (out.length >= MAX_TERMS) break;
  }
  return out;
}

/** Nothing to ask about: emoji, punctuation, only function words. The intent model (intent-model.ts) judges the rest. */
export function isEmpty(text: string): boolean {
  return tokens(text).every((t) => STOPWORDS.has(t));
}

/** "cheaper" → cheap, "easier" → easy, "lighter" → light, "safest" → safe: the stemmer keeps comparatives whole. */
function comparativeBases(word: string): string[] {
  const m = /^([a-z]{3,}?)(i?)(er|est)$/.exec(word);
  if (!m) return [];
  const [, root, i] = m;
  if (i) return [`${root}y`];
  // "bigger" → big, "safer" → safe, "faster" → fast
  const undoubled = /([bdglmnpt])\1$/.test(root!) ? root!.slice(0, -1) : undefined;
  return [root!, `${root}e`, ...(undoubled ? [undoubled] : [])];
}

export function analyse(question: string, taxonomy: Taxonomy, context?: string): QueryAnalysis {
  let own = words(question);
  let earlier = context ? words(context, new Set(own.map((w) => w.stem))) : [];
  // "and python?", "go equivalent?": nothing to search but a side word or a framing word, so the thread's
  // question is the search.
  const followUp = earlier.length > 0 && own.every((w) => FRAMING.has(w.word));
  if (followUp) [own, earlier] = [earlier, []];
  const ownStems = new Set(own.map((w) => w.stem));
  // A terse follow-up ("what about memory?", "and django?") fills what it leaves out from the thread's
  // question: its frameworks, languages and the unit it asked for; what the follow-up names replaces them.
  const terse = context !== undefined && (own.length <= 2 || followUp);
  const entitiesIn = (text: string) => [
    ...new Set(
      taxonomy
        .subjectsIn(text)
        .map((s) => s.term.toLowerCase())
        .filter((t) => !SIDE_WORDS[t]),
    ),
  ];
  const sidesIn = (text: string) => [...new Set(tokens(text).flatMap((t) => (SIDE_WORDS[t] ? [SIDE_WORDS[t]] : [])))];
  const typeIn = (text: string) => ANSWER_TYPES.find(([re]) => re.test(text))?.[1];
  // A follow-up that names its own subject ("what about a Python thread?") replaces the thread's: only a
  // follow-up naming neither a language nor a framework inherits them.
  const ownEntities = entitiesIn(question);
  const ownSides = sidesIn(question);
  const inheritsSubject = terse && ownEntities.length === 0 && ownSides.length === 0;
  const entities = inheritsSubject ? entitiesIn(context ?? '') : ownEntities;
  const sides = inheritsSubject ? sidesIn(context ?? '') : ownSides;
  const answerType = typeIn(question) ?? (terse ? typeIn(context ?? '') : undefined);
  const hits = taxonomy.thesaurus(question);
  for (const w of own) {
    const alts = hits
      .filter((h) => tokens(h.text).includes(w.word))
      .flatMap((h) => h.words.flatMap((x) => tokens(x).map(stem)));
    alts.push(...comparativeBases(w.word).map(stem));
    if (alts.length) w.alts = [...new Set(alts)];
  }
  for (const p of taxonomy.topicPhrases(question)) {
    const inPhrase = tokens(p.text);
    for (const w of own) if (inPhrase.includes(w.word)) w.topics = [...new Set([...(w.topics ?? []), ...p.topics])];
  }
  const expansionText = hits.flatMap((h) => h.words).join(' ');
  const smalltalk = isEmpty(question);
  const named = entities.length + (sides.length > 1 ? sides.length : 0);
  let intent: Intent = INTENTS.find(([re]) => re.test(question))?.[1] ?? 'general';
  const why = /^\s*why\b|\bwhy (?:do|does|is|are|did)\b|\bhow come\b/i.test(question);
  if (smalltalk) intent = 'smalltalk';
  else if (CHOICE.test(question) && !MEASURED_COMPARISON.test(question)) intent = 'recommendation';
  // "why is go faster than python?" asks for the reason, not for the figures it names.
  else if (why) intent = 'explanation';
  else if (VERSUS.test(question) && (named >= 2 || entities.length >= 1) && answerType) intent = 'versus';
  else if (terse && named >= 2 && answerType) intent = 'versus';
  else if (intent === 'general' && (answerType || FIGURE.test(question))) intent = 'figure';
  return {
    question,
    intent,
    words: own,
    expansions: words(expansionText, ownStems),
    context: earlier,
    sides,
    entities,
    answerType: intent === 'smalltalk' ? undefined : answerType,
    why,
    topics: taxonomy.topicsOf(question),
  };
}
