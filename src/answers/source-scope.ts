import { stem } from './analyse.js';
import { SIDE_WORDS, STOPWORDS, tokens } from './query.js';

/** What a question may call a document by: its id, title, short label, site and author. */
export interface DocumentNames {
  id: string;
  title: string;
  short?: string | null | undefined;
  site?: string | null | undefined;
  author?: string | null | undefined;
}

/** A question that names one document ("what does the threshold essay say…") is asked of that document. */
export interface SourceScope {
  documentId: string;
  /** Stems of the words that named it: they say which article, not what the question is about. */
  naming: string[];
  /** The question used a word for a piece of writing ("essay", "article", "the author"). */
  explicit: boolean;
}

/** Words that mark a reference to a piece of writing, not to its subject. */
const WRITING_WORDS =
  'article articles essay post blog guide piece op ed oped writeup author writer wrote writes says said according argues page site';
const WRITING = new RegExp(`\\b(?:${WRITING_WORDS.split(' ').join('|')})\\b`, 'i');
/** Once a question is scoped to a document, these words said which one: they are not searched for. */
export const isWritingWord = (word: string): boolean => WRITING.test(word);

/** Words every title of this debate shares: they name no one article. */
const GENERIC = new Set(
  'backend backends developer developers language languages choosing choice vs versus why and still has its place right'.split(
    ' ',
  ),
);

/**
 * Each document's own naming words, per list of documents: the store keeps one list until the index
 * changes, and working them out again for every question was a third of an ask's CPU at 100k claims.
 */
const distinctiveOf = new WeakMap<DocumentNames[], Map<string, Set<string>>>();

function distinctive(docs: DocumentNames[]): Map<string, Set<string>> {
  let own = distinctiveOf.get(docs);
  if (!own) {
    own = distinctiveWords(docs);
    distinctiveOf.set(docs, own);
  }
  return own;
}

/** Each document's own naming words: in its names and in no other document's. */
function distinctiveWords(docs: DocumentNames[]): Map<string, Set<string>> {
  const wordsOf = (d: DocumentNames) =>
    new Set(
      tokens([d.id.replace(/-/g, ' '), d.title, d.short, d.site, d.author].filter(Boolean).join(' '))
        .filter((t) => !STOPWORDS.has(t) && !GENERIC.has(t) && t.length > 1)
        .map(stem)
        .filter((s) => !SIDE_WORDS[s]),
    );
  const all = docs.map((d) => ({ id: d.id, words: wordsOf(d) }));
  const count = new Map<string, number>();
  for (const d of all) for (const w of d.words) count.set(w, (count.get(w) ?? 0) + 1);
  return new Map(all.map((d) => [d.id, new Set([...d.words].filter((w) => count.get(w) === 1))]));
}

/**
 * The document a question names, if one is named most: one of its naming words with a word for a piece of
 * writing ("the threshold essay", "in the 2025 guide", "the lunch article's author"), or two of its
 * naming words together ("stole my heart", "eating python's lunch"). Pure.
 */
export function sourceScope(question: string, docs: DocumentNames[]): SourceScope | undefined {
  if (docs.length < 2) return undefined;
  const stems = tokens(question).map(stem);
  const writing = WRITING.test(question);
  const hits = [...distinctive(docs)]
    .map(([documentId, own]) => ({
      documentId,
      naming: [...new Set(stems.filter((s) => own.has(s)))],
      explicit: writing,
    }))
    .filter((h) => h.naming.length >= (writing ? 1 : 2));
  // "what does python still win at according to the go op-ed": "win" is in one title, "op-ed" in another's
  // label; the document more of the question's words name is the one meant.
  const most = Math.max(0, ...hits.map((h) => h.naming.length));
  const top = hits.filter((h) => h.naming.length === most);
  return top.length === 1 ? top[0] : undefined;
}
