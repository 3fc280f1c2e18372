import { randomBytes } from 'node:crypto';
import type { Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import { type MessagePayload, renderReply } from './embeds.js';

export interface PageStoreOptions {
  /** Paged replies kept (least recently used dropped first). Default 500. */
  capacity?: number | undefined;
  /** How long a paged reply stays servable. Default 24 h. */
  ttlMs?: number | undefined;
  now?: () => number;
}

interface Entry {
  pages: MessagePayload[];
  storedAt: number;
}

/**
 * Replies too long for one Discord message are rendered whole; page 1 is sent with a "More" button
 * (`dc:page:<n>:<key>`) and all pages are kept here, in memory, so clicking serves the exact page that was
 * rendered — no second query, no silent cut. The key is random and made before sending (the message id is
 * not known yet for an interaction reply). After a restart, an eviction or the TTL the button answers
 * "run the command again" instead.
 */
export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly log: Logger,
    opts: PageStoreOptions = {},
  ) {
    this.capacity = opts.capacity ?? 500;
    this.ttlMs = opts.ttlMs ?? 24 * 60 * 60 * 1000;
    this.now = opts.now ?? Date.now;
  }

  /** Renders a Reply and returns the message to send (page 1); keeps the other pages when there are any. */
  render(reply: Reply): MessagePayload {
    const key = randomBytes(6).toString('base64url');
    const { pages, warnings } = renderReply(reply, key);
    for (const w of warnings) this.log.warn({ title: reply.title }, `discord render: ${w}`);
    if (pages.length > 1) this.put(key, pages);
    return pages[0]!;
  }

  /** Page `page` (1-based) of a stored reply, or undefined when it is gone. */
  page(key: string, page: number): MessagePayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.pages[page - 1];
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private put(key: string, pages: MessagePayload[]): void {
    this.entries.set(key, { pages, storedAt: this.now() });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
