import type { Database } from '../db/open.js';
import type { Claim, DocumentMeta, Figure } from './types.js';

export interface StoredDocument {
  id: string;
  path: string;
  title: string;
  sha256: string;
  claimCount: number;
  indexedAt: string;
}

/** All SQL for documents, claims, their FTS rows and figures. */
export class KnowledgeStore {
  constructor(readonly db: Database) {}

  documents(): StoredDocument[] {
    return this.db
      .prepare('SELECT id, path, title, sha256, claim_count AS claimCount, indexed_at AS indexedAt FROM documents ORDER BY title')
      .all() as StoredDocument[];
  }

  getMeta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Removes a document with its claims, FTS rows and figures. Call inside a transaction. */
  deleteDocument(id: string): void {
    this.db.prepare('DELETE FROM claims_fts WHERE rowid IN (SELECT rowid FROM claims WHERE document_id = ?)').run(id);
    this.db.prepare('DELETE FROM figures WHERE claim_rowid IN (SELECT rowid FROM claims WHERE document_id = ?)').run(id);
    this.db.prepare('DELETE FROM claim_topics WHERE claim_rowid IN (SELECT rowid FROM claims WHERE document_id = ?)').run(id);
    this.db.prepare('DELETE FROM claims WHERE document_id = ?').run(id);
    this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
  }

  deleteByPath(path: string): void {
    const row = this.db.prepare('SELECT id FROM documents WHERE path = ?').get(path) as { id: string } | undefined;
    if (row) this.deleteDocument(row.id);
  }

  /** Replaces one document's claims (call inside a transaction). */
  writeDocument(meta: DocumentMeta, path: string, sha256: string, claims: Claim[], indexedAt: string): void {
    this.deleteByPath(path);
    this.deleteDocument(meta.id);
    this.db
      .prepare(`INSERT INTO documents (id, path, title, author, site, published, url, sha256, claim_count, indexed_at)
                VALUES (@id, @path, @title, @author, @site, @published, @url, @sha256, @claimCount, @indexedAt)`)
      .run({ id: meta.id, path, title: meta.title, author: meta.author ?? null, site: meta.site ?? null, published: meta.published ?? null,
        url: meta.url ?? null, sha256, claimCount: claims.length, indexedAt });
    const insertClaim = this.db.prepare(`INSERT INTO claims (id, document_id, section, ordinal, text, side, topics, kind, metric_key, stance)
      VALUES (@id, @documentId, @section, @ordinal, @text, @side, @topics, @kind, @metricKey, @stance)`);
    const insertFts = this.db.prepare('INSERT INTO claims_fts (rowid, text, section, topics, title) VALUES (?, ?, ?, ?, ?)');
    const insertFigure = this.db.prepare(`INSERT INTO figures (claim_rowid, ordinal, subject, metric, value, value_high, unit, normalized_value, raw)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertTopic = this.db.prepare('INSERT INTO claim_topics (topic, claim_rowid) VALUES (?, ?)');
    for (const c of claims) {
      const { lastInsertRowid } = insertClaim.run({ ...c, topics: JSON.stringify(c.topics), metricKey: c.metricKey ?? null, stance: c.stance ?? null });
      for (const t of c.topics) insertTopic.run(t, lastInsertRowid);
      insertFts.run(lastInsertRowid, c.text, c.section, c.topics.join(' ').replace(/-/g, ' '), meta.title);
      c.figures.forEach((f: Figure, i) => insertFigure.run(lastInsertRowid, i, f.subject, f.metric, f.value, f.valueHigh ?? null, f.unit, f.normalized, f.raw));
    }
  }

  /** Claims per topic, for ranking autocomplete by what is actually indexed. */
  topicCounts(): { topic: string; n: number }[] {
    return this.db.prepare('SELECT topic, count(*) AS n FROM claim_topics GROUP BY topic').all() as { topic: string; n: number }[];
  }

  claimCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
  }
}
