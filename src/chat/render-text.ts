import type { Citation, CitedClaim } from '../knowledge/types.js';
import { KIND_LABEL, SIDE_ICON } from './labels.js';
import type { Reply, ReplyBlock } from './reply.js';
import { plain } from './rich.js';

export function citationText(c: Pick<CitedClaim, 'citation' | 'alsoIn' | 'derived'>): string {
  return `${c.citation.title} › ${c.citation.section}${citationNote(c)}`;
}

/** What follows a claim's citation: other sources stating the same fact, or that the figure is derived. */
export function citationNote(c: Pick<CitedClaim, 'alsoIn' | 'derived'>): string {
  const also = c.alsoIn?.length
    ? ` · also ${c.alsoIn.map((x) => x.title).join(', ')} (${c.alsoIn.length + 1} sources agree)`
    : '';
  return `${also}${c.derived ? ' · derived from the table above' : ''}`;
}

/** The sources of a lead answer, short: "Guide 2025 › HTTP server benchmarks; Essay › Hiring". */
export function answerSources(citations: Citation[]): string {
  return citations.map((c) => `${c.title} › ${c.section}`).join('; ');
}

/** One claim as a line: icon, text, the kind when it is not plain fact, and its source. */
export function claimLine(c: CitedClaim): string {
  const kind = KIND_LABEL[c.kind] ? ` (${KIND_LABEL[c.kind]})` : '';
  return `${SIDE_ICON[c.side]} ${c.text}${kind}\n    — ${citationText(c)}`;
}

/** A text bar for poll results: 10 cells wide. */
export function barText(percent: number, width = 10): string {
  const filled = Math.round((percent / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function block(b: ReplyBlock): string {
  switch (b.type) {
    case 'heading':
      return `== ${b.text} ==`;
    case 'text':
      return plain(b.text);
    case 'answer':
      return `*${b.text}*\n    — ${answerSources(b.citations)}`;
    case 'context':
      return `(${plain(b.text)})`;
    case 'divider':
      return '----';
    case 'claims':
      return [b.title ? `${b.title}` : '', ...b.claims.map((c, i) => `${i + 1}. ${claimLine(c)}`)]
        .filter(Boolean)
        .join('\n');
    case 'figures':
      return [
        b.title ?? 'Figures',
        ...b.rows.map(
          (r) =>
            `  ${r.label}: ${SIDE_ICON.go} ${r.go ?? '—'} | ${SIDE_ICON.python} ${r.python ?? '—'}${r.verdict ? ` → ${r.verdict}` : ''}`,
        ),
      ].join('\n');
    case 'disagreements':
      return [
        b.title,
        ...b.items.map(
          (d) =>
            `  • ${d.about}: ${d.summary}\n      — ${citationText(d.claims[0])}\n      — ${citationText(d.claims[1])}`,
        ),
      ].join('\n');
    case 'bars':
      return [
        b.title ?? '',
        ...b.bars.map((x) => `  ${x.label.padEnd(16)} ${barText(x.percent)} ${x.percent}% (${x.count})`),
        `  ${b.totalLabel ?? `${b.total} vote(s)`}`,
      ]
        .filter(Boolean)
        .join('\n');
  }
}

/** Plain-text rendering: the console adapter, CLI output and every platform's notification fallback. */
export function renderText(r: Reply): string {
  const parts = [r.title ? `*${r.title}*` : '', ...r.blocks.map(block)];
  if (r.buttons?.length) parts.push(r.buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('  '));
  return parts.filter(Boolean).join('\n\n');
}
