import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

const QUERIES: Record<string, string> = {
  documents:
    'SELECT id, path, title, short, author, site, published, url, sha256, size, claim_count, scope FROM documents ORDER BY id',
  claims: 'SELECT * FROM claims ORDER BY rowid',
  claim_topics: 'SELECT * FROM claim_topics ORDER BY topic, weight, claim_rowid',
  figures: 'SELECT * FROM figures ORDER BY claim_rowid, ordinal',
  fts: 'SELECT term, doc, col, offset FROM temp.fts_tokens ORDER BY doc, col, offset',
  meta: "SELECT key, value FROM meta WHERE key NOT IN ('indexed_at', 'index_version') ORDER BY key",
};

/**
 * What a knowledge index holds, table by table, as "table rows hash": documents (without the time they were
 * indexed), claims, claim_topics, figures, the FTS5 tokens of every claim (read through fts5vocab, so the
 * contentless table is compared too) and the stored generation. Two indexers that index the same thing the
 * same way give the same lines.
 */
export function indexFingerprint(db: Database): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_tokens USING fts5vocab(main, claims_fts, 'instance')`);
  return Object.entries(QUERIES).map(([table, sql]) => {
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(sql).raw().iterate()) {
      hash.update(`${JSON.stringify(row)}\n`);
      rows++;
    }
    return `${table} ${rows} ${hash.digest('hex').slice(0, 16)}`;
  });
}
