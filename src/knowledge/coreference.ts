/**
 * Sentences that lean on the one before ("Their AWS bill dropped by 73%.", "This means…", "It exists
 * because…") do not read alone: each is merged into the claim it follows, so a claim carries its own
 * subject. A short question that sets up the next sentence ("The result?", "Docker?") is merged forward.
 */
const LEANS_BACK =
  /^(?:it|its|it[’']s|this|that|that[’']s|these|those|they|their|them|such|both|the result|which|so|and|but|yet|also|instead|otherwise|then)\b/i;

/** Longest merged claim: past it a claim stops reading as one statement. */
const MAX_MERGED = 320;

/** "Here's the analogy: …", "Here's the catch: …": a comment on what was just said, which it does not name. */
const COMMENTS_ON = /^here[’']s (?:the|an?) (?:analogy|catch|kicker|twist|trick|problem|difference|upshot)\b/i;

export const leansBack = (sentence: string) => LEANS_BACK.test(sentence.trim()) || COMMENTS_ON.test(sentence.trim());

/** A question answered by what follows: "The result?", "Kubernetes?", an FAQ's "Is Go replacing Python…?". */
const isSetUp = (s: string) => /\?["”]?$/.test(s) && s.length <= 200;

/** Words that make a short sentence a statement: auxiliaries, modals, contractions of "is". */
const FINITE =
  /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|need|needs|let|lets)\b|n[’']t\b|[’']s\b|[’']re\b|[’']ll\b/i;

/**
 * A fragment: a short sentence (five words at most) with no auxiliary, modal or subject pronoun ("No inheritance.", "Real-time
 * infrastructure.", "Looks clean."). It goes with the claim before it in the paragraph, or, opening the paragraph, with
 * the sentence after it, which it labels.
 */
export const isFragment = (s: string, maxWords = 5): boolean =>
  /\.$/.test(s) &&
  s.split(/\s+/).length <= maxWords &&
  !FINITE.test(s) &&
  !/\d/.test(s) &&
  !/^(?:i|we|you|he|she)\b/i.test(s) &&
  !leansBack(s);

/** "The GIL (Global Interpreter Lock) is a mutex…" → "The GIL (Global Interpreter Lock)": a short subject before its verb. */
function subjectOf(sentence: string): string | undefined {
  const m = /^((?:The|A|An) [^,;:—]{2,60}?) (?:is|are|was|were|has|have)\b/.exec(sentence);
  return m && m[1]!.split(/\s+/).length <= 6 ? m[1] : undefined;
}

/**
 * "It exists because…" after a sentence too long to take it: "It" becomes that sentence's subject ("The
 * GIL (Global Interpreter Lock) exists because…"), so the claim still says what it is about.
 */
function carrySubject(sentence: string, before: string | undefined): string {
  const subject = before && /^It (?!is\b|was\b|'s\b|’s\b)[a-z]/.test(sentence) ? subjectOf(before) : undefined;
  return subject ? `${subject}${sentence.slice(2)}` : sentence;
}

/** "This is not a small gap — it means a pool of 500 threads needs 4GB": what leans back before "it means". */
const PREAMBLE = /^(?:this|that|it)\b[^.;:]{0,80}?\bmeans\s+(?:that\s+)?(?=\S)/i;

/** A sentence that stands on its own figures, without the words that only pointed back ("This means that …"). */
function ownStatement(sentence: string): string {
  const rest = sentence.replace(PREAMBLE, '');
  return rest === sentence || rest.split(/\s+/).length < 6 ? sentence : `${rest[0]!.toUpperCase()}${rest.slice(1)}`;
}

/** A measurement: a number with a unit or a multiplier ("80GB", "2 ms", "5-10x", "73%"). */
const MEASURE = /\d(?:[\d,.]*)\s?(?:[KMGT]B|ms|µs|s|x|×|%|req\/s|rps)(?!\w)/i;

/**
 * A sentence that leans back in form only: it names a language and a measurement of its own ("This adds up:
 * a pool of Python workers then needs about 2GB"), after a claim with a measurement of its own. Merged, one claim would hold two sides' figures; apart, each reads alone.
 */
const standsOnFigures = (sentence: string, before: string, namesSide: (s: string) => boolean) =>
  MEASURE.test(sentence) && MEASURE.test(before) && namesSide(sentence);

/**
 * Sentences of one paragraph → claims that read alone. `previous` is the claim before the paragraph in
 * the same section (a paragraph may start by leaning on it); returns the text to append to it, if any.
 * `namesSide` (plain text only) keeps apart a sentence that leans back in form but stands on its own figures.
 */
export function readAlone(
  sentences: string[],
  previous?: string,
  namesSide: (s: string) => boolean = () => false,
): { appendToPrevious?: string; claims: string[] } {
  const claims: string[] = [];
  let appendToPrevious: string | undefined;
  let pending = '';
  let before: string | undefined;
  for (const raw of sentences) {
    const prior = before;
    before = raw;
    const s = pending ? `${pending} ${raw}` : raw;
    pending = '';
    if (isSetUp(s) || (isFragment(raw) && claims.length === 0)) {
      pending = s;
      continue;
    }
    const last = claims.at(-1);
    const leaning = leansBack(raw);
    const stands = leaning && last !== undefined && standsOnFigures(raw, last, namesSide);
    const leans = leaning && !stands;
    if ((isFragment(raw) || leans) && last !== undefined && last.length + s.length < MAX_MERGED) {
      claims[claims.length - 1] = `${last} ${s}`;
      continue;
    }
    if (leaning) {
      const carried = appendToPrevious ? `${appendToPrevious} ${s}` : s;
      if (last === undefined && previous !== undefined && previous.length + carried.length < MAX_MERGED) {
        appendToPrevious = carried;
        continue;
      }
    }
    claims.push(stands ? ownStatement(s) : leaning ? carrySubject(s, prior) : s);
  }
  if (pending) claims.push(pending);
  return { appendToPrevious, claims };
}
