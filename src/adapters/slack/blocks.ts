import type { types } from '@slack/bolt';
import { clip, KIND_LABEL, SIDE_ICON } from '../../chat/labels.js';
import { answerSources, barText, citationNote } from '../../chat/render-text.js';
import type { Bar, Button, Reply, ReplyBlock } from '../../chat/reply.js';
import { link, plain, type RichText, renderSpans } from '../../chat/rich.js';
import type { CitedClaim } from '../../knowledge/types.js';
import { codeText, MENTIONABLE, neutralizeMarkers } from '../shared/escape.js';

export type Block = types.KnownBlock;
type MrkdwnField = types.MrkdwnElement;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Limits from Slack's docs, with margin below the ~13k characters where msg_blocks_too_long starts. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  buttons: 25,
  buttonText: 75,
  actionId: 255,
  payloadChars: 11_000,
} as const;

/** Length of the notification text (push notifications, search). */
const FALLBACK_CHARS = 300;

/** &, < and > as entities: Slack then reads no mention, channel link or URL into the text. */
const entities = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Literal text in mrkdwn: entities, and formatting markers neutralized. */
export const escapeText = (s: string) => neutralizeMarkers(entities(s));

/** Reply markup → Slack mrkdwn. */
export function mrkdwn(r: RichText): string {
  return renderSpans(r, {
    text: (s) => {
      if (s.code) return `\`${codeText(entities(s.text))}\``;
      let t = escapeText(s.text);
      if (s.italic) t = `_${t}_`;
      if (s.bold) t = `*${t}*`;
      return t;
    },
    mention: (id) => (MENTIONABLE.test(id) ? `<@${id}>` : escapeText(`@${id}`)),
    channel: (id) => (MENTIONABLE.test(id) ? `<#${id}>` : escapeText(`#${id}`)),
    link: (url, text) => `<${url.replace(/[|<>\s]/g, encodeURIComponent)}|${escapeText(text)}>`,
  });
}

const section = (text: string): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) },
});
const context = (text: string): types.ContextBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }],
});

function citation(c: Pick<CitedClaim, 'citation' | 'alsoIn' | 'derived'>): string {
  const where = `${c.citation.title} › ${c.citation.section}`;
  return `📄 ${mrkdwn(c.citation.url ? [link(c.citation.url, where)] : where)}${escapeText(citationNote(c))}`;
}

/** A claim: its text (kind marked unless plain fact), then its citation as a context block. */
function claimBlocks(c: CitedClaim): Block[] {
  const kind = KIND_LABEL[c.kind] ? ` _(${KIND_LABEL[c.kind]})_` : '';
  return [section(`${SIDE_ICON[c.side]} ${escapeText(c.text)}${kind}`), context(citation(c))];
}

function barsText(bars: Bar[], total: number, totalLabel?: string): string {
  const votes = totalLabel ?? `${total} vote${total === 1 ? '' : 's'}`;
  return `${bars.map((b) => `${escapeText(b.label)}  \`${barText(b.percent)}\` ${b.percent}% (${b.count})`).join('\n')}\n_${escapeText(votes)}_`;
}

/** One Reply block → Slack blocks (a block may need several to stay inside the limits). */
export function renderBlock(b: ReplyBlock): Block[] {
  switch (b.type) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: clip(b.text, LIMITS.header) } }];
    case 'answer':
      return [section(`*${escapeText(b.text)}*`), context(`📄 ${escapeText(answerSources(b.citations))}`)];
    case 'text':
      return [section(mrkdwn(b.text))];
    case 'context':
      return [context(mrkdwn(b.text))];
    case 'divider':
      return [{ type: 'divider' }];
    case 'claims':
      return [...(b.title ? [section(`*${escapeText(b.title)}*`)] : []), ...b.claims.flatMap(claimBlocks)];
    case 'figures': {
      // Figures as section fields, two per row (label | Go · Python), at most 10 fields per section.
      const fields: MrkdwnField[] = b.rows.flatMap((r): MrkdwnField[] => [
        {
          type: 'mrkdwn',
          text: clip(`*${escapeText(r.label)}*${r.verdict ? `\n${escapeText(r.verdict)}` : ''}`, LIMITS.fieldText),
        },
        {
          type: 'mrkdwn',
          text: clip(
            `${SIDE_ICON.go} ${escapeText(r.go ?? '—')}\n${SIDE_ICON.python} ${escapeText(r.python ?? '—')}`,
            LIMITS.fieldText,
          ),
        },
      ]);
      const out: Block[] = b.title ? [section(`*${escapeText(b.title)}*`)] : [];
      for (let i = 0; i < fields.length; i += LIMITS.fields)
        out.push({ type: 'section', fields: fields.slice(i, i + LIMITS.fields) });
      return out;
    }
    case 'disagreements':
      return [
        section(`*${escapeText(b.title)}*`),
        ...b.items.flatMap((d) => [
          section(`*${escapeText(d.about)}*: ${escapeText(d.summary)}`),
          context(`${citation(d.claims[0])}\n${citation(d.claims[1])}`),
        ]),
      ];
    case 'bars':
      return [
        ...(b.title ? [section(`*${escapeText(b.title)}*`)] : []),
        section(barsText(b.bars, b.total, b.totalLabel)),
      ];
  }
}

export function renderButtons(buttons: Button[]): types.ActionsBlock[] {
  const out: types.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttons) {
    out.push({
      type: 'actions',
      elements: buttons.slice(i, i + LIMITS.buttons).map(
        (b) =>
          ({
            type: 'button',
            action_id: b.actionId.slice(0, LIMITS.actionId),
            text: { type: 'plain_text', text: clip(b.label, LIMITS.buttonText), emoji: true },
            ...(b.style && b.style !== 'default' ? { style: b.style } : {}),
          }) satisfies types.Button,
      ),
    });
  }
  return out;
}

/** The notification text Slack shows where blocks are not rendered (push notifications, search). */
export function fallbackText(r: Reply): string {
  // A notification leads with the answer, as the message does.
  const first = r.blocks.find((b) => b.type === 'answer' || b.type === 'text' || b.type === 'claims');
  const line =
    first?.type === 'answer'
      ? first.text
      : first?.type === 'text'
        ? plain(first.text)
        : first?.type === 'claims'
          ? (first.claims[0]?.text ?? '')
          : '';
  return escapeText(clip([r.title, line].filter(Boolean).join(': '), FALLBACK_CHARS)) || 'Versus';
}

const size = (blocks: Block[]) => JSON.stringify(blocks).length;

/**
 * Reply → pages of Slack blocks, each inside the limits. Content is never cut: what does not fit goes
 * on the next page, reached with a More button (the adapter keeps the pages, see pages.ts). `moreButton`
 * gets the 1-based number of the page it shows.
 */
export function paginate(r: Reply, moreButton: (page: number) => Button): SlackMessage[] {
  const header: types.HeaderBlock[] = r.title
    ? [{ type: 'header', text: { type: 'plain_text', text: clip(r.title, LIMITS.header), emoji: true } }]
    : [];
  const body = r.blocks.flatMap(renderBlock);
  const buttons = renderButtons(r.buttons ?? []);
  const reserve = header.length + buttons.length + 2; // + a More button row and a page note
  const pages: Block[][] = [];
  let current: Block[] = [];
  // size(current), kept as blocks are added: measuring the whole page again per block was quadratic.
  let currentChars = size(current);
  const fixedChars = size(header) + size(buttons);
  for (const block of body) {
    const blockChars = size([block]);
    const full =
      current.length + reserve + 1 > LIMITS.blocks || currentChars + blockChars + fixedChars > LIMITS.payloadChars;
    if (full && current.length > 0) {
      pages.push(current);
      current = [];
      currentChars = size(current);
    }
    // "[a]" + "[b]" is "[a,b]": one comma more than the two arrays' contents, two brackets fewer.
    currentChars += current.length === 0 ? blockChars - 2 : blockChars - 1;
    current.push(block);
  }
  pages.push(current);
  const text = fallbackText(r);
  return pages.map((blocks, i) => {
    const last = i === pages.length - 1;
    const nav = last ? [] : [context(`Page ${i + 1} of ${pages.length}`), ...renderButtons([moreButton(i + 2)])];
    return { text, blocks: [...header, ...blocks, ...nav, ...(last ? buttons : [])] };
  });
}
