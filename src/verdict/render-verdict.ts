import { clip } from '../chat/labels.js';
import type { Button, Reply, ReplyBlock } from '../chat/reply.js';
import { joinRich, md, type RichText } from '../chat/rich.js';
import type { CitedClaim } from '../knowledge/types.js';
import type { Factor, Matrix } from '../matrix/definition.js';
import { verdictHeadline } from '../matrix/render-walk.js';
import type { Contribution } from '../matrix/scoring.js';
import { type Direction, direction } from '../matrix/scoring.js';
import { weightsNote } from '../matrix/weights.js';
import type { Verdict } from './decide.js';

/** How an inferred answer reads: "Yes", "No", "2 of 5". */
export const valueLabel = (f: Factor, value: string) =>
  f.scale === 'importance' ? `${value} of 5` : value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Not sure';

const DIRECTION_NAME: Record<Direction, string> = {
  go: 'Go',
  python: 'Python',
  split: 'Split it',
  'toss-up': 'a toss-up',
  'no-signal': 'no verdict',
};

const list = (names: string[], last: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;

/**
 * How firm the verdict is, given what is open: "Open factors could move it to Split it but not to Go."
 * Only Go, Python and Split it are named as out of reach; a toss-up is named only when it is reachable.
 */
export function confidenceText(v: Verdict): string {
  const current = direction(v.card.verdict.kind);
  const n = v.open.length;
  if (n === 0) return 'Nothing is left open: this is the verdict for these answers.';
  const others = (['go', 'python', 'split', 'toss-up'] as const).filter((d) => d !== current);
  const can = others.filter((d) => v.reachable.has(d)).map((d) => DIRECTION_NAME[d]);
  const cannot = others.filter((d) => !v.reachable.has(d) && d !== 'toss-up').map((d) => DIRECTION_NAME[d]);
  const factors = `${n} open factor${n === 1 ? '' : 's'}`;
  if (can.length === 0) return `Firm: no answers to the ${factors} would change its direction.`;
  if (cannot.length === 0) return `Not settled: the ${factors} could still move it to ${list(can, 'or')}.`;
  return `The ${factors} could move it to ${list(can, 'or')}, but not to ${list(cannot, 'or')}.`;
}

const pullText = (c: Contribution) => `${c.net > 0 ? 'Go' : 'Python'} +${Math.abs(c.net)}`;

export interface VerdictView {
  verdict: Verdict;
  /** The sources' matrix: titles, and for the weights note. */
  matrix: Matrix;
  /** A factor's cited claims, those for the way it pulls first. */
  evidence(c: Contribution): CitedClaim[];
  buttons: Button[];
}

/** The verdict, the three factors that decided it with their claims, what was read and what is open. */
export function verdictReply({ verdict: v, matrix, evidence, buttons }: VerdictView): Reply {
  const factor = (id: string) => matrix.factors.find((f) => f.id === id)!;
  const read = new Map(v.inference.inferred.map((f) => [f.factorId, f]));
  const card = v.card;
  // The title names the verdict; its text adds only an explanation (Split it: Go for …, Python for …).
  const explained = card.verdict.text.includes(':') ? md`*${card.verdict.text}*\n` : [];
  const blocks: ReplyBlock[] = [
    {
      type: 'text',
      text: md`${explained}Score: Go ${card.go} · Python ${card.python}, from the ${v.inference.inferred.length} of ${matrix.factors.length} factors read from your situation. Decided by:`,
    },
  ];
  for (const c of card.deciding) {
    const quote = read.get(c.factorId)?.quote;
    blocks.push({
      type: 'claims',
      title: `${c.title} → ${pullText(c)}${quote ? ` — you said “${clip(quote, 80)}”` : ''}`,
      claims: evidence(c).slice(0, 2),
    });
  }
  const lines: RichText[] = v.inference.inferred.map(
    (f) => md`• ${factor(f.factorId).title}: *${valueLabel(factor(f.factorId), f.value)}* — “${clip(f.quote, 100)}”`,
  );
  blocks.push({ type: 'text', text: md`*Read from your words*\n${joinRich(lines, '\n')}` });
  const open = v.open.map((id) => factor(id).title);
  blocks.push({
    type: 'context',
    text: md`Left open (${open.length}): ${open.join(', ') || 'none'}. ${confidenceText(v)}`,
  });
  const note = weightsNote(matrix, v.channel.changes);
  if (note) blocks.push({ type: 'context', text: note });
  blocks.push({
    type: 'context',
    text: 'Read wrong? Say it in the situation and ask again. Refine answers the open factors in a walk; Export decision record writes it up as an ADR.',
  });
  return { visibility: 'channel', title: `🧭 Verdict: ${verdictHeadline(card)}`, blocks, buttons };
}

/** Nothing in the text matched a factor: say so, and how to describe a situation. */
export function nothingReadReply(situation: string): Reply {
  return {
    visibility: 'ephemeral',
    title: 'No factor found',
    blocks: [
      {
        type: 'text',
        text: md`I could not read any of the matrix's factors from “${clip(situation, 120)}”. Say what the backend does and what matters, e.g. \`/versus verdict four of us, a B2B CRUD SaaS, some pandas, no real-time needs, MVP by spring\`, or walk all the questions with \`/versus matrix\`.`,
      },
    ],
  };
}
