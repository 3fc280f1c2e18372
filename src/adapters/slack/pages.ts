import { randomBytes } from 'node:crypto';
import type { Reply } from '../../chat/reply.js';
import { paginate, type SlackMessage } from './blocks.js';

const PAGE_ID = /^slack:page:([A-Za-z0-9_-]{6,16}):(\d{1,3})$/;

/**
 * Replies too long for one Slack message, kept in memory for their More buttons (an LRU: at most
 * `max` replies for `ttlMs`). After a restart an old More button answers "run the command again";
 * the first page already shown is never affected.
 */
export class PageStore {
  private readonly entries = new Map<string, { pages: SlackMessage[]; at: number }>();

  constructor(
    private readonly max = 500,
    private readonly ttlMs = 24 * 3_600_000,
  ) {}

  /** Renders a reply; when it needs several pages, keeps them and returns page 1 with a More button. */
  render(reply: Reply): SlackMessage {
    const key = randomBytes(6).toString('base64url');
    const pages = paginate(reply, (page) => ({ actionId: `slack:page:${key}:${page}`, label: 'More' }));
    if (pages.length > 1) {
      this.entries.set(key, { pages, at: Date.now() });
      while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return pages[0]!;
  }

  static isPageAction(actionId: string): boolean {
    return PAGE_ID.test(actionId);
  }

  page(actionId: string): SlackMessage | undefined {
    const m = PAGE_ID.exec(actionId);
    const entry = m && this.entries.get(m[1]!);
    if (!m || !entry || Date.now() - entry.at > this.ttlMs) return undefined;
    return entry.pages[Number(m[2])];
  }
}
