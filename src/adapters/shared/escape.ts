const LOOKALIKE: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };
const WORD = /[\p{L}\p{N}]/u;

/**
 * Literal text where a platform parses markup but offers no escape character (Slack mrkdwn): a
 * formatting character that could open or close a span becomes a lookalike. Inside a word
 * (`snake_case`, `2*3`) Slack does not format, so it stays; backticks always go.
 */
export function neutralizeMarkers(text: string): string {
  return text.replace(/[*_~`]/g, (ch, i: number) => {
    const inWord = ch !== '`' && WORD.test(text[i - 1] ?? ' ') && WORD.test(text[i + 1] ?? ' ');
    return inWord ? ch : (LOOKALIKE[ch] ?? ch);
  });
}

/** Text inside a code span: no escape works there, so a backtick (which would end the span) becomes a lookalike. */
export function codeText(text: string): string {
  return text.replace(/`/g, LOOKALIKE['`']!);
}

/** A platform user id fit to go inside mention syntax; anything else is shown as text. */
export const MENTIONABLE = /^[A-Za-z0-9._-]{1,40}$/;
