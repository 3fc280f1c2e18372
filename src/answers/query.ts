/**
 * Turns untrusted user text into a safe FTS5 query. Every term is a double-quoted string built only
 * from letters and digits, so quotes, parentheses, AND/OR/NOT/NEAR, `*`, `-`, `:` and emoji can never
 * reach FTS5's query syntax.
 */
export const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers him his how i if in into ' +
    'is it its itself just me more most my no nor not now of off on once only or other our out over own same she should so some ' +
    'such than that the their them then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with would you your yours much many tell show give versus vs compared compare better ' +
    'best which one ones really actually thing things use using used get gets need needs want say said per ' +
    'overall normal generally general typically usually basically kinda kind sort pretty quite lot lots guys hey ' +
    'anyone someone know tell let us please folks team our matter matters mean means long take takes took even still got honestly supposedly stuff ' +
    'isn don doesn aren wasn something anything way ways lot without instead part parts piece pieces ok okay ' +
    // Contractions typed without the apostrophe, as chat does ("doesnt", "whats", "im").
    'isnt dont doesnt arent wasnt werent didnt cant wont shouldnt wouldnt couldnt hasnt havent whats thats hows ' +
    'whys wheres im ive youre youve theyre theyve weve lets ' +
    // What the tokenizer leaves of "we're", "they've", "we'll".
    're ve ll'
  ).split(' '),
);

/** Words that name a side: they steer ranking instead of being searched (they occur in most claims). */
export const SIDE_WORDS: Record<string, 'go' | 'python'> = {
  go: 'go',
  golang: 'go',
  python: 'python',
  cpython: 'python',
  py: 'python',
  python3: 'python',
};

export const MAX_TERMS = 24;

/** Lower-cased word tokens the way FTS5's unicode61 tokenizer sees them. */
export function tokens(text: string): string[] {
  return (
    text
      .slice(0, 20_000)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((t) => t.length <= 40);
}

/**
 * Terms the sources write with a slash, which FTS5's tokenizer splits into single letters ("I/O" → i, o):
 * a question's "io" or "i/o" is searched as that phrase as well.
 */
const SLASHED: Record<string, string> = { io: 'i o' };
/** "I/O" as one word ("io"), the way chat writes it and the way `tokens` keeps it. */
export const joinSlashed = (text: string): string => text.replace(/\bi\/o\b/gi, 'io');

const quote = (phrase: string) => {
  const t = tokens(phrase).join(' ');
  return SLASHED[t] ? `("${t}" OR "${SLASHED[t]}")` : `"${t}"`;
};

/** `"a" OR "b" OR "event loop"` (or AND); empty when there is nothing searchable. */
export function ftsMatch(terms: string[], phrases: string[] = [], operator: 'OR' | 'AND' = 'OR'): string {
  const parts = [...new Set([...terms.map(quote), ...phrases.filter((p) => tokens(p).length > 0).map(quote)])];
  return parts.filter((p) => p !== '""').join(` ${operator} `);
}

/** Words that frame a request for advice rather than say what it is about. */
export const FRAMING = new Set([
  'pick',
  'choose',
  'choice',
  'recommend',
  'recommendation',
  'suggest',
  'better',
  'good',
  'prefer',
  'option',
  'options',
  'idea',
  'worth',
  'smart',
  'right',
  'advice',
  'go-to',
  'switch',
  'switching',
  'equivalent',
  'alternative',
  'alternatives',
  'counterpart',
  // "the python side", "what about go's side": which language, already said by the side word.
  'side',
]);
