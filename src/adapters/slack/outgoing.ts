/** Limits for every call Versus makes to Slack (Web API and response_url). */
export interface OutgoingLimits {
  /** One HTTP attempt is aborted after this long (a hung Slack never holds a call forever). */
  attemptTimeoutMs: number;
  /** A 429 is waited out only when its Retry-After is at most this long; longer ones fail the call. */
  maxRetryAfterMs: number;
  /** How many 429s one call may wait out. */
  rateLimitRetries: number;
}

export const DEFAULT_LIMITS: OutgoingLimits = { attemptTimeoutMs: 5_000, maxRetryAfterMs: 5_000, rateLimitRetries: 2 };

/** Retries of a failed attempt (5xx, network, timeout): three attempts within about 10 s in all. */
export const RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 1_000, maxRetryTime: 10_000 };

/** Waits `ms`, or less when `signal` aborts first. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * How long to wait out a 429 before trying again: its Retry-After (seconds, 1 when absent), unless that is
 * over the cap or the call has waited out `limits.rateLimitRetries` already; undefined means fail the call.
 */
export function rateLimitWaitMs(retryAfter: string | null | undefined, waited: number, limits: OutgoingLimits) {
  if (waited >= limits.rateLimitRetries) return undefined;
  const waitMs = Number(retryAfter ?? 1) * 1000;
  return waitMs >= 0 && waitMs <= limits.maxRetryAfterMs ? waitMs : undefined;
}

/**
 * The fetch Bolt and its WebClient use: each attempt has a timeout and is aborted at shutdown; a 429 is
 * waited out here, per call and only up to a cap — the WebClient's own handling pauses its whole queue
 * (every other user's call) for as long as Slack asks, so it is turned off (rejectRateLimitedCalls).
 */
export function boundedFetch(
  limits: OutgoingLimits,
  shutdown: AbortSignal,
  /** Sees every attempt's status (the metrics count 429s). */
  onStatus: (status: number) => void = () => {},
): typeof fetch {
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const signals = [AbortSignal.timeout(limits.attemptTimeoutMs), shutdown, ...(init?.signal ? [init.signal] : [])];
      const res = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
      onStatus(res.status);
      const waitMs = res.status === 429 ? rateLimitWaitMs(res.headers.get('retry-after'), attempt, limits) : undefined;
      if (waitMs === undefined || shutdown.aborted) return res;
      await res.body?.cancel();
      await sleep(waitMs, shutdown);
    }
  };
}
