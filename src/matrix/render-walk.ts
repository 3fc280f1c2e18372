import { capitalized, SIDE_ICON } from '../chat/labels.js';
import { type Button, ephemeral, type Reply, type ReplyBlock } from '../chat/reply.js';
import { md, mention, type RichText } from '../chat/rich.js';
import type { CitedClaim } from '../knowledge/types.js';
import type { Factor, Matrix } from './definition.js';
import type { Session } from './matrix-store.js';
import type { Aggregate, Contribution, Scorecard } from './scoring.js';
import { walkAction } from './walk-action.js';

const LABELS: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
  1: '1 · minor',
  2: '2',
  3: '3',
  4: '4',
  5: '5 · critical',
};

export function answerChoices(f: Factor): string[] {
  return f.scale === 'yes-no' ? ['yes', 'no', 'not-sure'] : ['1', '2', '3', '4', '5', 'not-sure'];
}

export function aggregateText(agg: Aggregate): string {
  switch (agg.kind) {
    case 'skipped':
      return 'skipped';
    case 'unanswered':
      return 'no answers yet';
    case 'choice':
      return `${agg.tie ? 'tie → ' : ''}${LABELS[agg.value]} (yes ${agg.counts.yes} · no ${agg.counts.no} · not sure ${agg.counts['not-sure']})`;
    case 'importance':
      return `importance ${agg.mean} of 5 from ${agg.answers} answer(s)${agg.notSure ? `, ${agg.notSure} not sure` : ''}`;
  }
}

/** Where a step stands among the steps the walk asks, and whether it has a step before and after it. */
export interface StepNav {
  index: number;
  count: number;
  back: boolean;
  next: boolean;
}

/** One step: the factor's question, why it matters (cited), answer buttons and the starter's navigation. */
export function renderStep(
  matrix: Matrix,
  session: Session,
  agg: Aggregate,
  evidence: CitedClaim[],
  nav: StepNav,
  yours?: string,
): Reply {
  const factor = matrix.factors[session.step]!;
  const id = session.id;
  const step = session.step;
  const blocks: ReplyBlock[] = [{ type: 'text', text: md`*${factor.question}*` }];
  if (evidence.length) blocks.push({ type: 'claims', title: 'Why it matters', claims: evidence.slice(0, 2) });
  blocks.push({
    type: 'text',
    text:
      session.mode === 'solo' ? `Your answer: ${yours ? LABELS[yours] : '—'}` : `Answers so far: ${aggregateText(agg)}`,
  });
  blocks.push({
    type: 'context',
    text:
      session.mode === 'solo'
        ? 'Only you see this walk.'
        : md`Anyone here can answer (and change their answer); ${mention(session.starterId)} or an admin moves on.`,
  });
  const buttons: Button[] = answerChoices(factor).map((value) => ({
    actionId: walkAction.encode({ op: 'answer', sessionId: id, step, value }),
    label: LABELS[value] ?? value,
  }));
  if (nav.back) buttons.push({ actionId: walkAction.encode({ op: 'back', sessionId: id, step }), label: '◀ Back' });
  buttons.push({ actionId: walkAction.encode({ op: 'skip', sessionId: id, step }), label: 'Skip' });
  buttons.push(
    nav.next
      ? { actionId: walkAction.encode({ op: 'next', sessionId: id, step }), label: 'Next ▶', style: 'primary' }
      : {
          actionId: walkAction.encode({ op: 'finish', sessionId: id, step }),
          label: 'Finish',
          style: 'primary',
        },
  );
  if (nav.next)
    buttons.push({ actionId: walkAction.encode({ op: 'finish', sessionId: id, step }), label: 'Finish now' });
  return {
    visibility: session.mode === 'solo' ? 'ephemeral' : 'channel',
    title: `🧭 Step ${nav.index}/${nav.count}: ${factor.title}`,
    blocks,
    buttons,
  };
}

function bar(net: number, max: number): string {
  const cells = max === 0 ? 0 : Math.round((Math.abs(net) / max) * 8);
  return `${net > 0 ? SIDE_ICON.go : net < 0 ? SIDE_ICON.python : '  '} ${'█'.repeat(cells)}${'░'.repeat(8 - cells)} ${net > 0 ? '+' : ''}${net}`;
}

/** What a scorecard adds to the plain walk's: answers from a verdict, the channel's weights, its buttons. */
export interface ScorecardExtras {
  /** Factors answered from the verdict's situation, with the words that set them. */
  filled?: ReadonlyMap<string, string> | undefined;
  off?: ReadonlySet<string> | undefined;
  note?: RichText | undefined;
  buttons?: Button[] | undefined;
}

function contributionText(c: Contribution, x: ScorecardExtras): string {
  if (x.off?.has(c.factorId)) return 'switched off in this channel';
  const quote = x.filled?.get(c.factorId);
  if (quote === undefined) return aggregateText(c.aggregate);
  const v =
    c.aggregate.kind === 'choice'
      ? LABELS[c.aggregate.value]
      : c.aggregate.kind === 'importance'
        ? `${c.aggregate.mean} of 5`
        : '—';
  return `${v}, read from “${quote}”`;
}

/** The final scorecard: totals, each factor's pull as a bar, the deciding factors, the verdict and its citations. */
export function renderScorecard(
  card: Scorecard,
  evidence: CitedClaim[],
  mode: Session['mode'],
  extras: ScorecardExtras = {},
): Reply {
  const max = Math.max(0, ...card.contributions.map((c) => Math.abs(c.net)));
  const line = (c: Contribution) => `${bar(c.net, max)}  ${c.title} — ${contributionText(c, extras)}`;
  const blocks: ReplyBlock[] = [
    { type: 'figures', title: 'Score', rows: [{ label: 'Total', go: String(card.go), python: String(card.python) }] },
    { type: 'text', text: card.contributions.map(line).join('\n') },
  ];
  if (card.deciding.length)
    blocks.push({
      type: 'text',
      text: md`Deciding factors: ${card.deciding.map((c) => `${c.title} (${c.net > 0 ? 'Go' : 'Python'})`).join(', ')}`,
    });
  blocks.push({ type: 'text', text: md`*Verdict: ${card.verdict.text}*` });
  if (evidence.length)
    blocks.push({ type: 'claims', title: 'Why: the evidence behind the deciding factors', claims: evidence });
  if (extras.note) blocks.push({ type: 'context', text: extras.note });
  return {
    visibility: mode === 'solo' ? 'ephemeral' : 'channel',
    title: `🧭 Scorecard — ${verdictHeadline(card)}`,
    blocks,
    buttons: extras.buttons?.length ? extras.buttons : undefined,
  };
}

/** "Strong Python", "Split it": the verdict's text up to its explanation. */
export const verdictHeadline = (card: Scorecard) => card.verdict.text.split(':')[0]!.replace(/\.$/, '');

/** A navigation click that lost a race: where the walk is now (steps counted as the walk asks them); nothing changed. */
export function staleClickReply(s: Session, from: number, now: number): Reply {
  if (s.status !== 'open') return ephemeral(`This walk is already ${s.status}; your click changed nothing.`);
  return ephemeral(
    `Someone moved the walk on while you clicked: it is at step ${now} now, not ${from}. Your click changed nothing.`,
  );
}

/** What a cancelled or expired channel walk's message turns into. */
export function closedWalkReply(status: Session['status']): Reply {
  return {
    ...ephemeral(md`This decision-matrix walk was ${status}. Start a new one with \`/versus matrix\`.`),
    visibility: 'channel',
  };
}

/** Posted in the channel when a walk expires unused. */
export function expiredWalkNote(starterId: string, days: number): Reply {
  return {
    ...ephemeral(
      md`The decision-matrix walk started by ${mention(starterId)} expired after ${days} days without activity. Start again with \`/versus matrix\`.`,
    ),
    visibility: 'channel',
  };
}

/** What starting a walk says, privately, to whoever started it. */
export function startNote(
  n:
    | { busy: string; mode: Session['mode'] }
    | { nothingToAsk: 'refine' | 'off' }
    | { resumedAt: number; n: number }
    | { started: number; filled: number },
): Reply {
  if ('busy' in n)
    return ephemeral(
      md`${capitalized(n.busy)} is still open here: finish or cancel it (\`/versus matrix cancel ${n.mode}\`), then Refine again.`,
    );
  if ('nothingToAsk' in n)
    return ephemeral(
      n.nothingToAsk === 'refine'
        ? 'Your situation already answers every factor: there is nothing left to ask. Export the decision record from the verdict.'
        : md`Every factor is switched off in this channel. An admin can switch them back on with \`/versus matrix weights\`.`,
    );
  if ('resumedAt' in n) return ephemeral(`Resumed the open walk at step ${n.resumedAt} of ${n.n}.`);
  return ephemeral(
    n.filled
      ? `Started a ${n.started}-step walk over the factors your situation left open; the ${n.filled} it answered are filled in.`
      : `Started a ${n.started}-step decision-matrix walk. Answer with the buttons; you move on with Next.`,
  );
}
