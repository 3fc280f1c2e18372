import { type RichText, renderSpans } from '../../chat/rich.js';
import { codeText } from '../shared/escape.js';

/**
 * Literal text in Discord markdown: every character that could start markup is backslash-escaped (the
 * backslash itself is not shown), line starts that would make a heading, quote or list too, and
 * @everyone / @here are broken with a zero-width space.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|<>[\]]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/@(everyone|here)\b/g, '@\u200B$1');
}

/** Reply markup → Discord markdown. */
export function markdown(r: RichText): string {
  return renderSpans(r, {
    text: (s) => {
      if (s.code) return `\`${codeText(s.text)}\``;
      let t = escapeMarkdown(s.text);
      if (s.italic) t = `*${t}*`;
      if (s.bold) t = `**${t}**`;
      return t;
    },
    mention: (id) => (/^\d{1,20}$/.test(id) ? `<@${id}>` : escapeMarkdown(`@${id}`)),
    channel: (id) => (/^\d{1,20}$/.test(id) ? `<#${id}>` : escapeMarkdown(`#${id}`)),
    link: (url, text) =>
      /^https?:\/\//i.test(url)
        ? `[${escapeMarkdown(text)}](${url.replace(/\)/g, '%29').replace(/\s/g, '%20')})`
        : escapeMarkdown(text),
  });
}
