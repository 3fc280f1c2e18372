import { SIDE_ICON } from '../chat/labels.js';
import { type Button, type CitedClaim, ephemeral, type Reply, type ReplyBlock } from '../chat/reply.js';
import { md, mention } from '../chat/rich.js';
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

function aggregateText(agg: Aggregate): string {
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

/** One step: the factor's question, why it matters (cited), answer buttons and the starter's navigation. */
export function renderStep(
  matrix: Matrix,
  session: Session,
  agg: Aggregate,
  evidence: CitedClaim[],
  yours?: string,
): Reply {
  const factor = matrix.factors[session.step]!;
  const n = matrix.factors.length;
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
  if (step > 0) buttons.push({ actionId: walkAction.encode({ op: 'back', sessionId: id, step }), label: '◀ Back' });
  buttons.push({ actionId: walkAction.encode({ op: 'skip', sessionId: id, step }), label: 'Skip' });
  buttons.push(
    step + 1 < n
      ? { actionId: walkAction.encode({ op: 'next', sessionId: id, step }), label: 'Next ▶', style: 'primary' }
      : {
          actionId: walkAction.encode({ op: 'finish', sessionId: id, step }),
          label: 'Finish',
          style: 'primary',
        },
  );
  if (step + 1 < n)
    buttons.push({ actionId: walkAction.encode({ op: 'finish', sessionId: id, step }), label: 'Finish now' });
  return {
    visibility: session.mode === 'solo' ? 'ephemeral' : 'channel',
    title: `🧭 Step ${step + 1}/${n}: ${factor.title}`,
    blocks,
    buttons,
  };
}

function bar(net: number, max: number): string {
  const cells = max === 0 ? 0 : Math.round((Math.abs(net) / max) * 8);
  return `${net > 0 ? SIDE_ICON.go : net < 0 ? SIDE_ICON.python : '  '} ${'█'.repeat(cells)}${'░'.repeat(8 - cells)} ${net > 0 ? '+' : ''}${net}`;
}

/** The final scorecard: totals, each factor's pull as a bar, the deciding factors, the verdict and its citations. */
export function renderScorecard(card: Scorecard, evidence: CitedClaim[], mode: Session['mode']): Reply {
  const max = Math.max(0, ...card.contributions.map((c) => Math.abs(c.net)));
  const line = (c: Contribution) => `${bar(c.net, max)}  ${c.title} — ${aggregateText(c.aggregate)}`;
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
  return {
    visibility: mode === 'solo' ? 'ephemeral' : 'channel',
    title: `🧭 Scorecard — ${card.verdict.text.split(':')[0]!.replace(/\.$/, '')}`,
    blocks,
  };
}

/** A navigation click that lost a race: where the walk is now; nothing changed. */
export function staleClickReply(s: Session, from: number): Reply {
  if (s.status !== 'open') return ephemeral(`This walk is already ${s.status}; your click changed nothing.`);
  return ephemeral(
    `Someone moved the walk on while you clicked: it is at step ${s.step + 1} now, not ${from + 1}. Your click changed nothing.`,
  );
}

/** What a cancelled or expired channel walk's message turns into. */
export function closedWalkReply(status: Session['status']): Reply {
  return {
    ...ephemeral(md`This decision-matrix walk was ${status}. Start a new one with \`/versus matrix\`.`),
    visibility: 'channel',
  };
}
