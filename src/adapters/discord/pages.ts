import type { Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import { type PageReader, type PageScope, PageStore, type PageStoreOptions, scopeOf } from '../shared/page-store.js';
import { renderReplyV2, type V2Payload } from './v2.js';

/**
 * Discord messages of a Reply: page 1 to send, the rest kept for the ◀ / ▶ buttons (`dc:page:<n>:<key>`)
 * in the shared PageStore.
 */
export class DiscordPages {
  private readonly store: PageStore<V2Payload>;

  constructor(
    private readonly log: Logger,
    opts: PageStoreOptions = {},
  ) {
    this.store = new PageStore(opts);
  }

  /**
   * Renders a Reply to be shown in `where` (a channel or thread; the person, for a private reply) and
   * returns the message to send (page 1); keeps the other pages for there when there are any.
   */
  render(reply: Reply, where: PageScope): V2Payload {
    const key = PageStore.newKey();
    const { pages, warnings } = renderReplyV2(reply, key);
    for (const w of warnings) this.log.warn({ title: reply.title }, `discord render: ${w}`);
    if (pages.length > 1) this.store.put(key, pages, scopeOf(reply.visibility, where));
    return pages[0]!;
  }

  /** Page `page` (1-based) of a stored reply, or undefined when it is gone or `reader` is not where it was shown. */
  page(key: string, page: number, reader: PageReader): Promise<V2Payload | undefined> {
    return this.store.page(key, page, reader);
  }

  get size(): number {
    return this.store.size;
  }

  clear(): void {
    this.store.clear();
  }
}
