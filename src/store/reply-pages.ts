import { type Clock, DAY_MS } from '../clock.js';
import type { SharedDb } from './shared-db.js';

/** The longest a More button keeps working (matches the in-memory PageStore's default lifetime). */
const KEEP_MS = DAY_MS;

/** Rendered pages of long replies in the shared store, so any replica can serve a More click. */
export class ReplyPages {
  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  /** `pages`: the rendered pages, with whatever the page store keeps beside them (JSON). */
  async save(key: string, pages: unknown): Promise<void> {
    await this.shared.db
      .insertInto('reply_pages')
      .values({ key, pages: JSON.stringify(pages), created_at: this.clock.now().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async load(key: string): Promise<unknown> {
    const row = await this.shared.db
      .selectFrom('reply_pages')
      .select(['pages', 'created_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || this.clock.now().getTime() - Date.parse(row.created_at) > KEEP_MS) return undefined;
    return JSON.parse(row.pages) as unknown;
  }

  async prune(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - KEEP_MS).toISOString();
    const r = await this.shared.db.deleteFrom('reply_pages').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
