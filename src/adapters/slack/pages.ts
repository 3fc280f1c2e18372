import type { Reply } from '../../chat/reply.js';
import { type PageReader, type PageScope, PageStore, type PageStoreOptions, scopeOf } from '../shared/page-store.js';
import { paginate, type SlackMessage } from './blocks.js';

const PAGE_ID = /^slack:page:([A-Za-z0-9_-]{6,16}):(\d{1,3})$/;

/**
 * Slack messages of a Reply: page 1 to send, the rest kept for the More button (`slack:page:<key>:<n>`)
 * in the shared PageStore. After a restart an old More button answers "run the command again"; the first
 * page already shown is never affected.
 */
export class SlackPages {
  private readonly store: PageStore<SlackMessage>;

  constructor(opts: PageStoreOptions = {}) {
    this.store = new PageStore(opts);
  }

  /**
   * Renders a reply to be shown in `where` (a channel; the person, for a private reply); when it needs
   * several pages, keeps them for there and returns page 1 with a More button.
   */
  render(reply: Reply, where: PageScope): SlackMessage {
    // A key only for a reply of several pages: most replies (a vote's confirmation) have one, and drawing
    // random bytes for each was 1 % of a vote storm's CPU.
    let key: string | undefined;
    const pages = paginate(reply, (page) => {
      key ??= PageStore.newKey();
      return { actionId: `slack:page:${key}:${page}`, label: 'More' };
    });
    if (key !== undefined) this.store.put(key, pages, scopeOf(reply.visibility, where));
    return pages[0]!;
  }

  static isPageAction(actionId: string): boolean {
    return PAGE_ID.test(actionId);
  }

  /** The page a More button asks for, or undefined when it is gone or `reader` is not where it was shown. */
  async page(actionId: string, reader: PageReader): Promise<SlackMessage | undefined> {
    const m = PAGE_ID.exec(actionId);
    return m ? this.store.page(m[1]!, Number(m[2]), reader) : undefined;
  }
}
