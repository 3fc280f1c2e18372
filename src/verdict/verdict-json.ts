import { claimJson } from '../cli-output.js';
import type { Factor, Matrix } from '../matrix/definition.js';
import { type Direction, direction } from '../matrix/scoring.js';
import type { Verdict } from './decide.js';
import { confidenceText } from './render-verdict.js';
import type { VerdictService } from './verdict-service.js';

/** `verdict`: go, python or split; a toss-up or no signal is `undecided` (`kind` has the exact one). */
const VERDICT: Record<Direction, 'go' | 'python' | 'split' | 'undecided'> = {
  go: 'go',
  python: 'python',
  split: 'split',
  'toss-up': 'undecided',
  'no-signal': 'undecided',
};

const answerValue = (f: Factor, value: string) => (f.scale === 'importance' ? Number(value) : value);

/** The documented `versus verdict --json` shape. */
export function verdictJson(v: Verdict, matrix: Matrix, verdicts: VerdictService, ms: number) {
  const read = new Map(v.inference.inferred.map((f) => [f.factorId, f]));
  const pull = new Map(v.card.contributions.map((c) => [c.factorId, c]));
  return {
    situation: v.inference.situation,
    verdict: VERDICT[direction(v.card.verdict.kind)],
    kind: v.card.verdict.kind,
    text: v.card.verdict.text,
    score: { go: v.card.go, python: v.card.python },
    factors: matrix.factors.map((f) => {
      const r = read.get(f.id);
      const c = pull.get(f.id)!;
      return {
        id: f.id,
        title: f.title,
        value: r ? answerValue(f, r.value) : null,
        inferred: r !== undefined,
        quote: r?.quote ?? null,
        ...(v.channel.off.has(f.id) ? { off: true } : {}),
        pull: { go: c.go, python: c.python },
      };
    }),
    deciding: v.card.deciding.map((c) => ({
      id: c.factorId,
      title: c.title,
      pull: { go: c.go, python: c.python },
      claims: verdicts.claimsFor(c).map(claimJson),
    })),
    claims: v.card.claims,
    open: v.open,
    reachable: [...v.reachable].map((d) => VERDICT[d]).filter((d, i, all) => all.indexOf(d) === i),
    confidence: confidenceText(v),
    ms: Math.round(ms * 100) / 100,
  };
}
