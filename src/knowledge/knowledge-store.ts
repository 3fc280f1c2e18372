import type { Database, Statement } from 'better-sqlite3';
import type { ParsedCache } from './taxonomy.js';
import type { Claim, DocumentMeta } from './types.js';

export interface StoredDocument {
  id: string;
  path: string;
  title: string;
  sha256: string;
  /** File size and mtime when last read: unchanged means not read again (indexer.ts). */
  size: number | null;
  mtimeMs: number | null;
  claimCount: number;
  indexedAt: string;
  /** '' for the knowledge folder; 'platform:workspace' for a document a team added (seen only there). */
  scope: string;
}

export interface FileStat {
  size: number;
  /** null when the file was too recently written to trust its mtime. */
  mtimeMs: number | null;
}

/** All SQL for documents, claims, their FTS rows, topics and figures. Statements are prepared once. */
export class KnowledgeStore {
  private readonly s: Record<
    | 'documents'
    | 'getMeta'
    | 'setMeta'
    | 'docByPath'
    | 'docById'
    | 'claimTopics'
    | 'setStat'
    | 'delFts'
    | 'delFigures'
    | 'delTopics'
    | 'delClaims'
    | 'delDoc'
    | 'insDoc'
    | 'insClaim'
    | 'insFts'
    | 'insFigure'
    | 'insTopic'
    | 'claimCount'
    | 'topicCounts',
    Statement
  >;

  constructor(readonly db: Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      documents: p(
        `SELECT id, path, title, sha256, size, mtime_ms AS mtimeMs, claim_count AS claimCount, indexed_at AS indexedAt,
         scope FROM documents ORDER BY title`,
      ),
      getMeta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      docByPath: p('SELECT id FROM documents WHERE path = ?'),
      docById: p('SELECT 1 FROM documents WHERE id = ?'),
      claimTopics: p('SELECT rowid, weight, topics FROM claims WHERE document_id = ?'),
      setStat: p('UPDATE documents SET size = ?, mtime_ms = ? WHERE path = ?'),
      delFts: p('DELETE FROM claims_fts WHERE rowid IN (SELECT rowid FROM claims WHERE document_id = ?)'),
      delFigures: p('DELETE FROM figures WHERE claim_rowid IN (SELECT rowid FROM claims WHERE document_id = ?)'),
      delTopics: p('DELETE FROM claim_topics WHERE topic = ? AND weight = ? AND claim_rowid = ?'),
      delClaims: p('DELETE FROM claims WHERE document_id = ?'),
      delDoc: p('DELETE FROM documents WHERE id = ?'),
      insDoc:
        p(`INSERT INTO documents (id, path, title, short, author, site, published, url, sha256, size, mtime_ms, claim_count, indexed_at, scope)
           VALUES (@id, @path, @title, @short, @author, @site, @published, @url, @sha256, @size, @mtimeMs, @claimCount, @indexedAt, @scope)`),
      // Positional, not named: binding an object per claim costs a third of the insert at 100k claims.
      insClaim:
        p(`INSERT INTO claims (id, document_id, section, ordinal, text, side, favors, derived, topics, kind, metric_key, stance, weight)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insFts: p('INSERT INTO claims_fts (rowid, text, section, subjects, topics) VALUES (?, ?, ?, ?, ?)'),
      insFigure:
        p(`INSERT INTO figures (claim_rowid, ordinal, subject, metric, value, value_high, unit, normalized_value, raw)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insTopic: p('INSERT INTO claim_topics (topic, weight, claim_rowid) VALUES (?, ?, ?)'),
      // Per document, not per claim: the count stays cheap however large the index grows.
      claimCount: p('SELECT coalesce(sum(claim_count), 0) AS n FROM documents'),
      topicCounts: p('SELECT topic, count(*) AS n FROM claim_topics GROUP BY topic'),
    };
  }

  documents(): StoredDocument[] {
    return this.s.documents.all() as StoredDocument[];
  }

  getMeta(key: string): string | undefined {
    return (this.s.getMeta.get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  /** The meta table as loadTaxonomy's cache of its parsed file (start-up then skips the YAML parser). */
  taxonomyCache(): ParsedCache {
    return { get: (k) => this.getMeta(k), set: (k, v) => this.setMeta(k, v) };
  }

  /** Removes a document with its claims, FTS rows, topics and figures. Call inside a transaction. */
  deleteDocument(id: string): void {
    if (this.s.docById.get(id) === undefined) return;
    // claim_topics has no claim index (it would be a tenth of the database): delete by its primary key.
    for (const c of this.s.claimTopics.all(id) as { rowid: number; weight: number; topics: string }[])
      for (const t of JSON.parse(c.topics) as string[]) this.s.delTopics.run(t, c.weight, c.rowid);
    for (const st of [this.s.delFts, this.s.delFigures, this.s.delClaims, this.s.delDoc]) st.run(id);
  }

  /** Records a document's file size and mtime after reading it found its content unchanged. */
  setStat(path: string, stat: FileStat): void {
    this.s.setStat.run(stat.size, stat.mtimeMs, path);
  }

  deleteByPath(path: string): void {
    const row = this.s.docByPath.get(path) as { id: string } | undefined;
    if (row) this.deleteDocument(row.id);
  }

  /** Replaces one document's claims. Call inside a transaction so readers never see half a document. */
  writeDocument(
    meta: DocumentMeta,
    path: string,
    sha256: string,
    stat: FileStat,
    claims: Claim[],
    indexedAt: string,
    scope = '',
  ): void {
    this.deleteByPath(path);
    this.deleteDocument(meta.id);
    this.s.insDoc.run({
      id: meta.id,
      path,
      title: meta.title,
      short: meta.short ?? null,
      author: meta.author ?? null,
      site: meta.site ?? null,
      published: meta.published ?? null,
      url: meta.url ?? null,
      sha256,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      claimCount: claims.length,
      indexedAt,
      scope,
    });
    const topicsText = new Map<string, string>();
    for (const c of claims) {
      const weight = claimWeight(c);
      const { lastInsertRowid: rowid } = this.s.insClaim.run(
        c.id,
        c.documentId,
        c.section,
        c.ordinal,
        c.text,
        c.side,
        c.favors,
        c.derived ? 1 : 0,
        JSON.stringify(c.topics),
        c.kind,
        c.metricKey ?? null,
        c.stance ?? null,
        weight,
      );
      for (const t of c.topics) this.s.insTopic.run(t, weight, rowid);
      const key = c.topics.join(' ');
      if (!topicsText.has(key)) topicsText.set(key, key.replace(/-/g, ' '));
      this.s.insFts.run(rowid, c.text, c.section, c.subjects, topicsText.get(key));
      c.figures.forEach((f, i) =>
        this.s.insFigure.run(rowid, i, f.subject, f.metric, f.value, f.valueHigh ?? null, f.unit, f.normalized, f.raw),
      );
    }
  }

  /** Claims per topic, for ranking autocomplete by what is actually indexed. */
  topicCounts(): { topic: string; n: number }[] {
    return this.s.topicCounts.all() as { topic: string; n: number }[];
  }

  claimCount(): number {
    return (this.s.claimCount.get() as { n: number }).n;
  }
}

/**
 * How strongly a claim belongs in a comparison, stored with it so compare reads claims best-first
 * straight from an index: measured figures first, then checkable facts, advice, stories, opinions.
 */
export function claimWeight(c: Pick<Claim, 'kind' | 'figures'>): number {
  const kind = { benchmark: 40, fact: 30, recommendation: 20, anecdote: 15, opinion: 10 }[c.kind];
  return kind + (c.figures.length > 0 ? 5 : 0);
}
