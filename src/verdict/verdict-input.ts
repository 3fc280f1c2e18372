import type { DecisionInput, Sentiment } from '../adr/adr-model.js';
import { drivers } from '../adr/decision-input.js';
import type { AnswersStore } from '../answers/answers-store.js';
import { en, type Strings } from '../chat/strings-en.js';
import type { Matrix } from '../matrix/definition.js';
import type { Verdict } from './decide.js';
import { confidenceText } from './render-verdict.js';

/** A verdict read from a situation: status proposed, its reader the decider. */
export function verdictInput(
  base: Matrix,
  v: Verdict,
  ctx: { recordId: string; userId: string; date: string; sentiment?: Sentiment | undefined },
  answers: AnswersStore,
  t: Strings = en,
): DecisionInput {
  const read = new Map(v.inference.inferred.map((f) => [f.factorId, f.quote]));
  return {
    recordId: ctx.recordId,
    status: 'proposed',
    date: ctx.date,
    situation: v.inference.situation,
    deciders: [ctx.userId],
    origin: t.adr.verdictOrigin,
    card: v.card,
    drivers: drivers(
      base,
      v.channel,
      v.aggregates,
      { source: (id) => (read.has(id) ? 'read' : 'open'), quote: (id) => read.get(id) },
      answers,
    ),
    weights: v.channel.changes,
    confidence: confidenceText(v, t),
    sentiment: ctx.sentiment,
  };
}
