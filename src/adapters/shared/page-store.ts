import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PlatformWords } from '../../chat/handler.js';
import { ephemeral, type Reply, type Visibility } from '../../chat/reply.js';
import { type Clock, HOUR_MS, systemClock } from '../../clock.js';
import type { ReplyPages } from '../../store/reply-pages.js';

export interface PageStoreOptions {
  /** Paged replies kept (the least recently used goes first). Default 500. */
  capacity?: number | undefined;
  /** How long a paged reply stays servable. Default 24 h. */
  ttlMs?: number | undefined;
  clock?: Clock | undefined;
  /** Also keep pages in the shared store, so a More click on another replica (or after a restart) is served. */
  shared?: ReplyPages | undefined;
  /** What a failed shared write is reported to (the click then falls back to "run it again"). */
  onError?: ((err: unknown) => void) | undefined;
}

/**
 * Where a paged reply was shown: its later pages are served only in that channel, and a private reply's
 * only to the person it was shown to. (Channel ids are unique across workspaces on Slack and Discord.)
 */
export interface PageScope {
  channelId: string;
  userId?: string | undefined;
}

/** Who clicks a page button, and where. */
export interface PageReader {
  channelId: string;
  userId: string;
}

interface Entry<P> {
  pages: readonly P[];
  scope: PageScope;
  storedAt: number;
}

/** What the shared store keeps for a key: the scope with the pages. */
const Stored = z.object({
  scope: z.object({ channelId: z.string(), userId: z.string().optional() }),
  pages: z.array(z.unknown()),
});

/** What a More button answers once its pages are gone (evicted, expired, or Versus restarted). */
export const pagesGoneReply = (words: PlatformWords): Reply => ephemeral(words.pagesGone);

/**
 * Replies too long for one message are rendered whole; page 1 is sent with a More button and every page
 * is kept here, in memory (and in the shared store when given one), so a click serves the exact page that was rendered — no second query, no
 * silent cut. An LRU: reading a reply makes it the most recently used; past `capacity` the least recently
 * used goes, and after `ttlMs` a reply is gone. Each adapter keeps its own platform's rendered pages.
 */
export class PageStore<P> {
  private readonly entries = new Map<string, Entry<P>>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly clock: Clock;

  constructor(private readonly opts: PageStoreOptions = {}) {
    this.capacity = opts.capacity ?? 500;
    this.ttlMs = opts.ttlMs ?? 24 * HOUR_MS;
    this.clock = opts.clock ?? systemClock;
  }

  /** A fresh key for the More buttons, made before rendering (the message id is not known yet). */
  static newKey(): string {
    return randomBytes(6).toString('base64url');
  }

  /**
   * Keeps a reply's pages. The shared write is not awaited: rendering stays synchronous, and it lands
   * long before anyone can read page 1 and click More on another replica.
   */
  put(key: string, pages: readonly P[], scope: PageScope): void {
    this.remember(key, { pages, scope, storedAt: this.clock.now().getTime() });
    this.opts.shared?.save(key, { scope, pages }).catch((err: unknown) => this.opts.onError?.(err));
  }

  private remember(key: string, entry: Entry<P>): void {
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * Page `page` (1-based) of a stored reply — from memory, else the shared store — or undefined when it is
   * gone, or when `reader` is not where it was shown (answered exactly as a page that is gone).
   */
  async page(key: string, page: number, reader: PageReader): Promise<P | undefined> {
    if (!this.entries.has(key)) {
      const stored = Stored.safeParse(await this.opts.shared?.load(key));
      if (stored.success)
        this.remember(key, { ...stored.data, pages: stored.data.pages as P[], storedAt: this.clock.now().getTime() });
    }
    const entry = this.entries.get(key);
    if (!entry || !shownTo(entry.scope, reader)) return undefined;
    if (this.clock.now().getTime() - entry.storedAt > this.ttlMs) {
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
}

function shownTo(scope: PageScope, reader: PageReader): boolean {
  return scope.channelId === reader.channelId && (scope.userId === undefined || scope.userId === reader.userId);
}

/** The scope of a reply about to be shown in `where`: a private reply's pages are its reader's only. */
export function scopeOf(visibility: Visibility, where: PageScope): PageScope {
  return visibility === 'ephemeral' ? where : { channelId: where.channelId };
}
