-- Answers v2: claims know which side they favor; the FTS index searches separately weighted columns
-- and stores no second copy of the text (contentless, with deletes), since the index is derived.
ALTER TABLE claims ADD COLUMN favors TEXT NOT NULL DEFAULT 'neither' CHECK (favors IN ('go', 'python', 'neither'));
ALTER TABLE claims ADD COLUMN derived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN short TEXT;

DROP TABLE claims_fts;
-- Columns: the claim's text; its section path; what its figures measure (subjects, metric labels, table
-- headers); its topic ids. Keyed by claims.rowid; knowledge-store.ts keeps both in one transaction.
CREATE VIRTUAL TABLE claims_fts USING fts5(
  text, section, subjects, topics,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The index is derived from knowledge/: forget the generation so the next start re-indexes every document.
DELETE FROM meta WHERE key = 'index_generation';
