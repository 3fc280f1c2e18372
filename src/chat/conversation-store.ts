import { randomBytes } from 'node:crypto';
import { type Clock, DAY_MS } from '../clock.js';
import type { Database } from '../db/open.js';

/** Platforms retry a delivery within minutes; a day is plenty to recognise a duplicate. */
const DELIVERY_RETENTION_MS = DAY_MS;
/** How long a "More sources" button keeps working. */
const CONTEXT_RETENTION_MS = 30 * DAY_MS;

/** SQLite-backed memory of conversations: threads answered, deliveries seen, paging contexts. */
export class ConversationStore {
  private readonly insertDelivery;
  private readonly upsertThread;
  private readonly getThread;
  private readonly insertContext;
  private readonly getContext;
  private readonly pruneDeliveries;
  private readonly pruneContexts;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.insertDelivery = db.prepare<[platform: string, eventId: string, nowIso: string]>(
      'INSERT OR IGNORE INTO deliveries (platform, event_id, received_at) VALUES (?, ?, ?)',
    );
    this.upsertThread = db.prepare<
      [platform: string, channelId: string, threadId: string, question: string, nowIso: string]
    >(`INSERT INTO threads (platform, channel_id, thread_id, last_question, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (platform, channel_id, thread_id) DO UPDATE SET last_question = excluded.last_question, updated_at = excluded.updated_at`);
    this.getThread = db.prepare<[platform: string, channelId: string, threadId: string], { last_question: string }>(
      'SELECT last_question FROM threads WHERE platform = ? AND channel_id = ? AND thread_id = ?',
    );
    this.insertContext = db.prepare<[id: string, kind: string, payload: string, nowIso: string]>(
      'INSERT INTO reply_contexts (id, kind, payload, created_at) VALUES (?, ?, ?, ?)',
    );
    this.getContext = db.prepare<[id: string, kind: string], { payload: string }>(
      'SELECT payload FROM reply_contexts WHERE id = ? AND kind = ?',
    );
    this.pruneDeliveries = db.prepare<[beforeIso: string]>('DELETE FROM deliveries WHERE received_at < ?');
    this.pruneContexts = db.prepare<[beforeIso: string]>('DELETE FROM reply_contexts WHERE created_at < ?');
  }

  /**
   * Forgets deliveries older than a day (platforms retry within minutes) and paging contexts older
   * than 30 days, so these tables stay small. Returns the rows removed.
   */
  prune(): number {
    const now = this.clock.now().getTime();
    return (
      this.pruneDeliveries.run(new Date(now - DELIVERY_RETENTION_MS).toISOString()).changes +
      this.pruneContexts.run(new Date(now - CONTEXT_RETENTION_MS).toISOString()).changes
    );
  }

  /** True the first time an event id is seen (atomic insert), false for retries and duplicates. */
  firstDelivery(platform: string, eventId: string): boolean {
    return this.insertDelivery.run(platform, eventId, this.clock.now().toISOString()).changes === 1;
  }

  rememberThread(platform: string, channelId: string, threadId: string, question: string): void {
    this.upsertThread.run(platform, channelId, threadId, question.slice(0, 2000), this.clock.now().toISOString());
  }

  threadQuestion(platform: string, channelId: string, threadId: string): string | undefined {
    return this.getThread.get(platform, channelId, threadId)?.last_question;
  }

  saveContext(kind: string, payload: unknown): string {
    const id = randomBytes(8).toString('base64url');
    this.insertContext.run(id, kind, JSON.stringify(payload), this.clock.now().toISOString());
    return id;
  }

  /** What saveContext stored; the caller checks its shape (it may predate an upgrade). */
  loadContext(kind: string, id: string): unknown {
    const row = this.getContext.get(id, kind);
    return row ? JSON.parse(row.payload) : undefined;
  }
}
