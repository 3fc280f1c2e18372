import { parseArgs } from 'node:util';
import { buildRawIndex } from './check-set.js';
import { evaluate } from './evaluate.js';
import { buildIndex, type EvalIndex } from './index-db.js';
import { KINDS, type Kind } from './questions.js';
import { formatDelta, formatMisses, formatTable, toJson } from './report.js';
import { loadSet } from './sets.js';
import { formatSideBySide } from './side-by-side.js';

/**
 * `npm run eval [-- --index digests|raw|both] [--json] [--verbose] [--baseline-misses] [--kind figure] [--detail]`
 * Dev, tune and sealed side by side. `--verbose` lists the misses of the sets ranking work may read (dev and
 * tune); the sealed set's are never printed.
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
  const sets = (['dev', 'tune', 'sealed'] as const).map((name) => ({ name, questions: keep(loadSet(name)) }));
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
      const results = sets.map((s) => ({
        name: s.name,
        result: s.questions.length ? evaluate(ix, s.questions) : undefined,
      }));
      const ms = Math.round(performance.now() - started);
      if (values.json) {
        json[name] = Object.fromEntries(
          results.map((r) => [r.name, r.result ? JSON.parse(toJson(r.result, kind)) : null]),
        );
        continue;
      }
      const counts = sets.map((s) => `${s.name} ${s.questions.length}`).join(', ');
      console.log(`\n== ${name} index: ${ix.claimTexts.length} claims; ${counts} questions; ${ms} ms\n`);
      console.log(formatSideBySide(results));
      // Only the readable sets' details: the sealed set's misses are never printed.
      for (const { name: set, result } of results.filter((r) => r.name !== 'sealed' && r.result)) {
        if (values.detail) console.log(`\n${set} set in detail:\n${formatTable(result!)}\n${formatDelta(result!)}`);
        if (values.verbose) console.log(`\n${set} set, product misses:\n${formatMisses(result!.product)}`);
        if (values['baseline-misses']) console.log(`\n${set} set, bm25 misses:\n${formatMisses(result!.baseline)}`);
      }
    } finally {
      ix.close();
    }
  }
  if (values.json) console.log(JSON.stringify(json, null, 2));
  return 0;
}

process.exitCode = main();
