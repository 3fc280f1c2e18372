import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { en } from '../../src/chat/strings-en.js';
import { isVersusError } from '../../src/errors.js';
import type { SourceError } from '../../src/ingest/problems.js';
import { loadTaxonomy } from '../../src/knowledge/taxonomy.js';
import { inThreadPreparer, workerPreparer } from '../../src/sources/preparer.js';
import { problemText } from '../../src/sources/problem-text.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

/** What the person who added the document reads (in English) for a refused or unreadable one. */
const said = (e: unknown) => problemText((e as SourceError).problem, en);

const TAXONOMY = join(REAL_KNOWLEDGE, 'taxonomy.yaml');
const page = {
  body: readFileSync(join(import.meta.dirname, '../fixtures/sources/job-workers.html')),
  contentType: 'text/html; charset=utf-8',
  url: 'https://blog.example/job-workers',
};

// A bot reads team documents on a worker thread (a 2 MB page took 12–15 s to convert and 7 s more to
// extract on this machine, all of it on the event loop that acknowledges everyone's requests).
describe('reading team documents on a worker thread', () => {
  it('gives the same text, metadata and claims as reading them in-thread', async () => {
    const here = inThreadPreparer(loadTaxonomy(TAXONOMY));
    const there = workerPreparer(TAXONOMY);
    const [a, b] = [await here.convert(page), await there.convert(page)];
    onTestFinished(() => there.close());
    expect(b.claims.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    const text = { id: 'abc123', format: a.doc.format, content: a.doc.content, title: a.doc.meta.title };
    expect(await there.claims([text])).toEqual(await here.claims([text]));
  });

  it('says why a document cannot be read, as the in-thread reader would', async () => {
    const prepare = workerPreparer(TAXONOMY);
    onTestFinished(() => prepare.close());
    const err = await prepare
      .convert({ body: Buffer.from([0, 1, 2, 3]), contentType: 'application/zip', name: 'x.zip' })
      .catch((e: unknown) => e);
    expect(isVersusError(err, 'source_unreadable')).toBe(true);
    expect(said(err)).toMatch(/HTML\), Markdown, plain text and PDF/);
  });

  it('stops a document that takes longer than its time limit, says so, and reads the next one', async () => {
    // No real page is this slow: a limit of 1 ms makes any document one that is.
    const strict = workerPreparer(TAXONOMY, 1);
    const err = await strict.convert(page).catch((e: unknown) => e);
    expect(isVersusError(err, 'source_unreadable')).toBe(true);
    expect(said(err)).toMatch(/took longer than 1 s, so it was stopped/);
    await strict.close();
    // The thread that was stopped is replaced on the next use.
    const prepare = workerPreparer(TAXONOMY);
    await expect(prepare.convert(page).then((p) => p.doc.meta.title)).resolves.toBe(
      (await inThreadPreparer(loadTaxonomy(TAXONOMY)).convert(page)).doc.meta.title,
    );
    await prepare.close();
  });

  it('reads documents sent together one after another, each answered with its own result', async () => {
    const prepare = workerPreparer(TAXONOMY);
    const texts = ['Go compiles to one static binary.', 'Python has a large ecosystem of data libraries.'].map(
      (content, i) => ({ id: `t${i}`, format: 'text' as const, content, title: `T${i}` }),
    );
    const [a, b] = await Promise.all([prepare.claims([texts[0]!]), prepare.claims([texts[1]!])]);
    expect(a[0]!.meta.title).toBe('T0');
    expect(b[0]!.meta.title).toBe('T1');
    await prepare.close();
  });
});
