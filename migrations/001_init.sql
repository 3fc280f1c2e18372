-- Knowledge index: documents → claims (+ FTS5) → figures; bookkeeping for replies and threads.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  id          TEXT PRIMARY KEY,
  path        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  author      TEXT,
  site        TEXT,
  published   TEXT,
  url         TEXT,
  sha256      TEXT NOT NULL,
  claim_count INTEGER NOT NULL DEFAULT 0,
  indexed_at  TEXT NOT NULL
) STRICT;

-- rowid is the FTS key; id is the stable, citable claim id.
CREATE TABLE claims (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  section     TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  text        TEXT NOT NULL,
  side        TEXT NOT NULL CHECK (side IN ('go', 'python', 'both')),
  topics      TEXT NOT NULL,           -- JSON array of topic ids
  kind        TEXT NOT NULL CHECK (kind IN ('benchmark', 'anecdote', 'fact', 'opinion', 'recommendation')),
  metric_key  TEXT,                    -- explicit {metric=…} tag: same key, different figures ⇒ disagreement
  stance      TEXT,                    -- explicit {stance=issue:position} tag
  weight      INTEGER NOT NULL         -- evidence strength for ordering (figures, kind): see knowledge-store.ts
) STRICT;
CREATE INDEX claims_document ON claims(document_id, ordinal);
CREATE INDEX claims_metric ON claims(metric_key) WHERE metric_key IS NOT NULL;
CREATE INDEX claims_stance ON claims(stance) WHERE stance IS NOT NULL;

-- Topic → claims, so compare(topic) reads one index range instead of parsing every claim's JSON.
-- Ordered by weight so the strongest evidence for a topic is an index range scan away.
CREATE TABLE claim_topics (
  topic       TEXT NOT NULL,
  weight      INTEGER NOT NULL,
  claim_rowid INTEGER NOT NULL REFERENCES claims(rowid) ON DELETE CASCADE,
  PRIMARY KEY (topic, weight DESC, claim_rowid)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_topics_claim ON claim_topics(claim_rowid);

-- Standalone FTS table keyed by claims.rowid; the knowledge store keeps both in step inside one transaction.
CREATE VIRTUAL TABLE claims_fts USING fts5(
  text, section, topics, title,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE figures (
  claim_rowid      INTEGER NOT NULL REFERENCES claims(rowid) ON DELETE CASCADE,
  ordinal          INTEGER NOT NULL,
  subject          TEXT NOT NULL,
  metric           TEXT NOT NULL,
  value            REAL NOT NULL,
  value_high       REAL,
  unit             TEXT NOT NULL,
  normalized_value REAL NOT NULL,
  raw              TEXT NOT NULL,
  PRIMARY KEY (claim_rowid, ordinal)
) STRICT;

-- Threads the bot answered in, so follow-ups get the earlier question as context without reading the thread back.
CREATE TABLE threads (
  platform      TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  thread_id     TEXT NOT NULL,
  last_question TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (platform, channel_id, thread_id)
) STRICT;

-- Platform deliveries already handled (Slack event_id, Discord message id): retries are answered once.
CREATE TABLE deliveries (
  platform    TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (platform, event_id)
) STRICT;

-- What a "More" button needs to serve the next page (the question), keyed by a short id in the action id.
CREATE TABLE reply_contexts (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  payload    TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
