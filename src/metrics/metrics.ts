import type { Platform } from '../platform.js';

/**
 * What Versus counts and times, as the core and the adapters see it: one method per event, labelled by
 * platform (and small fixed sets like the command name), never by user, channel or workspace, so the
 * number of series stays fixed however many teams use the bot. prometheus.ts implements it.
 */
export interface Metrics {
  /** `/versus <name>`; an unknown name counts as `unknown`. */
  command(platform: Platform, name: string): void;
  /** Every request the core handles, by kind: command, action (button), mention, thread, submit, … */
  request(platform: Platform, kind: string): void;
  /** An answer was given (page 1 only), with how it turned out and how long the core took. */
  answer(platform: Platform, kind: AnswerKind, outcome: AnswerOutcome, seconds: number): void;
  /** A poll vote click that reached the store, with what it did. */
  vote(platform: Platform, outcome: string): void;
  error(platform: Platform, kind: ErrorKind): void;
  /** From a request's arrival to its acknowledgement (Slack's HTTP response, Discord's interaction callback). */
  ack(platform: Platform, seconds: number): void;
  /** One scheduler task run (close due polls, post due debate polls, prune, …). */
  schedulerRun(task: string, outcome: 'ok' | 'failed'): void;
  /** A platform Web API call failed and is tried again (5xx, network error, timeout). */
  apiRetry(platform: Platform): void;
  /** The platform answered HTTP 429 (rate limited). */
  apiRateLimited(platform: Platform): void;
  /** One query on the shared store (SQLite or PostgreSQL). */
  storeQuery(backend: string, seconds: number): void;
  /** A queue whose depth is read at scrape time (answers waiting, handlers in flight). */
  watchQueue(platform: Platform, queue: string, depth: () => number): void;
  /** Polls not closed yet, per platform, read from the store at scrape time. */
  watchOpenPolls(count: () => Promise<readonly { platform: string; n: number }[]>): void;
  /** The text exposition of everything recorded so far (`GET /metrics`). */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export type AnswerKind = 'ask' | 'compare';

/** `found`: claims answer it; `nothing_found`: none do; `uncovered`: it names something the sources don't cover. */
export type AnswerOutcome = 'found' | 'nothing_found' | 'uncovered';

/**
 * `internal`: an unexpected failure (the user got a reference to quote); `usage`: a command or button the
 * router could not parse; `refused`: a feature used where Versus is not installed; `delivery`: a reply
 * that could not be posted to the platform.
 */
export type ErrorKind = 'internal' | 'usage' | 'refused' | 'delivery' | 'busy';

/** How an ask turned out, from what it returned. */
export function askOutcome(result: { claims: readonly unknown[]; uncovered?: readonly unknown[] }): AnswerOutcome {
  if (result.uncovered?.length) return 'uncovered';
  return result.claims.length > 0 ? 'found' : 'nothing_found';
}

/** Seconds since a `performance.now()` reading. */
export function since(startedMs: number): number {
  return (performance.now() - startedMs) / 1000;
}
