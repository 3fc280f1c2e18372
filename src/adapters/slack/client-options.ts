import type { webApi } from '@slack/bolt';
import type { Metrics } from '../../metrics/metrics.js';
import { boundedFetch, type OutgoingLimits, RETRY_CONFIG } from './outgoing.js';

/**
 * Web API calls one client has in flight at once; the rest wait in its queue. A vote storm's confirmations
 * are most of them: 20,000 clicks (bench/storm.ts, load 1.2-1.8) had their confirmation p99 at 1.9 s with
 * 32 and 0.19 s with 64, at the same clicks per second.
 */
export const CALLS_AT_ONCE = 64;

/**
 * The WebClient options of every Slack call: Slack's address (a fake in tests), bounded attempts that
 * `shutdown` aborts at once, 429s waited out per call (outgoing.ts), and retries that stop at shutdown.
 */
export function clientOptions(
  apiUrl: string | undefined,
  limits: OutgoingLimits,
  retries: webApi.RetryOptions | undefined,
  shutdown: AbortSignal,
  metrics?: Metrics | undefined,
): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.replace(/\/?$/, '/') } : {}),
    fetch: boundedFetch(limits, shutdown, (status) => {
      if (status === 429) metrics?.apiRateLimited('slack');
    }),
    rejectRateLimitedCalls: true,
    maxRequestConcurrency: CALLS_AT_ONCE,
    // p-retry stops retrying when this throws: no backoff delays once shutting down.
    retryConfig: {
      ...(retries ?? RETRY_CONFIG),
      onFailedAttempt: (e: Error & { retriesLeft?: number }) => {
        if (shutdown.aborted) throw e;
        if (e.retriesLeft) metrics?.apiRetry('slack');
      },
    } as unknown as webApi.RetryOptions,
  };
}
