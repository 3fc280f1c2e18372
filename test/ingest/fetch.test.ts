import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/chat/strings-en.js';
import { isVersusError } from '../../src/errors.js';
import { AddressAllowList, isPublicAddress } from '../../src/ingest/addresses.js';
import { FETCH_LIMITS, type FetchLimits, fetchDocument } from '../../src/ingest/fetch.js';
import type { SourceError } from '../../src/ingest/problems.js';
import { problemText } from '../../src/sources/problem-text.js';

/** What the person who added the document reads (in English) for a refused or unreadable one. */
const said = (e: unknown) => problemText((e as SourceError).problem, en);

/** Only the test's own server (127.0.0.1) is allowed; every other private address stays refused. */
const LOCAL: FetchLimits = { ...FETCH_LIMITS, allow: AddressAllowList.parse('127.0.0.1') };

async function refusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isVersusError(e, 'fetch_refused')).toBe(true);
  return said(e);
}

describe('fetchDocument: the guarded fetch behind /versus sources add', () => {
  let server: Server;
  let base = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const to = /^\/to\?(.*)$/.exec(req.url ?? '')?.[1];
      if (to) return void res.writeHead(302, { location: decodeURIComponent(to) }).end();
      if (req.url === '/page') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>');
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end('x'.repeat(3 * 1024 * 1024));
      }
      if (req.url === '/bomb') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        return void res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)));
      }
      if (req.url === '/auth') return void res.writeHead(200).end(req.headers.authorization ?? 'none');
      if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/slow') return void res.writeHead(200).write('partial'); // never ends
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('classifies loopback, private, link-local, metadata, CGNAT and mapped addresses as not public', () => {
    for (const ip of ['127.0.0.1', '10.0.0.7', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0'])
      expect(isPublicAddress(ip), ip).toBe(false);
    for (const ip of ['::1', '::', 'fe80::1', 'fd00::5', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe'])
      expect(isPublicAddress(ip), ip).toBe(false);
    for (const ip of ['93.184.216.34', '1.1.1.1', '2606:4700::1111', '::ffff:5db8:d822'])
      expect(isPublicAddress(ip), ip).toBe(true);
  });

  it('GIVEN no allowance WHEN asked for 127.0.0.1, 10.x or 169.254.169.254 THEN refuses before connecting', async () => {
    hits.length = 0;
    const port = new URL(base).port;
    for (const url of [`${base}/page`, `http://10.1.2.3:${port}/`, 'http://169.254.169.254/latest/meta-data/'])
      expect(await refusal(fetchDocument(url))).toMatch(/private, loopback or link-local/);
    expect(hits).toEqual([]);
  });

  it('GIVEN a name that resolves to loopback THEN refuses it after DNS resolution', async () => {
    const port = new URL(base).port;
    expect(await refusal(fetchDocument(`http://localhost:${port}/page`))).toMatch(/^localhost is a private/);
    expect(hits).toEqual([]);
  });

  it('refuses file:, other schemes and credentials in the link', async () => {
    expect(await refusal(fetchDocument('file:///etc/passwd'))).toMatch(/Only http and https.*file:/);
    expect(await refusal(fetchDocument('ftp://example.com/x'))).toMatch(/Only http and https/);
    expect(await refusal(fetchDocument(`http://u:p@127.0.0.1/`, LOCAL))).toMatch(/user name or password/);
    expect(await refusal(fetchDocument('not a link'))).toMatch(/not a web address/);
  });

  it('WHEN an allowed page redirects to 10.x, 169.254.169.254, another loopback address or file: THEN each redirect is refused', async () => {
    const port = new URL(base).port;
    for (const target of [
      `http://10.0.0.1:${port}/`,
      'http://169.254.169.254/latest/meta-data/',
      `http://127.0.0.2:${port}/page`,
      `http://[::1]:${port}/page`,
      'file:///etc/passwd',
    ]) {
      hits.length = 0;
      const message = await refusal(fetchDocument(`${base}/to?${encodeURIComponent(target)}`, LOCAL));
      expect(message).toMatch(/private, loopback or link-local|Only http and https/);
      expect(hits).toEqual([`/to?${encodeURIComponent(target)}`]);
    }
  });

  it('follows an allowed redirect and says where the document came from', async () => {
    const got = await fetchDocument(`${base}/to?${encodeURIComponent('/page')}`, LOCAL);
    expect(got.url).toBe(`${base}/page`);
    expect(got.contentType).toBe('text/html');
    expect(got.body.toString()).toBe('<p>hello</p>');
  });

  it('stops at 2 MB, compressed or not, and after too many redirects', async () => {
    expect(await refusal(fetchDocument(`${base}/big`, LOCAL))).toMatch(/larger than 2 MB/);
    expect(await refusal(fetchDocument(`${base}/bomb`, LOCAL))).toMatch(/larger than 2 MB/);
    expect(await refusal(fetchDocument(`${base}/loop`, LOCAL))).toMatch(/redirects more than 5 times/);
  });

  it('gives up after the time limit and says so', async () => {
    const e = await fetchDocument(`${base}/slow`, { ...LOCAL, timeoutMs: 200 }).catch((err: unknown) => err);
    expect(isVersusError(e, 'fetch_failed')).toBe(true);
    expect(said(e)).toBe('127.0.0.1 did not send the document within 0.2 s.');
  });

  it('says which status the server answered', async () => {
    const e = await fetchDocument(`${base}/missing`, LOCAL).catch((err: unknown) => err);
    expect(said(e)).toBe(`The server answered 404 for ${new URL(base).host}/missing.`);
  });

  it('sends per-host headers only to their host: a redirect elsewhere drops the token', async () => {
    const token = (u: URL): Record<string, string> => (u.hostname === '127.0.0.1' ? { authorization: 'Bearer t' } : {});
    expect((await fetchDocument(`${base}/auth`, LOCAL, token)).body.toString()).toBe('Bearer t');
    // Another host (127.0.0.2 stands in for it) echoes what it was sent.
    const other = createServer((req, res) => void res.writeHead(200).end(req.headers.authorization ?? 'none'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.2', () => r()));
    try {
      const both: FetchLimits = { ...LOCAL, allow: AddressAllowList.parse('127.0.0.1, 127.0.0.2') };
      const elsewhere = `http://127.0.0.2:${(other.address() as { port: number }).port}/auth`;
      const r = await fetchDocument(`${base}/to?${encodeURIComponent(elsewhere)}`, both, token);
      expect(r.body.toString()).toBe('none');
    } finally {
      await new Promise((r) => other.close(r));
    }
  });

  it('reads an allow-list of addresses and ranges, and names a bad entry', () => {
    const a = AddressAllowList.parse('10.0.0.0/8, 127.0.0.1,fd00::/8');
    expect(['10.9.9.9', '127.0.0.1', '::ffff:10.1.1.1', 'fd00::2'].map((ip) => a.allows(ip))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(a.allows('127.0.0.2')).toBe(false);
    expect(() => AddressAllowList.parse('10.0.0.0/40')).toThrow('"10.0.0.0/40" is not an IP address');
    expect(() => AddressAllowList.parse('intranet')).toThrow('"intranet" is not an IP address');
  });
});
