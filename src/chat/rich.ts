/**
 * A small platform-neutral inline markup for Reply text: bold, italic, code, links and user mentions.
 * Text is a list of spans; each adapter renders them in its own syntax (Slack mrkdwn, Discord markdown,
 * plain text for the console) and escapes the text of every span. A plain string is always literal text:
 * whatever a user typed (a poll question, an option, a time zone) can never become markup or a mention.
 *
 * Code writes formatted text with the `md` template tag: markers in the template itself (`*bold*`,
 * `_italic_`, `` `code` ``) format, every `${value}` is literal text (or spans, when it is already Rich).
 */
export interface TextSpan {
  text: string;
  bold?: true | undefined;
  italic?: true | undefined;
  code?: true | undefined;
}
export type Span = TextSpan | { mention: string } | { channel: string } | { link: string; text: string };
export type Rich = readonly Span[];
/** What Reply text fields take: spans, or a string that is shown exactly as it is. */
export type RichText = Rich | string;

type Style = Omit<TextSpan, 'text'>;
const MARKERS: Record<string, keyof Style> = { '*': 'bold', _: 'italic', '`': 'code' };

export const mention = (userId: string): Span => ({ mention: userId });
/** A link to a channel (Slack `<#C1>`, Discord `<#1>`, plain `#C1`). */
export const channel = (channelId: string): Span => ({ channel: channelId });
export const link = (url: string, text: string): Span => ({ link: url, text });
export const code = (text: string): Span => ({ text, code: true });
export const bold = (text: string): Span => ({ text, bold: true });

/** Markup the code itself wrote, held in a string (e.g. a zod message declared beside its schema). Never user text. */
export function markup(text: string): Rich {
  return md(Object.assign([text], { raw: [text] }));
}

/** The first issue of a failed zod parse; its message is markup declared with the schema. */
export function issueText(e: { issues: readonly { message: string }[] }): Rich {
  return markup(e.issues[0]?.message ?? 'Invalid input.');
}

/** Spans from a template: the template's own markers format, interpolated values are literal. */
export function md(strings: TemplateStringsArray, ...values: (string | number | Span | Rich)[]): Rich {
  const out: Span[] = [];
  const style: Style = {};
  const push = (text: string) => {
    if (!text) return;
    const last = out.at(-1);
    if (last && 'text' in last && !('link' in last) && sameStyle(last, style))
      out[out.length - 1] = { ...last, text: last.text + text };
    else out.push({ text, ...style });
  };
  strings.forEach((chunk, i) => {
    let plain = '';
    for (const ch of chunk) {
      const marker = MARKERS[ch];
      // Inside code only the closing backtick is a marker.
      if (marker && (!style.code || marker === 'code')) {
        push(plain);
        plain = '';
        if (style[marker]) delete style[marker];
        else style[marker] = true;
      } else plain += ch;
    }
    push(plain);
    if (i < values.length) {
      const v = values[i]!;
      if (typeof v === 'string' || typeof v === 'number') push(String(v));
      else for (const s of Array.isArray(v) ? (v as Rich) : [v as Span]) out.push(s);
    }
  });
  return out;
}

function sameStyle(a: TextSpan, b: Style): boolean {
  return !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.code === !!b.code;
}

/** Rich text as a list of spans (a string is one literal span). */
export function spans(r: RichText): Rich {
  return typeof r === 'string' ? [{ text: r }] : r;
}

/** Renders spans with one platform's syntax: `text` must escape literal text for that platform. */
export function renderSpans(
  r: RichText,
  syntax: {
    text(s: TextSpan): string;
    mention(userId: string): string;
    channel(channelId: string): string;
    link(url: string, text: string): string;
  },
): string {
  return spans(r)
    .map((s) =>
      'mention' in s
        ? syntax.mention(s.mention)
        : 'channel' in s
          ? syntax.channel(s.channel)
          : 'link' in s
            ? syntax.link(s.link, s.text)
            : syntax.text(s),
    )
    .join('');
}

/** Plain text: the console, CLI output, notification fallbacks. Code keeps its backticks, mentions are @id. */
export function plain(r: RichText): string {
  return renderSpans(r, {
    text: (s) => (s.code ? `\`${s.text}\`` : s.text),
    mention: (id) => `@${id}`,
    channel: (id) => `#${id}`,
    link: (url, text) => (text === url ? url : `${text} (${url})`),
  });
}

/** Joins rich texts with a separator, e.g. lines with '\n'. */
export function joinRich(parts: readonly RichText[], separator: string): Rich {
  return parts.flatMap((p, i) => (i === 0 ? spans(p) : [{ text: separator }, ...spans(p)]));
}
