-- Index freshness by stat: a document whose size and mtime are unchanged is not read again (indexer.ts).
ALTER TABLE documents ADD COLUMN size INTEGER;
ALTER TABLE documents ADD COLUMN mtime_ms REAL;

-- claim_topics without its foreign key and its claim_rowid index (a tenth of the database): rows are
-- deleted by their primary key, topic by topic, from the claim's own topics (knowledge-store.ts).
CREATE TABLE claim_topics_new (
  topic       TEXT NOT NULL,
  weight      INTEGER NOT NULL,
  claim_rowid INTEGER NOT NULL,
  PRIMARY KEY (topic, weight DESC, claim_rowid)
) STRICT, WITHOUT ROWID;
INSERT INTO claim_topics_new SELECT topic, weight, claim_rowid FROM claim_topics;
DROP TABLE claim_topics;
ALTER TABLE claim_topics_new RENAME TO claim_topics;
