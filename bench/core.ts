import { appendFileSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnswersStore } from '../src/answers/answers-store.js';
import { ask } from '../src/answers/ask.js';
import { compare } from '../src/answers/compare.js';
import { queryTerms } from '../src/answers/query.js';
import { openDatabase } from '../src/db/open.js';
import { indexKnowledge } from '../src/knowledge/indexer.js';
import { loadTaxonomy } from '../src/knowledge/taxonomy.js';
import { syntheticQueries, writeSyntheticCorpus } from './corpus.js';
import { ms, report, summarize } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

/** Issue 2's figures: index 100k claims, re-index one document, ask and compare latency, LIKE baseline, RSS. */
export async function benchCore(): Promise<Record<string, number>> {
  const taxonomyPath = existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))
    ? join(ROOT, 'knowledge/taxonomy.yaml')
    : join(ROOT, 'test/fixtures/knowledge/taxonomy.yaml');
  const taxonomy = loadTaxonomy(taxonomyPath);
  const dir = mkdtempSync(join(tmpdir(), 'versus-bench-'));
  try {
    const corpus = join(dir, 'knowledge');
    const { claims, words } = writeSyntheticCorpus(corpus, taxonomy);
    copyFileSync(taxonomyPath, join(corpus, 'taxonomy.yaml'));
    const db = openDatabase(join(dir, 'bench.db'));

    const [full, fullMs] = time(() => indexKnowledge(db, corpus, { taxonomy }));
    appendFileSync(join(corpus, 'synthetic-0500.md'), '- Go and Python both gained a new benchmark line at 12ms.\n');
    const [re, reMs] = time(() => indexKnowledge(db, corpus, { taxonomy }));
    if (re.updated.length !== 1 || re.unchanged !== full.added.length - 1)
      throw new Error(`re-index touched ${re.updated.length} documents`);

    const store = new AnswersStore(db);
    const queries = syntheticQueries(words);
    for (const q of queries.slice(0, 50)) ask(store, taxonomy, q); // warm the page cache and statement cache
    const askSamples = queries.map((q) => time(() => ask(store, taxonomy, q))[1]);
    const askStats = summarize(askSamples);
    const answered = queries.filter((q) => ask(store, taxonomy, q).claims.length > 0).length;

    const compareSamples: number[] = [];
    for (let i = 0; i < 10; i++)
      for (const t of taxonomy.topics) compareSamples.push(time(() => compare(store, taxonomy, t.id))[1]);
    const compareStats = summarize(compareSamples);

    // Baseline: the same questions answered naively — scan claim text with LIKE for any term, rank the
    // matches by how many terms they contain, keep the best 5 (what one would write without FTS).
    const likeSamples = queries.map((q) => {
      const terms = queryTerms(q).terms.slice(0, 8);
      if (terms.length === 0) return 0;
      const sql = `SELECT id, text FROM claims WHERE ${terms.map(() => 'text LIKE ?').join(' OR ')}`;
      return time(() => {
        const rows = db.prepare(sql).all(...terms.map((t) => `%${t}%`)) as { id: string; text: string }[];
        return rows
          .map((r) => ({ r, hits: terms.filter((t) => r.text.toLowerCase().includes(t)).length }))
          .sort((a, b) => b.hits - a.hits)
          .slice(0, 5);
      })[1];
    });
    const likeStats = summarize(likeSamples);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    db.close();

    report(
      `Core (synthetic corpus: ${claims.toLocaleString('en-US')} claims in ${full.added.length} documents; ${full.claims.toLocaleString('en-US')} indexed)`,
      [
        ['full index', ms(fullMs), '< 10 s'],
        ['re-index, one changed document', ms(reMs), '< 100 ms'],
        ['ask p50 / p95', `${ms(askStats.p50)} / ${ms(askStats.p95)}`],
        ['ask p99 (1,000 varied queries)', ms(askStats.p99), '< 10 ms'],
        ['queries with at least one answer', `${answered} / ${queries.length}`],
        ['compare p50', ms(compareStats.p50)],
        ['compare p99', ms(compareStats.p99), '< 25 ms'],
        ['naive LIKE scan p50 / p99', `${ms(likeStats.p50)} / ${ms(likeStats.p99)}`],
        ['LIKE mean ÷ ask mean', `${(likeStats.mean / askStats.mean).toFixed(1)}×`],
        ['peak RSS', `${peakRssMb.toFixed(0)} MB`],
      ],
    );
    return {
      claims: full.claims,
      fullIndexMs: fullMs,
      reindexOneMs: reMs,
      askP50: askStats.p50,
      askP95: askStats.p95,
      askP99: askStats.p99,
      compareP99: compareStats.p99,
      likeP50: likeStats.p50,
      likeP99: likeStats.p99,
      likeOverAsk: likeStats.mean / askStats.mean,
      peakRssMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchCore();
}
