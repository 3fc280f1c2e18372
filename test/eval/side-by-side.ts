import type { EvalResult, SystemRun } from './evaluate.js';
import type { Metrics } from './metrics.js';
import { isNegative, KINDS, type Kind } from './questions.js';

const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));

/** The figures compared across sets: n, recall@1, recall@3, lead-answer accuracy. */
const cells = (m: Metrics | undefined): string[] =>
  m ? [String(m.n), num(m.recallAt1), num(m.recallAt3), num(m.answerAccuracy)] : ['', '', '', ''];
const refusals = (m: Metrics | undefined): string[] =>
  m ? [String(m.n), `${m.negativesAnswered} answered`, '', ''] : ['', '', '', ''];

function table(lines: string[][]): string {
  const widths = lines[0]!.map((_, col) => Math.max(...lines.map((l) => (l[col] ?? '').length)));
  const render = (l: string[]) =>
    l
      .map((c, col) => (col === 0 ? c.padEnd(widths[col]!) : c.padStart(widths[col]!)))
      .join('  ')
      .trimEnd();
  return [render(lines[0]!), widths.map((w) => '─'.repeat(w)).join('──'), ...lines.slice(1).map(render)].join('\n');
}

export interface NamedResult {
  name: string;
  result: EvalResult | undefined;
}

/**
 * The sets side by side (dev, tune, sealed), each with the product and the bm25 baseline, then the gap
 * between the sets ranking work reads and the sealed one. Nothing here prints a question or its answer.
 */
export function formatSideBySide(sets: NamedResult[]): string {
  const head = ['kind', ...sets.flatMap((s) => [`${s.name} n`, 'R@1', 'R@3', 'lead', 'bm25 R@3'])];
  const row = (kind: string, pick: (run: SystemRun) => Metrics | undefined) => {
    const negative = kind !== 'all' && isNegative(kind as Kind);
    const part = (r: EvalResult | undefined) => {
      const m = r && pick(r.product);
      const base = r && pick(r.baseline);
      return [...(negative ? refusals(m) : cells(m)), negative || !base ? '' : num(base.recallAt3)];
    };
    return [kind, ...sets.flatMap((s) => part(s.result))];
  };
  const lines = [head, row('all', (r) => r.overall)];
  for (const kind of KINDS)
    if (sets.some((s) => s.result?.product.byKind[kind])) lines.push(row(kind, (r) => r.byKind[kind]));
  const out = [table(lines)];
  const sealed = sets.find((s) => s.name === 'sealed')?.result;
  if (sealed?.product.overall.n) {
    const s = sealed.product.overall;
    const gap = (a: number | null, b: number | null) => (a === null || b === null ? '—' : (a - b).toFixed(2));
    for (const { name, result } of sets)
      if (name !== 'sealed' && result?.product.overall.n) {
        const d = result.product.overall;
        out.push(
          `gap ${name} − sealed: R@1 ${gap(d.recallAt1, s.recallAt1)}, R@3 ${gap(d.recallAt3, s.recallAt3)}, lead ${gap(d.answerAccuracy, s.answerAccuracy)}`,
        );
      }
    out.push(
      `sealed R@3 − bm25 R@3: ${gap(s.recallAt3, sealed.baseline.overall.recallAt3)} (target ≥ +0.20); negatives answered: ${s.negativesAnswered} of ${s.negatives}`,
    );
  } else out.push('sealed set: none found under test/eval/sealed/');
  return out.join('\n');
}
