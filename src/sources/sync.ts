import type { Clock } from '../clock.js';
import type { Database } from '../db/open.js';
import { indexGeneration } from '../knowledge/generation.js';
import { KnowledgeStore } from '../knowledge/knowledge-store.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Logger } from '../logger.js';
import { teamDocumentPath } from './prepare.js';
import type { Indexable, Preparer } from './preparer.js';
import { type SourceStore, scopeKey } from './source-store.js';

export interface SyncReport {
  indexed: string[];
  removed: string[];
}

const NO_STAT = { size: -1, mtimeMs: null };

/** A document this process has just read and stored: used as it is if the store still holds that version. */
export interface AlreadyRead extends Indexable {
  sourceId: string;
  sha256: string;
}

/**
 * Keeps this process's knowledge index in step with the team documents in the shared store: new and
 * changed ones are parsed and written, removed ones deleted, each run in one transaction. Every replica
 * runs it at start and then every `intervalMs`; the replica that took a `sources add` runs it at once,
 * so the document answers there before the command replies and everywhere within one interval.
 */
export class TeamSourceSync {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly deps: {
      store: SourceStore;
      db: Database;
      taxonomy: Taxonomy;
      clock: Clock;
      prepare: Preparer;
      logger: Logger;
    },
  ) {}

  /** One run after any run in progress (two never overlap). */
  sync(read?: AlreadyRead): Promise<SyncReport> {
    const next = this.chain.then(() => this.run(read));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async run(read?: AlreadyRead): Promise<SyncReport> {
    const { store, db, taxonomy, clock } = this.deps;
    const knowledge = new KnowledgeStore(db);
    const generation = indexGeneration(taxonomy);
    // The stored hash carries the index generation: a taxonomy or extraction change re-indexes team documents too.
    const want = new Map((await store.heads()).map((h) => [teamDocumentPath(h.id), `${h.sha256}:${generation}`]));
    const local = new Map(
      knowledge
        .documents()
        .filter((d) => d.scope !== '')
        .map((d) => [d.path, d.sha256]),
    );
    const stale = [...want].filter(([path, sha]) => local.get(path) !== sha).map(([path]) => path.slice(5));
    const gone = [...local.keys()].filter((p) => !want.has(p));
    if (stale.length === 0 && gone.length === 0) return { indexed: [], removed: [] };
    const stored = await store.byIds(stale);
    const reuse = (s: (typeof stored)[number]) => read?.sourceId === s.id && read.sha256 === s.sha256;
    const prepared = await this.deps.prepare.claims(stored.filter((s) => !reuse(s)));
    const docs = stored.map((s) => ({ s, ...(reuse(s) && read ? read : prepared.shift()!) }));
    const now = clock.now().toISOString();
    db.transaction(() => {
      for (const d of docs)
        knowledge.writeDocument(
          d.meta,
          teamDocumentPath(d.s.id),
          `${d.s.sha256}:${generation}`,
          NO_STAT,
          d.claims,
          now,
          scopeKey(d.s),
        );
      for (const p of gone) knowledge.deleteByPath(p);
      // Caches keyed on the index contents (term frequencies) watch this value.
      knowledge.setMeta('index_version', `${now}#${Math.random().toString(36).slice(2)}`);
    }).immediate();
    const report = { indexed: docs.map((d) => d.s.id), removed: gone.map((p) => p.slice(5)) };
    this.deps.logger.info(report, 'team sources indexed');
    return report;
  }

  /** Polls the shared store every `intervalMs` (skipping a tick while a run is still going). */
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.sync()
        .catch((err: unknown) => this.deps.logger.warn({ err }, 'team sources: sync failed; will try again'))
        .finally(() => {
          this.busy = false;
        });
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
