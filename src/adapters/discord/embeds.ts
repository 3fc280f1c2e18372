import type { APIContainerComponent, APIEmbed, APITextDisplayComponent } from 'discord.js';
import { clip, KIND_LABEL, SIDE_ICON } from '../../chat/labels.js';
import { barText, citationNote } from '../../chat/render-text.js';
import type { Reply, ReplyBlock } from '../../chat/reply.js';
import { link } from '../../chat/rich.js';
import type { Citation, CitedClaim } from '../../knowledge/types.js';
import { neutralizeMarkers } from '../shared/escape.js';
import { type ButtonRow, navButtons, spreadButtons, toDiscordButtons, toRows } from './components.js';
import { EMBED } from './limits.js';
import { escapeMarkdown, markdown } from './markdown.js';

/**
 * One Discord message: what `reply()`, `update()`, `send()` and the REST client take. Either embeds with
 * button rows, or a Components V2 message (`flags` IS_COMPONENTS_V2: containers, text displays, rows).
 */
export type MessagePayload = EmbedPayload | V2Payload;

export interface EmbedPayload {
  embeds: APIEmbed[];
  components: ButtonRow[];
}

export interface V2Payload {
  flags: number;
  components: (ButtonRow | APIContainerComponent | APITextDisplayComponent)[];
}

export interface RenderedReply<P extends MessagePayload = EmbedPayload> {
  /** Page 1 is sent; the others are served by the "More" button (see pages.ts). */
  pages: P[];
  /** Things left out because Discord would reject them (bad button ids); the caller logs them. */
  warnings: string[];
}

const COLOR = { neutral: 0x5865f2, go: 0x00add8, python: 0x3776ab, warn: 0xf0b232, private: 0x99aab5 } as const;
/** Longest single description line before it is split: leaves room for a title and the page footer. */
const LINE_MAX = 3800;
const FOOTER_RESERVE = 40;

type Atom = { kind: 'line'; text: string } | { kind: 'field'; name: string; value: string };
export interface Section {
  /** Literal text on one line: each renderer escapes it for where it goes (embed title, V2 heading). */
  title?: string | undefined;
  color: number;
  atoms: Atom[];
}

const line = (text: string): Atom => ({ kind: 'line', text });

/** "Title › Section", a masked link when the source has a web address. */
export function citationMarkdown(c: Citation): string {
  const label = `${c.title} › ${c.section}`;
  return markdown(c.url ? [link(c.url, label)] : label);
}

export function claimMarkdown(c: CitedClaim, n: number): string {
  const kind = KIND_LABEL[c.kind] ? ` *(${KIND_LABEL[c.kind]})*` : '';
  return `**${n}.** ${SIDE_ICON[c.side]} ${escapeMarkdown(c.text)}${kind}\n-# ↳ ${citationMarkdown(c.citation)}${escapeMarkdown(citationNote(c))}`;
}

function claimsColor(claims: CitedClaim[]): number {
  const go = claims.filter((c) => c.side === 'go').length;
  const py = claims.filter((c) => c.side === 'python').length;
  return go > py ? COLOR.go : py > go ? COLOR.python : COLOR.neutral;
}

/** Reply blocks → sections, each the start of one embed (before paging). */
export function toSections(reply: Reply): Section[] {
  const first: Section = { color: reply.visibility === 'ephemeral' ? COLOR.private : COLOR.neutral, atoms: [] };
  const out = [first];
  let current = first;
  const setTitle = (s: Section, text: string) => {
    // A title is one line, whatever the text (a form's question) holds: a newline could start a heading.
    const title = text.replace(/\s+/g, ' ').trim();
    s.title = clip(title, EMBED.title);
    // A title Discord would cut is repeated whole in the description.
    if (title.length > EMBED.title) s.atoms.push(line(`**${escapeMarkdown(title)}**`));
  };
  if (reply.title) setTitle(first, reply.title);
  /** A titled block (Go side, figures, disagreements) gets its own embed, unless the current one is still empty. */
  const open = (title: string | undefined, color: number) => {
    if (current.atoms.length > 0) {
      current = { color, atoms: [] };
      out.push(current);
    }
    current.color = color;
    if (title && !current.title) setTitle(current, title);
    else if (title) current.atoms.push(line(`**${escapeMarkdown(title)}**`));
  };
  const text = (t: string) => {
    // Text after a figures table would render above its fields (Discord puts the description first).
    if (current.atoms.some((a) => a.kind === 'field')) open(undefined, current.color);
    current.atoms.push(line(t));
  };
  for (const b of reply.blocks)
    addBlock(b, { open, text, field: (name, value) => current.atoms.push({ kind: 'field', name, value }) });
  return out;
}

interface Sink {
  open(title: string | undefined, color: number): void;
  text(t: string): void;
  field(name: string, value: string): void;
}

function addBlock(b: ReplyBlock, s: Sink): void {
  switch (b.type) {
    case 'heading':
      s.text(`**${escapeMarkdown(b.text)}**`);
      break;
    case 'answer':
      s.text(`**${escapeMarkdown(b.text)}**\n-# ↳ ${b.citations.map(citationMarkdown).join(' · ')}`);
      break;
    case 'text':
      s.text(markdown(b.text));
      break;
    case 'context':
      // "-# " is Discord's subtext; it applies per line.
      s.text(
        markdown(b.text)
          .split('\n')
          .map((l) => `-# ${l}`)
          .join('\n'),
      );
      break;
    case 'divider':
      s.text('───────────');
      break;
    case 'claims':
      if (b.title) s.open(b.title, claimsColor(b.claims));
      for (const [i, c] of b.claims.entries()) s.text(claimMarkdown(c, i + 1));
      break;
    case 'figures':
      s.open(b.title ?? 'Figures', COLOR.neutral);
      for (const r of b.rows)
        s.field(
          neutralizeMarkers(r.label),
          `${SIDE_ICON.go} Go: ${escapeMarkdown(r.go ?? '—')}\n${SIDE_ICON.python} Python: ${escapeMarkdown(r.python ?? '—')}${r.verdict ? `\n**${escapeMarkdown(r.verdict)}**` : ''}`,
        );
      break;
    case 'disagreements':
      s.open('⚠️ Where the sources disagree', COLOR.warn);
      for (const d of b.items) {
        s.text(
          `⚠️ **${escapeMarkdown(d.about)}**: ${escapeMarkdown(d.summary)}\n-# ↳ ${citationMarkdown(d.claims[0].citation)}\n-# ↳ ${citationMarkdown(d.claims[1].citation)}`,
        );
      }
      break;
    case 'bars':
      if (b.title) s.text(`**${escapeMarkdown(b.title)}**`);
      for (const x of b.bars) s.text(`${escapeMarkdown(x.label)} ${barText(x.percent)} ${x.percent}% (${x.count})`);
      s.text(`-# ${escapeMarkdown(b.totalLabel ?? `${b.total} vote(s)`)}`);
      break;
  }
}

/** Splits at a line break, else a space, else hard (never inside a surrogate pair). */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = /[\uD800-\uDBFF]/.test(rest[max - 1] ?? '') ? max - 1 : max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  out.push(rest);
  return out;
}

/** Atoms no single embed could hold become several: long lines split, long field values continue in a next field. */
function sized(atoms: Atom[]): Atom[] {
  return atoms.flatMap((a): Atom[] => {
    if (a.kind === 'line') return splitText(a.text, LINE_MAX).map(line);
    let value = a.value;
    if (a.name.length > EMBED.fieldName) value = `**${a.name}**\n${value}`;
    const name = clip(a.name, EMBED.fieldName);
    return splitText(value, EMBED.fieldValue).map((v, i) => ({
      kind: 'field',
      name: i === 0 ? name : clip(`${a.name} (cont.)`, EMBED.fieldName),
      value: v,
    }));
  });
}

/** Greedy packing of sections into pages: ≤ 10 embeds and ≤ 6,000 characters per page, every embed within its limits. */
function paginate(sections: Section[]): APIEmbed[][] {
  const budget = EMBED.totalPerMessage - FOOTER_RESERVE;
  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let used = 0;
  let embed: APIEmbed = {};
  const flush = () => {
    if (page.length) pages.push(page);
    page = [];
    used = 0;
  };
  const start = (s: Section, continued: boolean) => {
    // Embed titles render bold, italics and the like but offer no escape: markers become lookalikes.
    const title = s.title && neutralizeMarkers(continued ? clip(`${s.title} (continued)`, EMBED.title) : s.title);
    if (page.length >= EMBED.perMessage || used + (title?.length ?? 0) > budget) flush();
    embed = { color: s.color, ...(title ? { title } : {}) };
    page.push(embed);
    used += title?.length ?? 0;
  };
  const lineCost = (text: string) => text.length + (embed.description ? 1 : 0); // +1: the joining newline
  for (const s of sections) {
    start(s, false);
    for (const a of sized(s.atoms)) {
      const cost = a.kind === 'line' ? lineCost(a.text) : a.name.length + a.value.length;
      const fitsEmbed =
        a.kind === 'line'
          ? (embed.description?.length ?? 0) + cost <= EMBED.description
          : (embed.fields?.length ?? 0) < EMBED.fields;
      if (!fitsEmbed || used + cost > budget) {
        // An embed with nothing in it yet moves to the next page whole, rather than leaving a bare title behind.
        const fresh = !embed.description && !embed.fields?.length;
        if (fresh) {
          page.pop();
          used -= embed.title?.length ?? 0;
        }
        if (fresh || used + cost > budget) flush();
        start(s, !fresh);
      }
      if (a.kind === 'line') {
        used += lineCost(a.text);
        embed.description = embed.description ? `${embed.description}\n${a.text}` : a.text;
      } else {
        used += cost;
        embed.fields ??= [];
        embed.fields.push({ name: a.name, value: a.value, inline: true });
      }
    }
  }
  flush();
  // Discord rejects empty embeds; a section can end up empty (e.g. a reply with only a titled block).
  return pages.map((p) => p.filter((e) => e.title || e.description || e.fields?.length)).filter((p) => p.length > 0);
}

/** Reply → Discord messages. `pageKey` names the stored pages in the "More" buttons' custom ids. */
export function renderReply(reply: Reply, pageKey: string): RenderedReply {
  const content = paginate(toSections(reply));
  if (content.length === 0) content.push([{ color: COLOR.neutral, description: '(nothing to show)' }]);
  const { buttons, warnings } = toDiscordButtons(reply.buttons ?? []);
  const layout = spreadButtons(buttons, content.length);
  // Buttons that needed more pages than the text get pages of their own.
  while (content.length < layout.pageCount) {
    content.push([
      {
        color: COLOR.neutral,
        title: clip(reply.title ?? 'More actions', EMBED.title),
        description: '-# More actions for this answer below.',
      },
    ]);
  }
  const total = content.length;
  const pages = content.map((embeds, i): EmbedPayload => {
    const n = i + 1;
    if (total > 1) embeds[embeds.length - 1]!.footer = { text: `Page ${n}/${total}` };
    const nav = total > 1 ? navButtons(n, total, pageKey) : [];
    return { embeds, components: [...toRows(layout.forPage(n)), ...toRows(nav)] };
  });
  return { pages, warnings };
}

/** Characters Discord counts against the 6,000 per message (title, description, fields, footer, author). */
export function messageLength(p: EmbedPayload): number {
  return p.embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}
