import { randomBytes } from 'node:crypto';
import { type Clock, DAY_MS } from '../clock.js';
import { inserted } from '../store/results.js';
import type { SharedDb } from '../store/shared-db.js';
import type { Platform } from './context.js';

/** Platforms retry a delivery within minutes; a day is plenty to recognise a duplicate. */
const DELIVERY_RETENTION_MS = DAY_MS;
/** How long a "More sources" button keeps working. */
const CONTEXT_RETENTION_MS = 30 * DAY_MS;

/**
 * Memory of conversations, in the shared store: threads answered, deliveries seen, reply contexts (forms,
 * verdicts, private threads).
 */
export class ConversationStore {
  constructor(
    private readonly shared: SharedDb,
    private readonly clock: Clock,
  ) {}

  private get db() {
    return this.shared.db;
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  /**
   * Forgets deliveries older than a day (platforms retry within minutes) and reply contexts (forms,
   * verdicts) older than 30 days, so these tables stay small. Returns the rows removed.
   */
  async prune(): Promise<number> {
    const now = this.clock.now().getTime();
    const deliveries = await this.db
      .deleteFrom('deliveries')
      .where('received_at', '<', new Date(now - DELIVERY_RETENTION_MS).toISOString())
      .executeTakeFirst();
    const contexts = await this.db
      .deleteFrom('reply_contexts')
      .where('created_at', '<', new Date(now - CONTEXT_RETENTION_MS).toISOString())
      .executeTakeFirst();
    return Number(deliveries.numDeletedRows + contexts.numDeletedRows);
  }

  /** True the first time an event id is seen (atomic insert-if-absent), false for retries and duplicates. */
  async firstDelivery(platform: string, eventId: string): Promise<boolean> {
    const r = await this.db
      .insertInto('deliveries')
      .values({ platform, event_id: eventId, received_at: this.nowIso() })
      .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
      .executeTakeFirst();
    return inserted(r);
  }

  async rememberThread(platform: Platform, channelId: string, threadId: string, question: string): Promise<void> {
    const row = { last_question: question.slice(0, 2000), updated_at: this.nowIso() };
    await this.db
      .insertInto('threads')
      .values({ platform, channel_id: channelId, thread_id: threadId, ...row })
      .onConflict((oc) => oc.columns(['platform', 'channel_id', 'thread_id']).doUpdateSet(row))
      .execute();
  }

  async threadQuestion(platform: Platform, channelId: string, threadId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('threads')
      .select('last_question')
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .where('thread_id', '=', threadId)
      .executeTakeFirst();
    return row?.last_question;
  }

  async saveContext(kind: string, payload: unknown): Promise<string> {
    const id = randomBytes(8).toString('base64url');
    await this.db
      .insertInto('reply_contexts')
      .values({ id, kind, payload: JSON.stringify(payload), created_at: this.nowIso() })
      .execute();
    return id;
  }

  /** Stores a context under a key the caller chose, replacing what was there (its 30 days start again). */
  async putContext(kind: string, id: string, payload: unknown): Promise<void> {
    const row = { kind, payload: JSON.stringify(payload), created_at: this.nowIso() };
    await this.db
      .insertInto('reply_contexts')
      .values({ id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
  }

  /** What saveContext stored; the caller checks its shape (it may predate an upgrade). */
  async loadContext(kind: string, id: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('reply_contexts')
      .select('payload')
      .where('id', '=', id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row ? JSON.parse(row.payload) : undefined;
  }
}
