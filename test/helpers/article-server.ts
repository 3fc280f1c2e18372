import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

/** A small article of our own, with a table of figures (test/fixtures/sources/job-workers.html). */
export const ARTICLE_HTML = readFileSync(join(import.meta.dirname, '../fixtures/sources/job-workers.html'));
export const ARTICLE_TITLE = 'Moving our job workers to Go';
/** A question about a figure in the article's table, and what its answer must say. */
export const FIGURE_QUESTION = 'how many thumbnails per minute did the go worker pool handle?';
export const FIGURE_ANSWER = /6,100/;

/**
 * A local web server for `sources add` tests (VERSUS_ALLOW_PRIVATE_FETCH=127.0.0.1 lets Versus fetch it):
 * /job-workers the article, /empty a page with no text, /files/<name> what `files` holds (uploads, attachments).
 */
export async function articleServer(files: Record<string, { type: string; body: Buffer }> = {}): Promise<{
  url: string;
  /** Every path requested, in order. */
  hits: string[];
  close(): Promise<void>;
}> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/job-workers') return void res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE_HTML);
    if (req.url === '/empty')
      return void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body><div id="app"></div></body></html>');
    const file = files[decodeURIComponent((req.url ?? '').replace(/^\/files\//, ''))];
    if (file) return void res.writeHead(200, { 'content-type': file.type }).end(file.body);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
