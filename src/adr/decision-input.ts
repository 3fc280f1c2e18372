import type { AnswersStore } from '../answers/answers-store.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { Matrix } from '../matrix/definition.js';
import type { Session } from '../matrix/matrix-store.js';
import { type Aggregate, contribution } from '../matrix/scoring.js';
import type { ChannelMatrix, WalkOutcome } from '../matrix/walk-outcome.js';
import type { AnswerSource, DecisionInput, DriverEntry, Sentiment } from './adr-model.js';

export interface Sources {
  /** Where each factor's answer came from. */
  source(factorId: string): AnswerSource;
  quote(factorId: string): string | undefined;
}

/**
 * Every factor as a driver: the sources' factor (its weights as the sources give them), the channel's
 * percentage of them, its answer, its pull under the channel's weights and the claims behind it.
 */
export function drivers(
  base: Matrix,
  channel: ChannelMatrix,
  aggregates: Map<string, Aggregate>,
  sources: Sources,
  answers: AnswersStore,
): DriverEntry[] {
  const percent = new Map(channel.changes.map((c) => [c.factorId, c.percent]));
  const claims = new Map(answers.claimsByIds(channel.matrix.factors.flatMap((f) => f.claims)).map((c) => [c.id, c]));
  return channel.matrix.factors.map((f, i) => {
    const agg = aggregates.get(f.id) ?? { kind: 'unanswered' };
    const source = channel.off.has(f.id) ? 'off' : sources.source(f.id);
    return {
      factor: base.factors[i] ?? f,
      percent: percent.get(f.id) ?? 100,
      source,
      quote: sources.quote(f.id),
      contribution: contribution(f, agg),
      claims: f.claims.flatMap((id) => claims.get(id) ?? []),
    };
  });
}

/** A finished walk: accepted when the channel walked it, proposed for a solo walk. */
export function walkInput(
  base: Matrix,
  s: Session,
  o: WalkOutcome,
  ctx: { participants: string[]; date: string; sentiment?: Sentiment | undefined },
  answers: AnswersStore,
  t: Strings = en,
): DecisionInput {
  const source = (id: string): AnswerSource => {
    if (o.answered.has(id)) return 'answered';
    if (o.filled.has(id)) return 'read';
    return o.aggregates.get(id)?.kind === 'skipped' ? 'skipped' : 'open';
  };
  return {
    recordId: s.recordId ?? s.id,
    status: s.mode === 'channel' ? 'accepted' : 'proposed',
    date: ctx.date,
    situation: s.situation,
    deciders: [...new Set([s.starterId, ...ctx.participants])],
    origin: t.adr.walkOrigin(s.mode, s.id, Boolean(s.prefill)),
    card: o.card,
    drivers: drivers(base, o, o.aggregates, { source, quote: (id) => o.filled.get(id) }, answers),
    weights: o.changes,
    sentiment: ctx.sentiment,
  };
}
