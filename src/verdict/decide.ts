import type { Factor } from '../matrix/definition.js';
import { answerChoices } from '../matrix/render-walk.js';
import {
  type Aggregate,
  aggregate,
  contribution,
  type Direction,
  direction,
  type Scorecard,
  score,
} from '../matrix/scoring.js';
import { type Prefill, walkAggregates } from '../matrix/steps.js';
import type { ChannelMatrix } from '../matrix/walk-outcome.js';
import { type Inference, infer } from './infer.js';
import type { Lexicon } from './lexicon.js';
import { reachableDirections } from './reach.js';

export interface Verdict {
  inference: Inference;
  /** The inferred answers in the walk's form: what Refine fills in. */
  prefill: Prefill;
  channel: ChannelMatrix;
  aggregates: Map<string, Aggregate>;
  /** Scored exactly as a walk with these answers is (walkAggregates + score). */
  card: Scorecard;
  /** Factors left open that count in this channel (switched-off ones count for nothing either way). */
  open: string[];
  /** Every direction some answers to the open factors would give, the current one included. */
  reachable: Set<Direction>;
}

/** A situation's verdict under a channel's matrix: read, then scored as a walk over the same answers. */
export function decide(situation: string, lexicon: Lexicon, channel: ChannelMatrix): Verdict {
  const inference = infer(situation, lexicon, channel.matrix);
  const prefill: Prefill = Object.fromEntries(
    inference.inferred.map((f) => [f.factorId, { value: f.value, quote: f.quote }]),
  );
  const aggregates = walkAggregates(channel.matrix, [], new Set(), prefill);
  const card = score(channel.matrix, aggregates);
  const open = inference.open.filter((id) => !channel.off.has(id));
  // The current verdict is reachable by definition (it is the one with the open factors unanswered).
  const reach = reachable(channel, aggregates, open).add(direction(card.verdict.kind));
  return { inference, prefill, channel, aggregates, card, open, reachable: reach };
}

/** The directions some answers to the open factors give, from each factor's possible pulls (reach.ts). */
export function reachable(channel: ChannelMatrix, aggregates: Map<string, Aggregate>, open: string[]): Set<Direction> {
  const openSet = new Set(open);
  const pull = (f: Factor, agg: Aggregate) => contribution(f, agg).net;
  const fixed = channel.matrix.factors
    .filter((f) => !openSet.has(f.id))
    .map((f) => pull(f, aggregates.get(f.id) ?? { kind: 'unanswered' }));
  const options = channel.matrix.factors
    .filter((f) => openSet.has(f.id))
    .map((f) => [...new Set(answerChoices(f).map((v) => pull(f, aggregate(f, [v]))))]);
  return reachableDirections(fixed, options);
}
