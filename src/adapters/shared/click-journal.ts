import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChatContext } from '../../chat/context.js';
import { fixedAdmin } from '../../chat/manage.js';
import type { Logger } from '../../logger.js';

/** Where the Slack adapter keeps held clicks: beside the SQLite file, which is local to the process's host. */
export function heldClicksDir(dbPath: string): string {
  return dbPath === ':memory:' ? join('data', 'held-clicks') : `${dbPath}.held-clicks`;
}

/** A click acknowledged before its write committed: what it takes to run it again. */
export interface HeldClick {
  actionId: string;
  /** Carries the request key (with `heldAt`), which makes running it twice harmless. */
  ctx: ChatContext;
}

const Line = z.union([
  z.object({ id: z.number().int(), actionId: z.string(), ctx: z.record(z.string(), z.unknown()) }),
  z.object({ settled: z.number().int() }),
]);

/**
 * Clicks acknowledged before their write committed, on local disk. Slack wants a click acknowledged within
 * 3 s; when the database cannot commit a vote in time, the click is appended here and flushed (fdatasync)
 * before the ack goes out, so a process killed before the commit still has it: the next start runs it
 * again (replayHeldClicks). Each process appends to its own file, `<pid>.jsonl`, so several processes on
 * one host never share one. When nothing is held any more the file is emptied.
 */
export class ClickJournal {
  private fd: number | undefined;
  private last = 0;
  private readonly held = new Set<number>();

  constructor(readonly dir: string) {}

  /** Appends the click and flushes it to disk; the number is for settle(). */
  hold(click: HeldClick): number {
    if (this.fd === undefined) {
      mkdirSync(this.dir, { recursive: true });
      this.fd = openSync(join(this.dir, `${process.pid}.jsonl`), 'a');
    }
    const id = ++this.last;
    writeSync(this.fd, `${JSON.stringify({ id, ...click })}\n`);
    fdatasyncSync(this.fd);
    this.held.add(id);
    return id;
  }

  /**
   * The click's write has finished (stored, or refused: a closed poll). Not flushed: if the note is lost,
   * running the click again finds its key stored and changes nothing. A click whose write failed is not
   * settled: the next start runs it again.
   */
  settle(id: number): void {
    if (!this.held.delete(id) || this.fd === undefined) return;
    if (this.held.size === 0) ftruncateSync(this.fd, 0);
    else writeSync(this.fd, `${JSON.stringify({ settled: id })}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Is a process with this id running (and not this one)? EPERM means it runs as another user. */
function running(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The clicks of one journal file that were never settled, in the order they were held. */
export function unsettled(text: string): HeldClick[] {
  const held = new Map<number, HeldClick>();
  for (const raw of text.split('\n')) {
    // A line cut short by the crash was never flushed, so its click was never acknowledged either.
    let line: z.infer<typeof Line>;
    try {
      line = Line.parse(JSON.parse(raw));
    } catch {
      continue;
    }
    if ('settled' in line) held.delete(line.settled);
    // The journal keeps data only: a replayed vote needs no admin rights, so its context claims none.
    else
      held.set(line.id, {
        actionId: line.actionId,
        ctx: { ...(line.ctx as unknown as ChatContext), isAdmin: fixedAdmin(false) },
      });
  }
  return [...held.values()];
}

/**
 * At start, before any request is served: runs again every click held by a process that is no longer
 * running (this one's previous life included), in the order each was held, then removes its file. A click
 * whose write did commit before the crash finds its key stored and changes nothing.
 */
export async function replayHeldClicks(
  dir: string,
  run: (click: HeldClick) => Promise<unknown>,
  log: Logger,
): Promise<number> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d+\.jsonl$/.test(f));
  } catch {
    return 0; // no journal yet
  }
  let replayed = 0;
  for (const file of files) {
    if (running(Number.parseInt(file, 10))) continue;
    const path = join(dir, file);
    const clicks = unsettled(readFileSync(path, 'utf8'));
    for (const click of clicks) await run(click);
    unlinkSync(path);
    replayed += clicks.length;
  }
  if (replayed > 0) log.info({ replayed, dir }, 'click journal: acknowledged clicks stored after a crash');
  return replayed;
}
