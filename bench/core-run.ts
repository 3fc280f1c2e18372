// One point of the scale curve, in its own process so its peak RSS is its own: index a generated corpus,
// measure the SQLite floor for the same rows, re-index single documents, and run 1,000 questions cold
// and warm, each against an exhaustive bm25 ranking. Prints one JSON line. Run by bench/core.ts.
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AnswersStore } from '../src/answers/answers-store.js';
import { ask } from '../src/answers/ask.js';
import { compare } from '../src/answers/compare.js';
import { openDatabase } from '../src/db/open.js';
import { type IndexPhases, indexKnowledge } from '../src/knowledge/indexer.js';
import { KnowledgeStore } from '../src/knowledge/knowledge-store.js';
import { loadTaxonomy } from '../src/knowledge/taxonomy.js';
import { instrument, noStages, STAGES, type StageTimes, stageTimer } from './ask-stages.js';
import { syntheticQuestions, vocabulary } from './corpus.js';
import { median, summarize } from './stats.js';

const [corpus, work, repsArg] = process.argv.slice(2) as [string, string, string];
const reps = Number(repsArg);
const taxonomy = loadTaxonomy(join(corpus, 'taxonomy.yaml'));
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
};

const noPhases = (): IndexPhases => ({
  setup: 0,
  list: 0,
  stat: 0,
  read: 0,
  parse: 0,
  extract: 0,
  wait: 0,
  write: 0,
});
// Inside the write phase: how much is deleting the old version (FTS5 delete, per-topic rows, figures).
let deleteMs = 0;
const realDelete = KnowledgeStore.prototype.deleteDocument;
KnowledgeStore.prototype.deleteDocument = function (this: KnowledgeStore, id: string) {
  const t = performance.now();
  realDelete.call(this, id);
  deleteMs += performance.now() - t;
};

/** The floor: the same claim rows bulk-inserted into a bare claims table + contentless FTS5 in one transaction. */
function floorMs(rows: Record<string, unknown>[], path: string): number {
  rmSync(path, { force: true });
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE claims (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, document_id TEXT NOT NULL,
      section TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, side TEXT NOT NULL, topics TEXT NOT NULL,
      kind TEXT NOT NULL, weight INTEGER NOT NULL) STRICT;
    CREATE INDEX claims_document ON claims(document_id, ordinal);
    CREATE VIRTUAL TABLE claims_fts USING fts5(text, section, subjects, topics, content = '', contentless_delete = 1,
      tokenize = 'porter unicode61 remove_diacritics 2');`);
  const ins = db.prepare(`INSERT INTO claims VALUES (@rowid, @id, @document_id, @section, @ordinal, @text, @side,
    @topics, @kind, @weight)`);
  const fts = db.prepare('INSERT INTO claims_fts (rowid, text, section, subjects, topics) VALUES (?, ?, ?, ?, ?)');
  const ms = time(() =>
    db.transaction(() => {
      for (const r of rows) {
        ins.run(r);
        fts.run(r.rowid, r.text, r.section, '', r.topics);
      }
    })(),
  )[1];
  db.close();
  return ms;
}

const CLOCK_TICKS = 100; // /proc's unit of CPU time (USER_HZ), 100 on Linux
/** This thread's CPU time in ms (Linux; undefined elsewhere): the writer's share of a full index. */
function threadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const dbPath = join(work, 'bench.db');
const fullMs: number[] = [];
// CPU of the whole process (writer, parse workers, V8's GC and compiler threads) and of the writer alone.
const fullCpu = { all: 0, writer: 0 };
const floors: number[] = [];
const fullPhases = noPhases(); // summed over the runs: only the shares are reported
let claims = 0;
for (let i = 0; i < reps; i++) {
  for (const f of ['', '-wal', '-shm']) rmSync(dbPath + f, { force: true });
  const db = openDatabase(dbPath);
  const [cpu0, writer0] = [cpuMs(), threadCpuMs()];
  const [full, ms] = time(() => indexKnowledge(db, corpus, { taxonomy, phases: fullPhases }));
  fullCpu.all += cpuMs() - cpu0;
  fullCpu.writer += (threadCpuMs() ?? Number.NaN) - (writer0 ?? Number.NaN);
  fullMs.push(ms);
  claims = full.claims;
  const rows = db
    .prepare('SELECT rowid, id, document_id, section, ordinal, text, side, topics, kind, weight FROM claims')
    .all();
  db.close();
  floors.push(floorMs(rows as Record<string, unknown>[], join(work, 'floor.db')));
}

// Database size once the WAL is folded in, and what takes the space.
let db = openDatabase(dbPath);
db.pragma('wal_checkpoint(TRUNCATE)');
const dbMb = statSync(dbPath).size / 1e6;
const tables = db
  .prepare(
    `SELECT CASE WHEN name LIKE 'claims_fts%' THEN 'claims_fts' ELSE name END AS t, sum(pgsize) / 1e6 AS mb
     FROM dbstat GROUP BY t ORDER BY mb DESC LIMIT 8`,
  )
  .all() as { t: string; mb: number }[];

// Nothing changed, then one document changed (five different ones, each timed alone).
const noop = time(() => indexKnowledge(db, corpus, { taxonomy }))[1];
const docs = readdirSync(corpus).filter((f) => f.endsWith('.md'));
const reindex: number[] = [];
const reindexPhases = noPhases();
deleteMs = 0;
for (let i = 0; i < 5; i++) {
  appendFileSync(
    join(corpus, docs[Math.floor(((i + 0.5) * docs.length) / 5)]!),
    `- Go gained a bench line ${i} at 12ms.\n`,
  );
  const [r, ms] = time(() => indexKnowledge(db, corpus, { taxonomy, phases: reindexPhases }));
  if (r.updated.length !== 1) throw new Error(`re-index touched ${r.updated.length} documents`);
  reindex.push(ms);
}
const reindexDeleteMs = deleteMs;
db.close();

// Cold: a fresh connection (empty SQLite page cache, empty document-frequency cache), every question
// asked once. Warm: the same questions again on that connection. The OS file cache is warm in both.
const questions = syntheticQuestions(vocabulary(taxonomy));
db = openDatabase(dbPath);
// As the bot asks: seeing the folder's documents and one workspace's own (a scoped store, not '*').
const store = new AnswersStore(db).visibleTo('slack:TBENCH');
const cold = questions.map((q) => time(() => ask(store, taxonomy, q.text))[1]);
const warm = questions.map((q) => time(() => ask(store, taxonomy, q.text))[1]);
let overlap = 0;
let compared = 0;
let answered = 0;
let unknown = 0;
const exhaustive: number[] = [];
for (const q of questions) {
  const got = ask(store, taxonomy, q.text).claims.map((c) => c.id);
  const [all, ms] = time(() => ask(store, taxonomy, q.text, { rowBudget: Number.POSITIVE_INFINITY }));
  exhaustive.push(ms);
  const want = all.claims.map((c) => c.id);
  if (got.length) answered++;
  if (all.analysis.words.some((w) => store.documentFrequency(w.word) === 0)) unknown++;
  if (want.length === 0 && got.length === 0) continue;
  compared++;
  overlap += got.filter((id) => want.includes(id)).length / Math.max(want.length, got.length);
}

// Where a cold question's time goes: a second cold pass (fresh connection) with ask()'s stages timed
// (bench/ask-stages.ts); the slowest 1 % of it is what sets the cold p99.
const db2 = openDatabase(dbPath);
const staged = new AnswersStore(db2).visibleTo('slack:TBENCH');
const runs: { ms: number; t: StageTimes }[] = [];
const totals = noStages();
instrument(staged, totals);
const stage = stageTimer(totals);
for (const q of questions) {
  const before = { ...totals };
  const ms = time(() => ask(staged, taxonomy, q.text, { stage }))[1];
  runs.push({ ms, t: Object.fromEntries(STAGES.map((k) => [k, totals[k] - before[k]])) as StageTimes });
}
const slowest = runs.sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(runs.length / 100)));
const askStages = {
  stagedP99: summarize(runs.map((r) => r.ms)).p99,
  slowest: Object.fromEntries(STAGES.map((k) => [k, slowest.reduce((n, r) => n + r.t[k], 0) / slowest.length])),
  all: Object.fromEntries(STAGES.map((k) => [k, totals[k] / runs.length])),
};
db2.close();
const compareMs: number[] = [];
for (let i = 0; i < 5; i++)
  for (const t of taxonomy.topics) compareMs.push(time(() => compare(store, taxonomy, t.id))[1]);
db.close();

const s = (xs: number[]) => summarize(xs);
process.stdout.write(
  `${JSON.stringify({
    claims,
    documents: docs.length,
    fullMs,
    floorMs: floors,
    full: median(fullMs),
    floor: median(floors),
    noopMs: noop,
    reindexMs: reindex,
    fullPhases,
    fullCpu,
    reindexPhases,
    reindexDeleteMs,
    askStages,
    dbMb,
    tables,
    askCold: s(cold),
    askWarm: s(warm),
    askExhaustive: s(exhaustive),
    overlap: overlap / Math.max(1, compared),
    answered,
    withUnknownWord: unknown,
    compare: s(compareMs),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
