import type { Database, Statement } from 'better-sqlite3';

/** The replay guard's state: narrow on purpose, so a PostgreSQL store can implement the same two calls. */
export interface SignatureStore {
  /** Insert-if-absent: true the first time this signature is remembered, false for a replay. */
  rememberSignature(signature: string, expiresAtMs: number): boolean;
  /** Drops signatures whose window has passed; returns how many. */
  prune(nowMs: number): number;
}

/** SQLite implementation: the primary key settles races between processes on one database. */
export class SqliteSignatureStore implements SignatureStore {
  private readonly insert: Statement;
  private readonly expired: Statement;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO request_signatures (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING',
    );
    this.expired = db.prepare('DELETE FROM request_signatures WHERE expires_at < ?');
  }

  rememberSignature(signature: string, expiresAtMs: number): boolean {
    return this.insert.run(signature, expiresAtMs).changes === 1;
  }

  prune(nowMs: number): number {
    return this.expired.run(nowMs).changes;
  }
}
