import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMatrix } from '../../src/matrix/definition.js';
import { infer } from '../../src/verdict/infer.js';
import { loadLexicon } from '../../src/verdict/lexicon.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';
import { DEV, loadSituations, OWN, type Score, SEALED, score } from './situations.js';

/**
 * `npm run eval:verdict [-- --verbose] [--json] [--set dev|own|sealed]`: factor accuracy of `/versus verdict`
 * on the dev, own and sealed situations, side by side. `--verbose` lists the dev and own misses; the sealed
 * set is only ever scored.
 */
function main(): number {
  const { values } = parseArgs({
    options: {
      verbose: { type: 'boolean', short: 'v', default: false },
      json: { type: 'boolean', default: false },
      /** Score one set only, e.g. `--set dev` while tuning, so the sealed figure is not watched move. */
      set: { type: 'string' },
    },
  });
  const matrix = loadMatrix(join(REAL_KNOWLEDGE, 'matrix.yaml'));
  const lexicon = loadLexicon(join(REAL_KNOWLEDGE, 'verdict.yaml'), matrix);
  if (!lexicon) throw new Error('knowledge/verdict.yaml is missing');
  infer('warm up: compile the patterns once, as the bot does at start', lexicon, matrix);
  let ms = 0;
  const read = (text: string) => {
    const t0 = performance.now();
    const r = infer(text, lexicon, matrix);
    ms += performance.now() - t0;
    return r;
  };
  const all = { dev: DEV, own: OWN, sealed: SEALED };
  const sets = Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => !values.set || values.set === name)
      .map(([name, path]) => [name, loadSituations(path)]),
  );
  const scores = Object.fromEntries(
    Object.entries(sets).flatMap(([name, items]) => (items ? [[name, score(matrix, items, read)]] : [])),
  ) as Partial<Record<SetName, Score>>;
  // What leaving every factor open scores: most pairs are unlabelled, so accuracy starts high.
  const none = (text: string) => ({ situation: text, inferred: [], open: matrix.factors.map((f) => f.id) });
  const baseline = Object.fromEntries(
    Object.entries(sets).flatMap(([name, items]) => (items ? [[name, score(matrix, items, none).accuracy]] : [])),
  ) as Partial<Record<SetName, number>>;
  if (values.json) {
    const { sealed, ...open } = scores;
    // The sealed set's misses would show its items: only its aggregate figures are printed.
    console.log(
      JSON.stringify({ ...open, sealed: sealed && { ...sealed, misses: sealed.misses.length }, baseline }, null, 2),
    );
    return 0;
  }
  console.log(
    table(
      scores,
      baseline,
      matrix.factors.map((f) => f.id),
    ),
  );
  const n = Object.values(scores).reduce((a, s) => a + s.situations, 0);
  console.log(`\n${n} situations read in ${ms.toFixed(0)} ms (${(ms / Math.max(1, n)).toFixed(2)} ms each)`);
  console.log(
    'A factor counts right when its inferred state equals the label: open = open, yes/no exact, importance ±1.',
  );
  for (const name of ['dev', 'own'] as const) {
    if (!values.verbose || !scores[name]) continue;
    console.log(`\n${name} misses:`);
    for (const m of scores[name].misses)
      console.log(`  ${m.factor}: label ${m.label}, got ${m.got}${m.quote ? ` (“${m.quote}”)` : ''}\n     ${m.text}`);
  }
  return 0;
}

type SetName = 'dev' | 'own' | 'sealed';

function table(
  scores: Partial<Record<SetName, Score>>,
  baseline: Partial<Record<SetName, number>>,
  factors: string[],
): string {
  const cols = (['dev', 'own', 'sealed'] as const).filter((k) => scores[k]);
  const fmt = (v: number) => v.toFixed(3);
  const row = (label: string, pick: (s: Score) => string) =>
    `| ${label} | ${cols.map((c) => pick(scores[c]!)).join(' | ')} |`;
  return [
    `| metric | ${cols.join(' | ')} |`,
    `| --- | ${cols.map(() => '---').join(' | ')} |`,
    row('situations', (s) => String(s.situations)),
    row('factor accuracy', (s) => fmt(s.accuracy)),
    `| (every factor left open) | ${cols.map((c) => fmt(baseline[c] ?? 0)).join(' | ')} |`,
    row('labelled factors recovered', (s) => fmt(s.recall)),
    row('inferred factors right', (s) => fmt(s.precision)),
    row('situations all right', (s) => fmt(s.exact)),
    ...factors.map((f) => row(`  ${f}`, (s) => fmt(s.perFactor[f] ?? 0))),
  ].join('\n');
}

process.exitCode = main();
