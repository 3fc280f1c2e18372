import type { App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { ADAPTER_DRAIN_MS } from '../../runtime/shutdown.js';
import type { AnswerQueue } from './answer-queue.js';
import type { SlackReceiver } from './receiver.js';

/** Budgets of the Slack shutdown, together the adapter's share of the shutdown budget (runtime/shutdown.ts). */
export const STOP_BUDGET = { acks: 1_000, answers: ADAPTER_DRAIN_MS - 2_000, aborted: 1_000 };

const within = (ms: number, work: Promise<unknown>) =>
  Promise.race([work.catch(() => {}), new Promise((r) => setTimeout(r, ms).unref())]);

export interface StopParts {
  app: App;
  /** HTTP mode's receiver; undefined in Socket Mode. */
  receiver: SlackReceiver | undefined;
  answers: AnswerQueue;
  inFlight: Set<Promise<void>>;
  shutdown: AbortController;
  /** How many deliveries have failed so far. */
  failed: () => number;
  log: Logger;
}

/**
 * Stops taking requests at once (new ones get 503 and the connection closes), lets admitted requests be
 * acknowledged and their answers go out, then aborts every call still hanging and counts what was lost.
 */
export async function stopSlack(p: StopParts): Promise<void> {
  const failedBefore = p.failed();
  if (p.receiver) {
    p.receiver.refuse();
    await p.receiver.idle(STOP_BUDGET.acks);
  } else await within(STOP_BUDGET.acks, p.app.stop());
  await within(STOP_BUDGET.answers, Promise.allSettled([...p.inFlight, p.answers.drain()]));
  const dropped = p.answers.discard();
  p.shutdown.abort();
  // Started answers and confirmations run on after their requests ended: wait for their aborted calls to fail.
  await within(STOP_BUDGET.aborted, Promise.allSettled([...p.inFlight, p.answers.drain()]));
  p.receiver?.closeAll();
  const undelivered = dropped + (p.failed() - failedBefore);
  // Votes and commands are already stored; only these confirmations or answers went unsent.
  if (undelivered > 0) p.log.warn({ undelivered }, 'slack: stopped; some answers or confirmations were not delivered');
  else p.log.info('slack: stopped; every answer was delivered');
}
