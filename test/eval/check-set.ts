import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIndex, type EvalIndex, KNOWLEDGE_DIR } from './index-db.js';
import { parseQuestions } from './questions.js';

/**
 * `npx tsx test/eval/check-set.ts <file.yaml>…` — for writers of a sealed set: how many indexed claims each
 * `expect` regex matches, in the digests' index and in an index of the raw source articles, and whether each
 * `answer` regex occurs in a claim the item accepts. Prints counts only, never a claim's text, so a writer
 * can fix a regex without reading the digests or the ranking's output.
 */
export const SOURCES_DIR = resolve(import.meta.dirname, '../../../shared/sources');

/** An index of the raw articles (`../shared/sources/*.txt`) with the digests' taxonomy; undefined without them. */
export function buildRawIndex(): EvalIndex | undefined {
  if (!existsSync(SOURCES_DIR)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'versus-raw-'));
  copyFileSync(join(KNOWLEDGE_DIR, 'taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
  for (const f of readdirSync(SOURCES_DIR).filter((f) => f.endsWith('.txt')))
    copyFileSync(join(SOURCES_DIR, f), join(dir, f));
  try {
    return buildIndex(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(files: string[]): number {
  const digests = buildIndex();
  const raw = buildRawIndex();
  let bad = 0;
  for (const file of files) {
    const items = parseQuestions(readFileSync(file, 'utf8'));
    for (const q of items) {
      const counts = (ix: EvalIndex | undefined) =>
        ix ? q.expect.map((re) => ix.claimTexts.filter((t) => re.test(t)).length) : [];
      const d = counts(digests);
      const r = counts(raw);
      const accepted = digests.claimTexts.filter((t) => q.expect.some((re) => re.test(t)));
      const answerMissing = (q.answer ?? [])
        .filter((re) => !accepted.some((t) => re.test(t)))
        .map((re) => `/${re.source}/`);
      const total = accepted.length;
      const problem =
        q.expect.length === 0
          ? ''
          : total === 0
            ? 'NO MATCH'
            : total > 8
              ? 'TOO LOOSE'
              : answerMissing.length
                ? 'ANSWER NOT IN ACCEPTED'
                : '';
      if (problem) bad++;
      console.log(
        `${file.split('/').at(-1)}#${q.index}\t${q.kind}\tdigests ${d.join('+') || '-'} (=${total})\traw ${r.join('+') || '-'}\t${problem} ${answerMissing.join(' ')}`,
      );
    }
  }
  console.log(`${bad} item(s) need a fix (NO MATCH: no claim matches any expect; TOO LOOSE: more than 8 claims)`);
  digests.close();
  raw?.close();
  return bad ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
