// The worker thread that reads team documents for sources/preparer.ts: each message is one job, answered
// with its id and the result as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { isVersusError } from '../errors.js';
import { SourceError } from '../ingest/problems.js';
import { loadTaxonomy } from '../knowledge/taxonomy.js';
import { inThreadPreparer, type PrepareResult } from './preparer.js';

const Text = z.object({
  id: z.string(),
  format: z.enum(['markdown', 'text']),
  content: z.string(),
  title: z.string(),
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
});
const Job = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('convert'),
    doc: z.object({
      body: z.instanceof(Uint8Array),
      contentType: z.string().optional(),
      name: z.string().optional(),
      url: z.string().optional(),
    }),
  }),
  z.object({ op: z.literal('claims'), docs: z.array(Text) }),
]);
const Message = z.object({ id: z.number(), job: Job });

const { taxonomyPath } = z.object({ taxonomyPath: z.string() }).parse(workerData);
const prepare = inThreadPreparer(loadTaxonomy(taxonomyPath));
const port = parentPort!;

async function run(job: z.infer<typeof Job>): Promise<PrepareResult> {
  try {
    const value =
      job.op === 'convert'
        ? await prepare.convert({ ...job.doc, body: Buffer.from(job.doc.body) })
        : await prepare.claims(job.docs);
    return { ok: true, value };
  } catch (e) {
    const problem = e instanceof SourceError && e.code === 'source_unreadable' ? e.problem : undefined;
    return { ok: false, code: isVersusError(e) ? e.code : 'error', error: (e as Error).message ?? String(e), problem };
  }
}

// One document at a time, in the order they came: the next waits for the one before.
let chain = Promise.resolve();
port.on('message', (raw: unknown) => {
  const msg = Message.safeParse(raw);
  const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
  chain = chain.then(async () =>
    port.postMessage({
      id,
      ...(msg.success ? await run(msg.data.job) : { ok: false, code: 'error', error: 'malformed request' }),
    }),
  );
});
