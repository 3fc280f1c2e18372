// One answer worker (answers/answer-pool.ts): its own read-only connection to the knowledge index (WAL lets
// it read while the main thread writes), its own taxonomy and decision matrix; computes ask, compare and
// verdicts and posts plain data back. A composition root like main.ts, so answers/ never imports verdict/.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { READY, WorkRequest, type WorkResponse } from './answers/answer-protocol.js';
import { AnswersStore } from './answers/answers-store.js';
import type { VerdictRequest } from './answers/engine.js';
import { inThreadEngine } from './answers/engine.js';
import { loadTaxonomy } from './knowledge/taxonomy.js';
import { loadDecider } from './verdict/decider.js';
import { lowerThreadPriority } from './worker-thread.js';

/** Nice 10 weighs a worker at about a tenth of a normal thread when the CPU is contended (Linux CFS). */
const ANSWER_WORKER_NICE = 10;

const Setup = z.object({ dbPath: z.string(), taxonomyPath: z.string(), knowledgeDir: z.string().optional() });

const setup = Setup.parse(workerData);
// Past the pool's capacity every core is busy: the main thread's acks and deliveries must win the CPU, or
// acks queue behind answers (Slack's 3 s limit) while the answers themselves are shed anyway.
lowerThreadPriority(ANSWER_WORKER_NICE);
const db = new BetterSqlite3(setup.dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// The main thread writes on every request (replay guard, answer records), and SQLite drops a connection's
// page cache whenever another one wrote: without mmap each answer re-read its FTS pages through read().
db.pragma('mmap_size = 1073741824');
const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
// The main thread parsed the taxonomy at start and cached it in meta; a worker never writes.
const taxonomy = loadTaxonomy(setup.taxonomyPath, {
  get: (k) => meta.get(k) as string | undefined,
  set: () => {},
});
const engine = inThreadEngine(new AnswersStore(db), taxonomy);
const verdicts = setup.knowledgeDir === undefined ? undefined : loadDecider(setup.knowledgeDir);
const decide = async (r: VerdictRequest) => {
  if (!verdicts) throw new Error('this knowledge folder has no matrix.yaml and verdict.yaml');
  return verdicts.decide(r.situation, r.changes);
};
const port = parentPort!;

port.on('message', async (raw: unknown) => {
  const req = WorkRequest.safeParse(raw);
  if (!req.success) {
    const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
    port.postMessage({ id, ok: false, error: 'malformed request' } satisfies WorkResponse);
    return;
  }
  const r = req.data;
  try {
    const value =
      r.op === 'ask'
        ? await engine.ask(r)
        : r.op === 'compare'
          ? await engine.compare(r.scope, r.topic)
          : await decide(r);
    port.postMessage({ id: r.id, ok: true, value } satisfies WorkResponse);
  } catch (e) {
    port.postMessage({ id: r.id, ok: false, error: (e as Error).message ?? String(e) } satisfies WorkResponse);
  }
});
port.postMessage(READY);
