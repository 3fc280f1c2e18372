import { parseArgs } from 'node:util';
import { evaluate } from './evaluate.js';
import { buildIndex } from './index-db.js';
import { KINDS, type Kind, loadQuestions } from './questions.js';
import { formatDelta, formatMisses, formatTable, toJson } from './report.js';

/** `npm run eval [-- --json] [--verbose] [--baseline-misses] [--kind figure]` */
function main(): number {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      'baseline-misses': { type: 'boolean', default: false },
      kind: { type: 'string' },
    },
  });
  const kind = values.kind ?? null;
  if (kind !== null && !(KINDS as readonly string[]).includes(kind)) {
    console.error(`unknown kind "${kind}"; one of: ${KINDS.join(', ')}`);
    return 2;
  }
  const questions = loadQuestions().filter((q) => kind === null || q.kind === (kind as Kind));
  const ix = buildIndex();
  try {
    const started = performance.now();
    const result = evaluate(ix, questions);
    if (values.json) {
      console.log(toJson(result, kind));
      return 0;
    }
    const ms = Math.round(performance.now() - started);
    console.log(
      `${questions.length} questions${kind ? ` (kind ${kind})` : ''}, ${ix.claimTexts.length} claims, ${ms} ms\n`,
    );
    console.log(formatTable(result));
    console.log(`\n${formatDelta(result)}`);
    if (values.verbose) console.log(`\n${formatMisses(result.product)}`);
    if (values['baseline-misses']) console.log(`\n${formatMisses(result.baseline)}`);
    return 0;
  } finally {
    ix.close();
  }
}

process.exitCode = main();
