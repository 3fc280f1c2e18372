import type { EvalResult, SystemRun } from './evaluate.js';
import { answered, type Metrics, type Scored } from './metrics.js';
import { isNegative, KINDS } from './questions.js';

const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

interface Column {
  head: string;
  cell: (m: Metrics, overall: boolean) => string;
}

// Nothing-found precision/recall are corpus-wide ratios; per kind they would only say "was this the
// nothing kind", so kind rows show `empty` (share of the kind that got no claims) instead.
const COLUMNS: Column[] = [
  { head: 'n', cell: (m) => String(m.n) },
  { head: 'R@1', cell: (m) => num(m.recallAt1) },
  { head: 'R@3', cell: (m) => num(m.recallAt3) },
  { head: 'MRR@5', cell: (m) => num(m.mrrAt5) },
  { head: 'empty', cell: (m) => num(m.empty) },
  { head: 'NF-prec', cell: (m, all) => (all ? num(m.nothingPrecision) : '') },
  { head: 'NF-rec', cell: (m, all) => (all ? num(m.nothingRecall) : '') },
  { head: 'answer', cell: (m) => (m.answered ? `${num(m.answerAccuracy)} (${m.answered})` : '—') },
  { head: 'ans-fig', cell: (m) => num(m.figureAnswerAccuracy) },
];

function rowsOf(run: SystemRun): { kind: string; system: string; cells: string[] }[] {
  const out = [{ kind: 'all', system: run.name, cells: COLUMNS.map((c) => c.cell(run.overall, true)) }];
  for (const kind of KINDS) {
    const m = run.byKind[kind];
    if (m) out.push({ kind, system: run.name, cells: COLUMNS.map((c) => c.cell(m, false)) });
  }
  return out;
}

/** Product and baseline rows interleaved per kind, columns padded to line up in a monospace chat or terminal. */
export function formatTable(result: EvalResult): string {
  const p = rowsOf(result.product);
  const b = rowsOf(result.baseline);
  const lines: string[][] = [['kind', 'system', ...COLUMNS.map((c) => c.head)]];
  p.forEach((row, i) => {
    lines.push([row.kind, row.system, ...row.cells]);
    const base = b[i]!;
    lines.push(['', base.system, ...base.cells]);
  });
  const widths = lines[0]!.map((_, col) => Math.max(...lines.map((l) => l[col]!.length)));
  const render = (l: string[]) =>
    l
      .map((cell, col) => (col < 2 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('──');
  return [render(lines[0]!), rule, ...lines.slice(1).map(render)].join('\n');
}

export function formatDelta(result: EvalResult): string {
  const d = result.deltaRecallAt3;
  const sign = d !== null && d >= 0 ? '+' : '';
  return `recall@3 delta (product − bm25): ${d === null ? '—' : `${sign}${d.toFixed(2)}`} (target ≥ +0.15)`;
}

const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One block per miss: what was asked, what a right answer looks like, what came first instead. */
export function formatMisses(run: SystemRun): string {
  const out: string[] = [];
  // Until ask() composes a lead answer every graded item fails the same way; say so once, not 70 times.
  const hasAnswers = run.scored.some((s) => s.output.answer !== null);
  const describe = (s: Scored) => {
    const q = s.question;
    const head = `#${q.index} [${q.kind}] ${q.q}${q.context ? `   (context: ${q.context})` : ''}`;
    const lines: string[] = [];
    if (isNegative(q.kind)) {
      if (answered(s.output))
        lines.push(
          `  expected nothing, got ${s.output.answer !== null ? 'a lead answer and ' : ''}${s.output.claims.length} claims`,
        );
    } else if (s.firstHit !== 1) {
      lines.push(`  expected: ${q.expect.map((r) => `/${r.source}/`).join(' | ')}`);
      lines.push(`  hit at:   ${s.firstHit === null ? 'not in top 5' : `rank ${s.firstHit}`}`);
    }
    if (s.answerOk === false && hasAnswers)
      lines.push(
        `  answer:   ${s.output.answer === null ? 'none' : JSON.stringify(short(s.output.answer))} ≠ ${q.answer!.map((r) => `/${r.source}/`).join(' & ')}`,
      );
    if (!lines.length) return;
    const first = s.output.claims[0];
    if (first !== undefined) lines.push(`  first:    ${short(first)}`);
    out.push([head, ...lines].join('\n'));
  };
  run.scored.forEach(describe);
  const note = hasAnswers ? '' : ' — no lead answers at all (AskResult has no `answer` yet), answer misses not listed';
  return out.length
    ? `${run.name} misses (${out.length})${note}:\n\n${out.join('\n\n')}`
    : `${run.name}: no misses${note}`;
}

export function toJson(result: EvalResult, filter: string | null): string {
  const strip = (r: SystemRun) => ({ overall: r.overall, byKind: r.byKind });
  return JSON.stringify(
    {
      questions: result.product.scored.length,
      kind: filter,
      product: strip(result.product),
      baseline: strip(result.baseline),
      deltaRecallAt3: result.deltaRecallAt3,
    },
    null,
    2,
  );
}
