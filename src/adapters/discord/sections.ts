import { clip, KIND_LABEL, SIDE_ICON } from '../../chat/labels.js';
import { barText, citationNote } from '../../chat/render-text.js';
import type { Reply, ReplyBlock } from '../../chat/reply.js';
import { link } from '../../chat/rich.js';
import type { Citation, CitedClaim } from '../../knowledge/types.js';
import { V2 } from './limits.js';
import { escapeMarkdown, markdown } from './markdown.js';

// A Reply as Discord markdown, in sections (one per container) that v2.ts packs into pages.

const COLOR = { neutral: 0x5865f2, go: 0x00add8, python: 0x3776ab, warn: 0xf0b232, private: 0x99aab5 } as const;
/** A line of markdown, or one row of a figures table (a bold name over its value). */
type Atom = { kind: 'line'; text: string } | { kind: 'field'; name: string; value: string };
export interface Section {
  /** Literal text on one line, escaped where it is shown (the container's heading). */
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

/** Reply blocks → sections, each the start of one container (before paging). */
export function toSections(reply: Reply): Section[] {
  const first: Section = { color: reply.visibility === 'ephemeral' ? COLOR.private : COLOR.neutral, atoms: [] };
  const out = [first];
  let current = first;
  const setTitle = (s: Section, text: string) => {
    // A title is one line, whatever the text (a form's question) holds: a newline could start a heading.
    const title = text.replace(/\s+/g, ' ').trim();
    s.title = clip(title, V2.heading);
    // A title too long for a heading is repeated whole in the body.
    if (title.length > V2.heading) s.atoms.push(line(`**${escapeMarkdown(title)}**`));
  };
  if (reply.title) setTitle(first, reply.title);
  /** A titled block (Go side, figures, disagreements) gets its own container, unless the current one is still empty. */
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
    // Text after a figures table starts a container of its own: the table stays a unit.
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
          escapeMarkdown(r.label),
          `${SIDE_ICON.go} Go: ${escapeMarkdown(r.go ?? '—')}\n${SIDE_ICON.python} Python: ${escapeMarkdown(r.python ?? '—')}${r.verdict ? `\n**${escapeMarkdown(r.verdict)}**` : ''}`,
        );
      break;
    case 'disagreements':
      s.open(b.title, COLOR.warn);
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
