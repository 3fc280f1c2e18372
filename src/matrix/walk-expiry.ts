import type { Platform } from '../chat/context.js';
import type { Locales } from '../chat/locales.js';
import type { ChatPort } from '../chat/port.js';
import { type Clock, DAY_MS } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Coalescer } from '../runtime/coalescer.js';
import type { MatrixStore } from './matrix-store.js';
import { expiredWalkNote } from './render-walk.js';

/** A walk nobody touched for this long is closed, with a note in the channel. */
export const IDLE_EXPIRY_DAYS = 7;
export const IDLE_EXPIRY_MS = IDLE_EXPIRY_DAYS * DAY_MS;

/** Closes walks idle for IDLE_EXPIRY_DAYS; a channel walk's message is redrawn and a note posted. */
export async function expireIdleWalks(
  deps: { store: MatrixStore; ports: ReadonlyMap<Platform, ChatPort>; clock: Clock; logger: Logger; locales: Locales },
  renders: Coalescer,
): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - IDLE_EXPIRY_MS).toISOString();
  let n = 0;
  for (const s of await deps.store.idleSince(cutoff)) {
    if (!(await deps.store.setStatus(s.id, 'expired', now.toISOString()))) continue;
    n++;
    if (s.mode !== 'channel') continue;
    renders.request(s.id);
    await deps.ports
      .get(s.platform)
      ?.post(s, expiredWalkNote(s.starterId, IDLE_EXPIRY_DAYS, await deps.locales.at(s)))
      .catch((err: unknown) => deps.logger.warn({ err, walk: s.id }, 'could not post expiry note'));
  }
  return n;
}
