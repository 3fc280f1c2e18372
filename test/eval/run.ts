import { parseArgs } from 'node:util';
import { buildRawIndex } from './check-set.js';
import { type EvalResult, evaluate } from './evaluate.js';
import { buildIndex, type EvalIndex } from './index-db.js';
import { KINDS, type Kind } from './questions.js';
import { formatDelta, formatMisses, formatTable, toJson } from './report.js';
import { loadSet } from './sets.js';
import { formatSideBySide } from './side-by-side.js';

/**
 * `npm run eval [-- --index digests|raw|both] [--json] [--verbose] [--baseline-misses] [--kind figure] [--detail]`
 * Dev and sealed side by side. `--verbose` lists the *dev* set's misses only: the sealed set's are never printed.
 */
function main(): number {
  const { values } = parseArgs({
    options: {
      index: { type: 'string', default: 'digests' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      detail: { type: 'boolean', default: false },
      'baseline-misses': { type: 'boolean', default: false },
      kind: { type: 'string' },
    },
  });
  const kind = values.kind ?? null;
  if (kind !== null && !(KINDS as readonly string[]).includes(kind)) {
    console.error(`unknown kind "${kind}"; one of: ${KINDS.join(', ')}`);
    return 2;
  }
  const which = values.index === 'both' ? ['digests', 'raw'] : [values.index];
  const keep = (qs: ReturnType<typeof loadSet>) => qs.filter((q) => kind === null || q.kind === (kind as Kind));
  const dev = keep(loadSet('dev'));
  const sealed = keep(loadSet('sealed'));
  const json: Record<string, unknown> = {};
  for (const name of which) {
    const ix: EvalIndex | undefined = name === 'raw' ? buildRawIndex() : name === 'digests' ? buildIndex() : undefined;
    if (!ix) {
      console.log(
        name === 'raw' ? 'raw-article index: ../shared/sources is absent, skipped' : `unknown --index ${name}`,
      );
      continue;
    }
    try {
      const started = performance.now();
      const d = evaluate(ix, dev);
      const s: EvalResult | undefined = sealed.length ? evaluate(ix, sealed) : undefined;
      const ms = Math.round(performance.now() - started);
      if (values.json) {
        json[name] = { dev: JSON.parse(toJson(d, kind)), sealed: s ? JSON.parse(toJson(s, kind)) : null };
        continue;
      }
      console.log(
        `\n== ${name} index: ${ix.claimTexts.length} claims; dev ${dev.length}, sealed ${sealed.length} questions; ${ms} ms\n`,
      );
      console.log(formatSideBySide(d, s));
      if (values.detail) console.log(`\ndev set in detail:\n${formatTable(d)}\n${formatDelta(d)}`);
      if (values.verbose) console.log(`\n${formatMisses(d.product)}`);
      if (values['baseline-misses']) console.log(`\n${formatMisses(d.baseline)}`);
    } finally {
      ix.close();
    }
  }
  if (values.json) console.log(JSON.stringify(json, null, 2));
  return 0;
}

process.exitCode = main();
