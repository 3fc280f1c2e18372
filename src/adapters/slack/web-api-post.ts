import { type ClientRequest, Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { CALLS_AT_ONCE } from './client-options.js';
import { type OutgoingLimits, RETRY_CONFIG, rateLimitWaitMs, sleep } from './outgoing.js';

/** The retry policy of failed attempts, as the WebClient's p-retry options spell it. */
export interface RetryPolicy {
  retries?: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  maxRetryTime?: number;
}

/** A failed call, shaped as the WebClient's errors are: `slackErrorCode` reads `data.error`, else `code`. */
export class WebApiCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly data?: { error: string },
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

/**
 * One Web API method called over keep-alive node:http, for the calls a vote storm makes thousands of (a
 * click's private confirmation). The WebClient costs 460 µs of CPU per call through fetch, p-queue and
 * p-retry, this 86 µs, and holds less garbage (a 10,000-call micro-benchmark at 64 at once: RSS 198 vs 86 MB).
 * Failures are handled as the WebClient is configured to (client-options.ts): each attempt times out, a
 * 429 is waited out per call up to the cap (outgoing.ts), other failures (network, timeout, HTTP status)
 * are retried by the same policy, and shutdown aborts every call at once.
 */
export class WebApiPoster {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: CALLS_AT_ONCE });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: CALLS_AT_ONCE });
  /** Requests in flight, destroyed at shutdown (one listener on the signal, not one per call). */
  private readonly live = new Set<ClientRequest>();

  constructor(
    private readonly limits: OutgoingLimits,
    private readonly shutdown: AbortSignal,
    private readonly retry: RetryPolicy = RETRY_CONFIG,
    private readonly metrics?: Metrics | undefined,
    /** Each call's end at debug, by method only (as the WebClient's own debug lines; never its arguments). */
    private readonly log?: Logger | undefined,
  ) {
    shutdown.addEventListener('abort', () => {
      for (const req of this.live) req.destroy(new Error('shutting down'));
      this.http.destroy();
      this.https.destroy();
    });
  }

  /** Calls `method` with `args` as JSON; resolves with Slack's result, or rejects as the WebClient would. */
  async call(
    apiUrl: string,
    method: string,
    token: string | undefined,
    args: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    try {
      return await this.tries(`${apiUrl}${method}`, token, JSON.stringify(args));
    } finally {
      this.log?.debug({ method }, 'slack: web api call end');
    }
  }

  private async tries(url: string, token: string | undefined, body: string): Promise<Record<string, unknown>> {
    const began = Date.now();
    for (let failures = 0, limited = 0; ; ) {
      let answer: Answer | undefined;
      let failure: string;
      try {
        answer = await this.attempt(url, token, body);
      } catch (cause) {
        failure = `A request error occurred: ${(cause as Error).message}`;
      }
      if (answer) {
        if (answer.status === 429) this.metrics?.apiRateLimited('slack');
        const waitMs = answer.status === 429 ? rateLimitWaitMs(answer.retryAfter, limited++, this.limits) : undefined;
        if (waitMs !== undefined && !this.shutdown.aborted) {
          await sleep(waitMs, this.shutdown);
          continue;
        }
        if (answer.status === 429)
          throw new WebApiCallError('A rate limit was exceeded', 'slack_webapi_rate_limited_error');
        if (answer.status === 200) return result(answer.text);
        failure = `An HTTP protocol error occurred: statusCode = ${answer.status}`;
      }
      if (!(await this.backOff(++failures, began))) throw new WebApiCallError(failure!, 'slack_webapi_request_error');
      limited = 0;
    }
  }

  /** After a failed attempt: waits as p-retry would and says whether to try again. */
  private async backOff(failures: number, began: number): Promise<boolean> {
    const { retries = 10, factor = 2, minTimeout = 1_000, maxTimeout = Number.POSITIVE_INFINITY } = this.retry;
    const maxRetryTime = this.retry.maxRetryTime ?? Number.POSITIVE_INFINITY;
    if (this.shutdown.aborted || failures > retries || Date.now() - began >= maxRetryTime) return false;
    this.metrics?.apiRetry('slack');
    await sleep(Math.min(minTimeout * factor ** (failures - 1), maxTimeout), this.shutdown);
    return !this.shutdown.aborted;
  }

  private attempt(url: string, token: string | undefined, body: string): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const https = url.startsWith('https:');
      const headers: Record<string, string | number> = {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      };
      const send = https ? httpsRequest : httpRequest;
      let complete = () => false;
      const req = send(url, { method: 'POST', agent: https ? this.https : this.http, headers }, (res) => {
        complete = () => res.complete;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: header(res.headers['retry-after']), text }),
        );
        res.on('error', reject);
      });
      const timer = setTimeout(() => req.destroy(new Error('timed out')), this.limits.attemptTimeoutMs);
      this.live.add(req);
      req.on('close', () => {
        clearTimeout(timer);
        this.live.delete(req);
        // A response cut off mid-body never ends: its request's close settles it.
        if (!complete()) reject(new Error('connection closed'));
      });
      req.on('error', reject);
      if (this.shutdown.aborted) req.destroy(new Error('shutting down'));
      req.end(body);
    });
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Slack's answer: its result when `ok`, else the platform error the WebClient throws (code and `data.error`). */
function result(text: string): Record<string, unknown> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new WebApiCallError('Slack answered with no JSON', 'slack_webapi_request_error');
  }
  if (parsed.ok === true) return parsed;
  const error = typeof parsed.error === 'string' ? parsed.error : 'unknown_error';
  throw new WebApiCallError(`An API error occurred: ${error}`, 'slack_webapi_platform_error', { error });
}
