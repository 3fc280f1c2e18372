/**
 * What each line of flattened text is (text copied off a web page or a PDF): code, a heading, page chrome
 * or prose. Pure functions of the lines; plaintext.ts turns the answer into sections and claims.
 */

/** Lines that start or continue code in Python, Go, JavaScript, SQL or a shell (comment markers are often lost). */
const CODE_PATTERNS = [
  /^(?:[{}()[\]<>]|\/\/|#|\/\*|\*\/|"""|''')/,
  /^(?:import|package|return|raise|except|elif|yield|defer)\b|^(?:pass|try:|finally:|else:)$/,
  /^(?:from\s+\S+\s+import|def\s|func\s|class\s+\w+[(:]|async\s|await\s|var\s|const\s|let\s|type\s+\w+\b|print\(|go\s+\w+\()/,
  /^(?:if|for|while|with|switch|case)\s.*[:{]$/,
  /^@\w/,
  /^[\w.[\]]+\s*:?=\s*\S/, // an assignment
  /^\w+(?:\.\w+)*\s*<-/, // a channel send
  /;\s*$|[{([]\s*$|\)\s*\{\s*$/,
  /^[\w.[\]"']+\(.*\)[,;]?\s*$/, // a call on its own line
  /^[a-z_][a-z0-9_]*:\s*[\w[\]|., ]+(?:\s*=.*)?$/, // a typed field: "email: EmailStr", "is_active: bool = True"
  // A Go struct field, the whole line: "db *Database", "Error error", "ID int json:"id"".
  /^\w+\s+(?:\*|\[\]|map\[|chan\s|func\(|int|int64|float64|string|bool|error|byte|rune)[\w.[\]*{}]*\s*(?:`[^`]*`|json:\S.*)?$/,
];
const SYMBOLS = /[{}()[\]<>=;:*&|$"'`\\/_]/g;
/** Box-drawing diagrams (architecture sketches): never claims. */
const DIAGRAM = /[│┌┐└┘├┤┬┴┼▼▲►◄]/;

export function isCodeLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (DIAGRAM.test(t)) return true;
  // Short remarks in parentheses ("Memory (MB)", "Go (Fiber)") are prose's, not code's; so are quoted words in a
  // line that starts like a sentence ('This "boring" style means:'), though a quoted string alone ("fmt") is code.
  const prose = /^\p{Lu}\p{Ll}*\s+\S+\s+\S/u.test(t) ? t.replace(/["“]([\p{L}\s'’-]{2,40})["”]/gu, '$1') : t;
  const symbols = prose.replace(/\([\w\s/%+.,-]{1,16}\)/g, '').match(SYMBOLS)?.length ?? 0;
  return CODE_PATTERNS.some((re) => re.test(t)) || symbols / Math.max(1, t.length) > 0.12;
}

/** A sentence of prose: several words, mostly letters, ending like a sentence. */
export function isProse(line: string): boolean {
  const t = line.trim();
  const words = t.split(/\s+/).length;
  const symbols = t.match(SYMBOLS)?.length ?? 0;
  return words >= 6 && /^[\p{Lu}"“'‘(\d]/u.test(t) && /[.!?:"”]$/.test(t) && symbols / t.length < 0.06;
}

/** A leading emoji or numbering ("💡 ", "3. ", "B. ") in front of a heading. */
const HEADING_LEAD = /^(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)+\s*|(?:\d{1,2}|[A-H])[.)]\s+)/u;

export function headingText(line: string): string {
  return line.replace(HEADING_LEAD, '').trim();
}

/**
 * A numbered point that a paragraph then explains: "2. Go stays dull on purpose.", "Mistake 3:
 * Skipping the linter.", "Tip 1: Start with one service." A sentence or two after the number or label.
 */
const LABELLED =
  /^(?:\d{1,2}[.)]\s+|((?:Mistake|Tip|Step|Lesson|Rule|Myth|Pitfall|Reason)\s+#?\d{1,2}:\s+))(["“]?\p{Lu}.{5,140}[.!?]["”]?)$/u;

/** A list item, numbered or not. */
const ITEM = /^[-*]\s|^\d{1,2}[.)]\s/;

/**
 * What a numbered point says (with its label, without its number), or undefined. A line of a list (the line
 * before or after it an item too) is no such point.
 */
export function labelledPoint(line: string, next: string | undefined, before: string | undefined): string | undefined {
  const m = LABELLED.exec(line);
  if (!m || next === undefined || ITEM.test(next) || LABELLED.test(next) || (before && ITEM.test(before)))
    return undefined;
  return `${m[1] ?? ''}${m[2]!}`;
}

/** Title Case: most words of four letters or more start with a capital. */
export function titleCase(text: string): boolean {
  const long = text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

/**
 * A short line that names what follows: capitalised, no sentence punctuation at its end (a Title Case
 * question may end in "?"), no measurement in it. Whether one *is* a heading also depends on what follows.
 */
export function headingCandidate(line: string): boolean {
  const t = headingText(line);
  const words = t.split(/\s+/).length;
  if (!t || t.length > 90 || words > 14 || !/^[\p{Lu}\p{N}"“]/u.test(t) || /^(?:notes?|tip|warning|source):/i.test(t))
    return false;
  if (/\d+(?:\.\d+)?\s?(?:ms|s|MB|GB|KB|%|x)\b/.test(t) || /[✓✔]/.test(t)) return false;
  if (/[.!,;…]["”’']?$/.test(t)) return false;
  if (/[?:]$/.test(t)) return titleCase(t) && words >= 2;
  return true;
}

/**
 * Page furniture and calls to action that text extraction keeps: "Skip to main content", bylines,
 * "3 min read", "drop a comment", "follow me for more", share and subscribe prompts, comment counts.
 */
const CHROME =
  /^(?:skip to|command palette|search for a|published$|\d+ min read|top comments|sign (?:in|up)|subscribe\b|share (?:this|it)\b|(?:written |posted )?by [\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3}$|follow (?:me|us)\b|if this (?:helped|made)|what about you\??$|are you team|leave a comment|thanks for reading|read more$|related (?:articles|posts|reading)$|further reading$|you (?:might|may) also like|[\p{L}]$|\d+$)|\b(?:drop a comment|let[’']?s debate in the comments|hit that|in the comments|comment below|share it with|subscribe to our|sign up for|follow me for)\b|^[-–—•]*\s*[\p{Extended_Pictographic}]\s*\S.{0,60}\?\s*$/iu;

export function isChrome(text: string): boolean {
  const t = text.trim();
  // An emoji-led question is a call to action ("🐹 Using Go already? Tell us!") unless it is a Title Case heading.
  return CHROME.test(t) && !(/^\p{Extended_Pictographic}/u.test(t) && headingCandidate(t));
}

/** Lists of links under a heading such as "Related Articles": the rest of that section is not the article. */
export const LINK_LIST_HEADING =
  /^(?:related (?:articles|posts|reading)|read next|more from|further reading|you (?:might|may) also like|more articles)\b/i;

/** A line that ends the article: what follows is comments or a sign-off from the publishing platform. */
export const END_OF_ARTICLE =
  /^(?:top comments|comments \(\d+\)|\d+ comments?$)|debate in the comments|drop a comment|leave a comment|follow me for/i;
