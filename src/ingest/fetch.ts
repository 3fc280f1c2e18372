import { type LookupAddress, lookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { VersusError } from '../errors.js';
import { AddressAllowList, mayConnect } from './addresses.js';
import { SourceError, type SourceProblem } from './problems.js';

/** What one fetch may cost. Every field has the default `sources add` uses. */
export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Non-public addresses an operator allows anyway (an intranet; a test's local server). */
  allow: AddressAllowList;
}

export const FETCH_LIMITS: FetchLimits = {
  maxBytes: 2 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
  allow: AddressAllowList.NONE,
};

export interface Fetched {
  /** Where the document finally came from, after redirects. */
  url: string;
  contentType?: string | undefined;
  body: Buffer;
}

const refused = (problem: SourceProblem) => new SourceError('fetch_refused', problem);
const failed = (problem: SourceProblem, cause?: unknown) => new SourceError('fetch_failed', problem, { cause });

/** A URL we may ask for: http(s), no credentials, and not a literal private address. */
export function checkUrl(raw: string | URL, limits: Pick<FetchLimits, 'allow'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused({ kind: 'notUrl' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refused({ kind: 'protocol', protocol: url.protocol });
  if (url.username || url.password) throw refused({ kind: 'credentials' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !mayConnect(host, limits.allow)) throw privateAddress(host);
  return url;
}

const privateAddress = (host: string) => refused({ kind: 'privateHost', host });

/**
 * DNS lookup that refuses non-public answers, given to the HTTP client as its `lookup`: the address is
 * checked at the moment the connection is made to it, so a name that answers differently the second
 * time (DNS rebinding) cannot slip past a check made earlier.
 */
function guardedLookup(host: string, allow: AddressAllowList): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, found) => {
      const addresses = found as unknown as LookupAddress[];
      if (err) return callback(err, '', 0);
      if (addresses.some((a) => !mayConnect(a.address, allow))) return callback(privateAddress(host), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function send(url: URL, headers: Record<string, string>, signal: AbortSignal, allow: AddressAllowList) {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers,
      signal,
      // One connection per hop: nothing pooled can carry a request past the address check.
      agent: false,
      lookup: guardedLookup(url.hostname, allow),
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

/** The body, decompressed, refused as soon as it passes the byte limit (a compressed bomb included). */
async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  const stream: Readable = decoder ? res.pipe(decoder) : res;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      decoder?.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (max: number) => refused({ kind: 'tooLarge', mb: max / 1024 / 1024 });

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * GET a document for indexing: http(s) only, at most `maxBytes` and `timeoutMs` in all, each redirect
 * followed by hand and checked like the first URL, non-public addresses refused after DNS resolution.
 * `headersFor` gives per-hop headers (a token only for its own host: a redirect elsewhere drops it).
 */
export async function fetchDocument(
  raw: string,
  limits: FetchLimits = FETCH_LIMITS,
  headersFor: (url: URL) => Record<string, string> = () => ({}),
): Promise<Fetched> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  let url = checkUrl(raw, limits);
  try {
    for (let hop = 0; ; hop++) {
      const headers = {
        'user-agent': 'Versus/1 (indexing a page a team added)',
        accept: 'text/html, application/xhtml+xml, text/markdown, text/plain, application/pdf;q=0.9, */*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        ...headersFor(url),
      };
      const res = await send(url, headers, abort.signal, limits.allow);
      const location = res.headers.location;
      if (REDIRECT.has(res.statusCode ?? 0) && location) {
        res.resume();
        if (hop >= limits.maxRedirects) throw refused({ kind: 'redirects', max: limits.maxRedirects });
        url = checkUrl(new URL(location, url), limits);
        continue;
      }
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) {
        res.resume();
        throw failed({ kind: 'status', status: res.statusCode ?? 0, where: `${url.host}${url.pathname}` });
      }
      const body = await readBody(res, limits.maxBytes);
      return { url: url.href, contentType: res.headers['content-type'], body };
    }
  } catch (e) {
    if (e instanceof VersusError) throw e;
    if (abort.signal.aborted)
      throw failed({ kind: 'timeout', host: url.hostname, seconds: limits.timeoutMs / 1000 }, e);
    const code = (e as NodeJS.ErrnoException).code;
    const kind =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'noSuchHost'
        : code === 'ECONNREFUSED'
          ? 'connectionRefused'
          : 'connectionFailed';
    throw failed({ kind, host: url.hostname }, e);
  } finally {
    clearTimeout(timer);
  }
}
