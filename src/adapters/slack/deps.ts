import type { VersusHandler } from '../../chat/handler.js';
import type { AdminLookup } from '../../chat/manage.js';
import type { Logger } from '../../logger.js';
import type { ClickJournal } from '../shared/click-journal.js';
import type { AnswerQueue } from './answer-queue.js';
import type { Delivery } from './deliver.js';
import type { SlackPages } from './pages.js';

/** What every Slack listener works with. */
export interface SlackDeps {
  handler: VersusHandler;
  /** Where answers wait while requests are being acknowledged. */
  answers: AnswerQueue;
  pages: SlackPages;
  /** The one way a reply goes out (renders, posts, logs and counts failures). */
  out: Delivery;
  log: Logger;
  /** Asked, through each event's context, whether its user is an admin (users.info). */
  admins: AdminLookup;
  /** Where a vote click acknowledged before its commit is kept until it is stored (HTTP mode). */
  journal?: ClickJournal | undefined;
}
