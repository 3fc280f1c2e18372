import { capitalized, SIDE_ICON } from '../chat/labels.js';
import { type Button, ephemeral, type Reply, type ReplyBlock } from '../chat/reply.js';
import { md, mention, type RichText } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { CitedClaim } from '../knowledge/types.js';
import type { Factor, Matrix } from './definition.js';
import type { Session } from './matrix-store.js';
import type { Aggregate, Contribution, Scorecard } from './scoring.js';
import { walkAction } from './walk-action.js';
import { answerLabel, factorText, titleOf, verdictHeadline, verdictText } from './words.js';

export { verdictHeadline } from './words.js';

export function answerChoices(f: Factor): string[] {
  return f.scale === 'yes-no' ? ['yes', 'no', 'not-sure'] : ['1', '2', '3', '4', '5', 'not-sure'];
}

/** How a step's answers add up: "tie → Not sure (yes 1 · no 1 · not sure 1)", "importance 4 of 5 from 3 answer(s)". */
export function aggregateText(agg: Aggregate, t: Strings = en): string {
  switch (agg.kind) {
    case 'skipped':
      return t.walk.skipped;
    case 'unanswered':
      return t.walk.unanswered;
    case 'choice': {
      const { yes, no, 'not-sure': notSure } = agg.counts;
      return t.walk.choice(agg.tie, answerLabel(t, agg.value), yes, no, notSure);
    }
    case 'importance':
      return t.walk.importance(agg.mean, agg.answers, agg.notSure);
  }
}

/** Where a step stands among the steps the walk asks, and whether it has a step before and after it. */
export interface StepNav {
  index: number;
  count: number;
  back: boolean;
  next: boolean;
}

function stepButtons(factor: Factor, session: Session, nav: StepNav, t: Strings): Button[] {
  const { id: sessionId, step } = session;
  const at = (op: 'next' | 'back' | 'skip' | 'finish') => walkAction.encode({ op, sessionId, step });
  const buttons: Button[] = answerChoices(factor).map((value) => ({
    actionId: walkAction.encode({ op: 'answer', sessionId, step, value }),
    label: answerLabel(t, value),
  }));
  if (nav.back) buttons.push({ actionId: at('back'), label: t.walk.back });
  buttons.push({ actionId: at('skip'), label: t.walk.skip });
  buttons.push(
    nav.next
      ? { actionId: at('next'), label: t.walk.next, style: 'primary' }
      : { actionId: at('finish'), label: t.walk.finish, style: 'primary' },
  );
  if (nav.next) buttons.push({ actionId: at('finish'), label: t.walk.finishNow });
  return buttons;
}

/** One step: the factor's question, why it matters (cited), answer buttons and the starter's navigation. */
export function renderStep(
  matrix: Matrix,
  session: Session,
  view: { agg: Aggregate; evidence: CitedClaim[]; nav: StepNav; yours?: string | undefined },
  t: Strings = en,
): Reply {
  const factor = matrix.factors[session.step]!;
  const words = factorText(t, factor);
  const solo = session.mode === 'solo';
  const blocks: ReplyBlock[] = [{ type: 'text', text: md`*${words.question}*` }];
  if (view.evidence.length)
    blocks.push({ type: 'claims', title: t.walk.whyItMatters, claims: view.evidence.slice(0, 2) });
  blocks.push({
    type: 'text',
    text: solo
      ? t.walk.yourAnswer(view.yours ? answerLabel(t, view.yours) : '—')
      : t.walk.answersSoFar(aggregateText(view.agg, t)),
  });
  blocks.push({ type: 'context', text: solo ? t.walk.onlyYou : t.walk.anyoneHere([mention(session.starterId)]) });
  return {
    visibility: solo ? 'ephemeral' : 'channel',
    title: t.walk.stepTitle(view.nav.index, view.nav.count, words.title),
    blocks,
    buttons: stepButtons(factor, session, view.nav, t),
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

function contributionText(c: Contribution, x: ScorecardExtras, t: Strings): string {
  if (x.off?.has(c.factorId)) return t.scorecard.switchedOff;
  const quote = x.filled?.get(c.factorId);
  if (quote === undefined) return aggregateText(c.aggregate, t);
  const v =
    c.aggregate.kind === 'choice'
      ? answerLabel(t, c.aggregate.value)
      : c.aggregate.kind === 'importance'
        ? t.scorecard.ofFive(c.aggregate.mean)
        : '—';
  return t.scorecard.readFrom(v, quote);
}

/** The final scorecard: totals, each factor's pull as a bar, the deciding factors, the verdict and its citations. */
export function renderScorecard(
  card: Scorecard,
  evidence: CitedClaim[],
  mode: Session['mode'],
  extras: ScorecardExtras = {},
  t: Strings = en,
): Reply {
  const max = Math.max(0, ...card.contributions.map((c) => Math.abs(c.net)));
  const line = (c: Contribution) => `${bar(c.net, max)}  ${titleOf(t, c)} — ${contributionText(c, extras, t)}`;
  const total = { label: t.scorecard.total, go: String(card.go), python: String(card.python) };
  const blocks: ReplyBlock[] = [
    { type: 'figures', title: t.scorecard.score, rows: [total] },
    { type: 'text', text: card.contributions.map(line).join('\n') },
  ];
  if (card.deciding.length) {
    const list = card.deciding.map((c) => `${titleOf(t, c)} (${c.net > 0 ? 'Go' : 'Python'})`).join(', ');
    blocks.push({ type: 'text', text: t.scorecard.deciding(list) });
  }
  blocks.push({ type: 'text', text: t.scorecard.verdictLine(verdictText(card, t)) });
  if (evidence.length) blocks.push({ type: 'claims', title: t.scorecard.why, claims: evidence });
  if (extras.note) blocks.push({ type: 'context', text: extras.note });
  return {
    visibility: mode === 'solo' ? 'ephemeral' : 'channel',
    title: t.scorecard.title(verdictHeadline(card, t)),
    blocks,
    buttons: extras.buttons?.length ? extras.buttons : undefined,
  };
}

/** A navigation click that lost a race: where the walk is now (steps counted as the walk asks them); nothing changed. */
export function staleClickReply(s: Session, from: number, now: number, t: Strings = en): Reply {
  if (s.status !== 'open') return ephemeral(t.walk.staleStatus(t.walk.status[s.status]));
  return ephemeral(t.walk.staleMoved(now, from));
}

/** What a cancelled or expired channel walk's message turns into. */
export function closedWalkReply(status: Session['status'], t: Strings = en): Reply {
  return { ...ephemeral(t.walk.closed(t.walk.status[status])), visibility: 'channel' };
}

/** Posted in the channel when a walk expires unused. */
export function expiredWalkNote(starterId: string, days: number, t: Strings = en): Reply {
  return { ...ephemeral(t.walk.expired([mention(starterId)], days)), visibility: 'channel' };
}

/** What starting a walk says, privately, to whoever started it. */
export function startNote(
  n:
    | { busy: string; mode: Session['mode'] }
    | { nothingToAsk: 'refine' | 'off' }
    | { resumedAt: number; n: number }
    | { started: number; filled: number },
  t: Strings = en,
): Reply {
  if ('busy' in n) return ephemeral(t.walk.busy(capitalized(n.busy), n.mode));
  if ('nothingToAsk' in n) return ephemeral(n.nothingToAsk === 'refine' ? t.walk.nothingLeft : t.walk.allOff());
  if ('resumedAt' in n) return ephemeral(t.walk.resumed(n.resumedAt, n.n));
  return ephemeral(n.filled ? t.walk.startedRefine(n.started, n.filled) : t.walk.started(n.started));
}
