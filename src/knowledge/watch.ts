import { basename, relative } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import type { Database } from '../db/open.js';
import type { Logger } from '../logger.js';
import type { IndexReport } from './indexer.js';
import { KnowledgeStore } from './knowledge-store.js';

/** Meta key holding the files the last index could not use (read by /versus sources). */
export const BROKEN_META = 'index_broken';

export interface WatchOptions {
  db: Database;
  dir: string;
  logger: Logger;
  /** The incremental indexer, as the core runs it at start (same taxonomy and clock). */
  index: (db: Database, dir: string) => IndexReport;
  /** Quiet time after the last change before indexing: an editor's save is several events. Default 300 ms. */
  debounceMs?: number | undefined;
}

/** What the last index could not use, as stored for /versus sources. */
export function brokenFiles(store: KnowledgeStore): { path: string; message: string }[] {
  try {
    return JSON.parse(store.getMeta(BROKEN_META) ?? '[]') as { path: string; message: string }[];
  } catch {
    return [];
  }
}

/** Stores what the index could not use, so every process and /versus sources sees the same warnings. */
export function recordBroken(db: Database, report: IndexReport): void {
  const broken = report.warnings.filter((w) => report.broken.includes(w.path));
  new KnowledgeStore(db).setMeta(BROKEN_META, JSON.stringify(broken));
}

/**
 * Re-indexes the knowledge folder while the bot runs: a digest added, changed or removed is indexed
 * within the debounce (plus the indexer's few ms per changed file), with the same incremental indexer as
 * at start, so unchanged files cost a hash. Changes to taxonomy.yaml need a restart (the running features
 * hold the taxonomy); they are logged, not applied.
 */
export class KnowledgeWatcher {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Resolves after each index run (tests and callers that want to know the index is current). */
  private listeners: ((r: IndexReport) => void)[] = [];

  constructor(private readonly opts: WatchOptions) {}

  async start(): Promise<void> {
    const log = this.opts.logger;
    this.watcher = watch(this.opts.dir, {
      ignoreInitial: true,
      // Dotfiles are editors' swap and temp files, never documents.
      ignored: (path) => basename(path).startsWith('.') && path !== this.opts.dir,
    });
    this.watcher.on('all', (event, path) => {
      if (basename(path) === 'taxonomy.yaml' || basename(path) === 'matrix.yaml') {
        log.warn({ path }, 'knowledge: taxonomy or matrix changed; restart Versus to apply it');
        return;
      }
      if (event === 'addDir') return;
      this.schedule();
    });
    // Say which folder and why in words, as the indexer does for files: no errno codes or stacks in the log.
    this.watcher.on('error', (err) => {
      const e = err as NodeJS.ErrnoException;
      const why =
        e.code === 'EACCES' || e.code === 'EPERM'
          ? 'permission denied'
          : e.code === 'ENOENT'
            ? 'it is gone'
            : 'it cannot be watched';
      const where = e.path ? relative(this.opts.dir, e.path) || '.' : this.opts.dir;
      log.warn({ path: where }, `knowledge: not watching ${where} for changes: ${why}`);
    });
    await new Promise<void>((resolve) => this.watcher?.once('ready', () => resolve()));
    log.info({ dir: this.opts.dir }, 'knowledge: watching for changes');
  }

  /** The next completed index run. */
  nextIndex(): Promise<IndexReport> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.opts.debounceMs ?? 300);
  }

  /** Synchronous (better-sqlite3), so two runs never overlap; events during one schedule the next. */
  private run(): void {
    const log = this.opts.logger;
    try {
      const r = this.opts.index(this.opts.db, this.opts.dir);
      recordBroken(this.opts.db, r);
      for (const w of r.warnings) log.warn({ path: w.path }, `knowledge: ${w.message}`);
      log.info(
        { added: r.added, updated: r.updated, removed: r.removed, broken: r.broken, ms: Math.round(r.ms) },
        'knowledge re-indexed',
      );
      for (const l of this.listeners.splice(0)) l(r);
    } catch (err) {
      // The index is left as it was (each batch is one transaction): the last good index keeps answering.
      log.error({ err }, 'knowledge: re-index failed; the last good index stays');
    }
  }

  /** Stops watching; a pending index run is dropped (the next start indexes incrementally anyway). */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.watcher?.close();
    this.watcher = undefined;
  }
}
