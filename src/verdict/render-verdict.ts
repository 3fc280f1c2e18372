import { clip } from '../chat/labels.js';
import type { Button, Reply, ReplyBlock } from '../chat/reply.js';
import { joinRich, md, type RichText } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { CitedClaim } from '../knowledge/types.js';
import type { Factor, Matrix } from '../matrix/definition.js';
import type { Contribution } from '../matrix/scoring.js';
import { direction } from '../matrix/scoring.js';
import { weightsNote } from '../matrix/weights.js';
import { answerLabel, explained, titleOf, verdictHeadline, verdictText } from '../matrix/words.js';
import type { Verdict } from './decide.js';

/** How an inferred answer reads: "Yes", "No", "2 of 5". */
export const valueLabel = (f: Factor, value: string, t: Strings = en) =>
  f.scale === 'importance'
    ? t.scorecard.ofFive(value)
    : answerLabel(t, value === 'yes' || value === 'no' ? value : 'not-sure');

const list = (names: string[], last: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1)}`;

/**
 * How firm the verdict is, given what is open: "Open factors could move it to Split it but not to Go."
 * Only Go, Python and Split it are named as out of reach; a toss-up is named only when it is reachable.
 */
export function confidenceText(v: Verdict, t: Strings = en): string {
  const w = t.verdict;
  const current = direction(v.card.verdict.kind);
  const n = v.open.length;
  if (n === 0) return w.nothingOpen;
  const others = (['go', 'python', 'split', 'toss-up'] as const).filter((d) => d !== current);
  const name = (d: (typeof others)[number]) => (d === 'go' ? 'Go' : d === 'python' ? 'Python' : w.direction[d]);
  const can = others.filter((d) => v.reachable.has(d)).map(name);
  const cannot = others.filter((d) => !v.reachable.has(d) && d !== 'toss-up').map(name);
  const factors = w.openFactors(n);
  if (can.length === 0) return w.firm(factors);
  if (cannot.length === 0) return w.notSettled(factors, list(can, w.or));
  return w.could(factors, list(can, w.or), list(cannot, w.or));
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
export function verdictReply({ verdict: v, matrix, evidence, buttons }: VerdictView, t: Strings = en): Reply {
  const factor = (id: string) => matrix.factors.find((f) => f.id === id)!;
  const read = new Map(v.inference.inferred.map((f) => [f.factorId, f]));
  const card = v.card;
  // The title names the verdict; its text adds only an explanation (Split it: Go for …, Python for …).
  const why = explained(card) ? md`*${verdictText(card, t)}*\n` : [];
  const score = t.verdict.score(card.go, card.python, v.inference.inferred.length, matrix.factors.length);
  const blocks: ReplyBlock[] = [{ type: 'text', text: md`${why}${score}` }];
  for (const c of card.deciding) {
    const quote = read.get(c.factorId)?.quote;
    blocks.push({
      type: 'claims',
      title: `${titleOf(t, c)} → ${pullText(c)}${quote ? t.verdict.youSaid(clip(quote, 80)) : ''}`,
      claims: evidence(c).slice(0, 2),
    });
  }
  const lines: RichText[] = v.inference.inferred.map((f) => {
    const x = factor(f.factorId);
    return t.verdict.readLine(titleOf(t, x), valueLabel(x, f.value, t), clip(f.quote, 100));
  });
  blocks.push({ type: 'text', text: md`*${t.verdict.readHeading}*\n${joinRich(lines, '\n')}` });
  const open = v.open.map((id) => titleOf(t, factor(id)));
  blocks.push({ type: 'context', text: t.verdict.leftOpen(open.length, open.join(', '), confidenceText(v, t)) });
  const note = weightsNote(matrix, v.channel.changes, t);
  if (note) blocks.push({ type: 'context', text: note });
  blocks.push({ type: 'context', text: t.verdict.readWrong });
  return { visibility: 'channel', title: t.verdict.title(verdictHeadline(card, t)), blocks, buttons };
}

/** Nothing in the text matched a factor: say so, and how to describe a situation. */
export function nothingReadReply(situation: string, t: Strings = en): Reply {
  return {
    visibility: 'ephemeral',
    title: t.verdict.nothingReadTitle,
    blocks: [{ type: 'text', text: t.verdict.nothingRead(clip(situation, 120)) }],
  };
}
