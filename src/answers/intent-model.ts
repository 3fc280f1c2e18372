import { CHATTER_EXAMPLES } from './chatter-examples.js';
import { STOPWORDS, tokens } from './query.js';

/**
 * Is a message chatter (greetings, thanks, jokes, the weather, requests from other domains) or a question
 * for the sources? A two-class naive Bayes over content words: the chatter class is trained on
 * CHATTER_EXAMPLES, the domain class is the knowledge index itself (how many claims hold each word), so it
 * follows whatever a team indexes. A word list only knows the words someone thought of; this weighs every
 * word of the message by how much more often it occurs in chatter than in the sources.
 */
export interface DomainFrequencies {
  /** Claims in the index. */
  claims: number;
  /** Claims containing this word. */
  df(word: string): number;
}

/** Content words per claim, on average (the shipped index: 13.6); the domain class's total word count. */
const WORDS_PER_CLAIM = 14;
/** Add-alpha smoothing over a vocabulary of this size: an unseen word weighs little either way. */
const ALPHA = 0.5;
const VOCABULARY = 20_000;
/** Log-odds above which a message is chatter; below zero the sources' vocabulary already dominates. */
const THRESHOLD = 0;

const content = (text: string) => [...new Set(tokens(text).filter((t) => !STOPWORDS.has(t) || CHATTY.has(t)))];
/** Stopwords that carry the chatter signal ("how are you", "thank you", "bye"): kept as features. */
const CHATTY = new Set(['you', 'your', 'hey', 'please', 'lot', 'thing', 'know']);

let chatter: { counts: Map<string, number>; total: number } | undefined;
function chatterModel() {
  if (chatter) return chatter;
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of CHATTER_EXAMPLES)
    for (const w of content(line)) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      total++;
    }
  chatter = { counts, total };
  return chatter;
}

/** Log-odds that the message is chatter rather than a question for the sources. */
export function chatterScore(text: string, domain: DomainFrequencies): number {
  const words = content(text);
  if (words.length === 0) return 1; // emoji, punctuation, "ok?": nothing to ask about
  const c = chatterModel();
  const domainTotal = Math.max(1, domain.claims * WORDS_PER_CLAIM);
  let score = 0;
  for (const w of words) {
    const pc = ((c.counts.get(w) ?? 0) + ALPHA) / (c.total + ALPHA * VOCABULARY);
    const pd = (domain.df(w) + ALPHA) / (domainTotal + ALPHA * VOCABULARY);
    score += Math.log(pc / pd);
  }
  return score / Math.sqrt(words.length);
}

/**
 * A message that names a side, a topic or a framework is about the debate however chatty its words ("lol
 * is go really that fast"). "go" counts only as the language, not in "let's go", "gotta go", "go ahead".
 */
const GO_AS_VERB =
  /\b(?:let'?s|gotta|got to|have to|to|gonna|ready to|good to|time to) go\b|\bgo (?:ahead|home|back|for it|on)\b/i;
export function namesTheDebate(
  text: string,
  named: { sides: readonly string[]; topics: readonly string[]; entities: readonly string[] },
): boolean {
  const sides = GO_AS_VERB.test(text) ? named.sides.filter((s) => s !== 'go') : named.sides;
  return sides.length + named.topics.length + named.entities.length > 0;
}

/**
 * In a thread the earlier question anchors a terse follow-up ("why tho?"), so only clear chatter ("thanks!",
 * "haha ok") is taken for it there.
 */
const THREAD_THRESHOLD = 1;

export function isChatter(text: string, domain: DomainFrequencies, anchored: boolean, inThread = false): boolean {
  return !anchored && chatterScore(text, domain) > (inThread ? THREAD_THRESHOLD : THRESHOLD);
}
