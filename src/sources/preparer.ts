import type { Worker } from 'node:worker_threads';
import { VersusError } from '../errors.js';
import { type Converted, convertDocument, type IncomingDocument } from '../ingest/convert.js';
import { SourceError, type SourceProblem } from '../ingest/problems.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Claim, DocumentMeta } from '../knowledge/types.js';
import { startWorker } from '../worker-thread.js';
import { type TeamText, teamClaims } from './prepare.js';

export type Indexable = { meta: DocumentMeta; claims: Claim[] };

/** A team document read into text and claims, keyed as a document not yet stored (see withSourceId). */
export interface Prepared extends Indexable {
  doc: Converted;
}

/**
 * Turns team documents into claims. A 2 MB page takes seconds to read (DOM, Markdown, claim extraction):
 * in a bot that runs on a worker thread, so acknowledgements and answers are not held up meanwhile.
 */
export interface Preparer {
  /** Bytes someone handed us → text, metadata and claims (`sources add`). */
  convert(doc: IncomingDocument): Promise<Prepared>;
  /** Stored team texts → what the index writes, in the same order (`TeamSourceSync`). */
  claims(docs: readonly TeamText[]): Promise<Indexable[]>;
  /** Ends a thread it keeps; anything still being read fails. */
  close(): Promise<void>;
}

/** On the calling thread: the CLI and in-process tests, where nothing else waits on the event loop. */
export function inThreadPreparer(taxonomy: Taxonomy): Preparer {
  return {
    async convert(incoming) {
      const doc = await convertDocument(incoming);
      return { doc, ...teamClaims(asTeamText(doc), taxonomy) };
    },
    async claims(docs) {
      return docs.map((d) => teamClaims(d, taxonomy));
    },
    async close() {},
  };
}

/** Longer than any real page takes; a document that would take longer is refused, not read forever. */
const PREPARE_TIMEOUT_MS = 60_000;

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

/**
 * One worker thread, started on first use and kept (unref'd, so it never holds the process open): sources
 * are added rarely, but every replica's sync reads each new one. Documents are read one after another.
 * A document that takes longer than `timeoutMs` has the thread terminated, and the next use starts another.
 */
export function workerPreparer(
  taxonomyPath: string,
  timeoutMs = PREPARE_TIMEOUT_MS,
): Preparer & { close(): Promise<void> } {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const settle = (id: number, fn: (p: Pending) => void) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    fn(p);
  };
  const stop = (w: Worker, why: (id: number) => Error) => {
    if (worker === w) worker = undefined;
    for (const id of [...pending.keys()]) settle(id, (p) => p.reject(why(id)));
    void w.terminate();
  };
  const start = (): Worker => {
    const w = startWorker(new URL('./prepare-worker.js', import.meta.url), { taxonomyPath });
    w.unref();
    w.on('message', (m: PrepareResult & { id: number }) =>
      settle(m.id, (p) => {
        if (m.ok) p.resolve(m.value);
        else
          p.reject(
            m.problem
              ? new SourceError('source_unreadable', m.problem)
              : m.code === 'source_unreadable'
                ? new VersusError('source_unreadable', m.error)
                : new Error(m.error),
          );
      }),
    );
    w.on('error', (e) => stop(w, () => e));
    w.on('exit', (code) => stop(w, () => new Error(`the document reader stopped (exit code ${code})`)));
    return w;
  };
  const run = <T>(job: PrepareJob): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const timer = setTimeout(
        () =>
          stop(w, (other) =>
            other === id
              ? new SourceError('source_unreadable', { kind: 'tooSlow', seconds: Math.ceil(timeoutMs / 1000) })
              : new Error('the document reader was restarted; try again'),
          ),
        timeoutMs,
      );
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      w.postMessage({ id, job });
    });
  return {
    convert: (doc) => run<Prepared>({ op: 'convert', doc: { ...doc, body: new Uint8Array(doc.body) } }),
    // A sync that only removes documents has nothing to read: no thread for it.
    claims: async (docs) => (docs.length ? run<Indexable[]>({ op: 'claims', docs: [...docs] }) : []),
    async close() {
      if (worker) stop(worker, () => new Error('shutting down'));
    },
  };
}

/** The id a document has before it is stored; withSourceId gives its claims the stored one. */
export const UNSTORED_ID = 'new';

/** A converted document as the claim extractor reads a stored one (its id is given when it is stored). */
const asTeamText = (doc: Converted): TeamText => ({
  id: UNSTORED_ID,
  format: doc.format,
  content: doc.content,
  ...doc.meta,
});

type PrepareJob =
  | { op: 'convert'; doc: Omit<IncomingDocument, 'body'> & { body: Uint8Array } }
  | { op: 'claims'; docs: TeamText[] };
/** A document that could not be read carries its problem, so it is explained in the asker's language. */
export type PrepareResult =
  | { ok: true; value: unknown }
  | { ok: false; code: string; error: string; problem?: SourceProblem | undefined };
