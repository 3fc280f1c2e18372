import { changed, Prepared } from './prepared.js';
import type { SharedDb } from './shared-db.js';

/** The replay guard's state: narrow on purpose, so tests and other stores can stand in for it. */
export interface SignatureStore {
  /** Insert-if-absent: true the first time this signature is remembered, false for a replay. */
  rememberSignature(signature: string, expiresAtMs: number): Promise<boolean>;
  /** Drops signatures whose window has passed; returns how many. */
  prune(nowMs: number): Promise<number>;
}

type Remember = Prepared<{ signature: string; expiresAt: number }, unknown>;

/**
 * Insert-if-absent of one key, compiled once (it runs on every request Slack sends). Run it on a transaction
 * to store the key with that transaction's other writes (a vote): both commit, or neither does.
 */
export function rememberQuery(db: SharedDb['db']): Remember {
  return new Prepared((arg) =>
    db
      .insertInto('request_signatures')
      .values({ signature: arg('signature'), expires_at: arg('expiresAt') })
      .onConflict((oc) => oc.column('signature').doNothing()),
  );
}

/** On SQLite or PostgreSQL: the primary key settles races between processes and replicas. */
export class SharedSignatureStore implements SignatureStore {
  private readonly remember: Remember;

  constructor(private readonly shared: SharedDb) {
    this.remember = rememberQuery(shared.db);
  }

  async rememberSignature(signature: string, expiresAtMs: number): Promise<boolean> {
    return changed(await this.remember.run(this.shared.db, { signature, expiresAt: expiresAtMs })) === 1;
  }

  async prune(nowMs: number): Promise<number> {
    const r = await this.shared.db.deleteFrom('request_signatures').where('expires_at', '<', nowMs).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
