import { changed, Prepared } from './prepared.js';
import type { SharedDb } from './shared-db.js';

/** The replay guard's state: narrow on purpose, so tests and other stores can stand in for it. */
export interface SignatureStore {
  /** Insert-if-absent: true the first time this signature is remembered, false for a replay. */
  rememberSignature(signature: string, expiresAtMs: number): Promise<boolean>;
  /** Drops signatures whose window has passed; returns how many. */
  prune(nowMs: number): Promise<number>;
}

/** On SQLite or PostgreSQL: the primary key settles races between processes and replicas. */
export class SharedSignatureStore implements SignatureStore {
  // On every request Slack sends: compiled once.
  private readonly remember = new Prepared<{ signature: string; expiresAt: number }, unknown>((arg) =>
    this.shared.db
      .insertInto('request_signatures')
      .values({ signature: arg('signature'), expires_at: arg('expiresAt') })
      .onConflict((oc) => oc.column('signature').doNothing()),
  );

  constructor(private readonly shared: SharedDb) {}

  async rememberSignature(signature: string, expiresAtMs: number): Promise<boolean> {
    return changed(await this.remember.run(this.shared.db, { signature, expiresAt: expiresAtMs })) === 1;
  }

  async prune(nowMs: number): Promise<number> {
    const r = await this.shared.db.deleteFrom('request_signatures').where('expires_at', '<', nowMs).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
