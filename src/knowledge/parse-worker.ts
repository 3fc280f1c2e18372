// A parse worker (parse-pool.ts): reads, parses and extracts the files it is sent with its own copy of the
// taxonomy, and posts each outcome back in the order it was sent, waking the writer blocked on `signal`.
import { type MessagePort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { type ParseJob, readAndParse, type StepTimes } from './read-parse.js';
import { buildTaxonomy, TaxonomySchema } from './taxonomy.js';

const Setup = z.object({
  taxonomy: TaxonomySchema,
  port: z.custom<MessagePort>((p) => typeof (p as MessagePort | null)?.postMessage === 'function'),
  signal: z.instanceof(SharedArrayBuffer),
});
const Batch = z.object({
  first: z.number().int().nonnegative(),
  jobs: z.array(z.object({ file: z.string(), path: z.string(), knownHash: z.string().optional() })),
});

const setup = Setup.parse(workerData);
const taxonomy = buildTaxonomy(setup.taxonomy);
const signal = new Int32Array(setup.signal);

setup.port.on('message', (raw: unknown) => {
  const { first, jobs } = Batch.parse(raw);
  jobs.forEach((job, i) => {
    const times: StepTimes = { read: 0, parse: 0, extract: 0 };
    try {
      const outcome = readAndParse(job as ParseJob, taxonomy, times);
      setup.port.postMessage({ seq: first + i, outcome, times });
    } catch {
      // The writer does this file itself, so a failure reads exactly as it would without workers.
      setup.port.postMessage({ seq: first + i, failed: true });
    }
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
