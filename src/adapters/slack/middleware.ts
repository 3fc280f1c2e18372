import type { App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { checkBody } from './payloads.js';

/**
 * Work continues after ack() (the answer goes out later): each request's listener run is kept in
 * `inFlight` until it ends, so idle() and stop() can wait for it. One debug line per request with its
 * Slack id (trigger_id or event_id); the text itself is not logged.
 */
export function trackRequests(app: App, inFlight: Set<Promise<void>>, log: Logger): void {
  app.use(async ({ next, body }) => {
    const began = performance.now();
    const b = body as { type?: string; trigger_id?: string; event_id?: string; command?: string };
    const run = next();
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
      if (log.isLevelEnabled('debug'))
        log.debug(
          {
            requestId: b.trigger_id ?? b.event_id,
            type: b.command ? 'command' : b.type,
            ms: Math.round(performance.now() - began),
          },
          'slack: request handled',
        );
    }
  });
}

/**
 * In HTTP mode our receiver checks every payload's shape before Bolt; Socket Mode has no receiver of
 * ours, so the same zod check runs first here: a malformed payload is acknowledged, logged and dropped.
 */
export function checkSocketPayloads(app: App, log: Logger): void {
  app.use(async ({ body, next, ...args }) => {
    const verdict = checkBody(body);
    if (verdict.ok === true) return next();
    log.warn({ reason: verdict.ok === false ? verdict.problem : verdict.reason }, 'slack: payload dropped');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  });
}
