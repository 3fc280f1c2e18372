-- Shared state on PostgreSQL (DATABASE_URL): the same tables, columns and constraints as the SQLite
-- migrations 001, 002, 003, 005, 006, 007, 008 and 010 (their comments explain each table), typed once in
-- src/store/schema.ts. The knowledge index (meta, documents, claims, claim_topics, claims_fts, figures)
-- stays in SQLite and is not here. Times are ISO-8601 text and flags 0/1 integers, as in SQLite, so rows
-- map back identically; epoch-millisecond columns are BIGINT because they exceed a 4-byte INTEGER.
-- A change to a shared table goes into both folders: a new SQLite migration and a new file here.

-- from 001_init.sql
CREATE TABLE threads (
  platform      TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  thread_id     TEXT NOT NULL,
  last_question TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (platform, channel_id, thread_id)
);

CREATE TABLE deliveries (
  platform    TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (platform, event_id)
);

CREATE TABLE reply_contexts (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL,
  payload    TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- from 002_polls.sql, with 006_render_versions.sql's columns inline
CREATE TABLE polls (
  id               TEXT PRIMARY KEY,
  platform         TEXT NOT NULL,
  workspace_id     TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  thread_id        TEXT,
  message_id       TEXT,
  creator_id       TEXT NOT NULL,
  question         TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('team', 'custom')),
  anonymous        INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  motion           TEXT,
  schedule_id      TEXT,
  created_at       TEXT NOT NULL,
  closes_at        TEXT NOT NULL,
  closed_at        TEXT,
  closed_by        TEXT,
  version          INTEGER NOT NULL DEFAULT 0,
  rendered_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX polls_due ON polls(closes_at) WHERE closed_at IS NULL;
CREATE INDEX polls_channel ON polls(platform, channel_id, created_at);
CREATE INDEX polls_stale_render ON polls(id) WHERE rendered_version < version;

CREATE TABLE poll_options (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  label   TEXT NOT NULL,
  PRIMARY KEY (poll_id, idx)
);

CREATE TABLE votes (
  poll_id    TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL,
  option_idx INTEGER NOT NULL,
  voted_at   TEXT NOT NULL,
  PRIMARY KEY (poll_id, user_id),
  FOREIGN KEY (poll_id, option_idx) REFERENCES poll_options(poll_id, idx)
);

CREATE TABLE schedules (
  id           TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  spec         TEXT NOT NULL,
  cron         TEXT NOT NULL,
  every_weeks  INTEGER NOT NULL DEFAULT 1,
  timezone     TEXT NOT NULL,
  duration_ms  BIGINT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  next_run_at  TEXT NOT NULL,
  last_run_at  TEXT
);
CREATE INDEX schedules_due ON schedules(next_run_at);

CREATE TABLE motions_used (
  platform   TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  topic      TEXT NOT NULL,
  used_at    TEXT NOT NULL,
  PRIMARY KEY (platform, channel_id, topic)
);

-- from 003_matrix.sql, with 006_render_versions.sql's columns inline
CREATE TABLE matrix_sessions (
  id               TEXT PRIMARY KEY,
  platform         TEXT NOT NULL,
  workspace_id     TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  owner_key        TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('channel', 'solo')),
  starter_id       TEXT NOT NULL,
  step             INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL CHECK (status IN ('open', 'finished', 'cancelled', 'expired')),
  message_id       TEXT,
  thread_id        TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  version          INTEGER NOT NULL DEFAULT 0,
  rendered_version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX matrix_one_open ON matrix_sessions(platform, channel_id, mode, owner_key) WHERE status = 'open';
CREATE INDEX matrix_idle ON matrix_sessions(updated_at) WHERE status = 'open';

CREATE TABLE matrix_answers (
  session_id  TEXT NOT NULL REFERENCES matrix_sessions(id) ON DELETE CASCADE,
  step        INTEGER NOT NULL,
  user_id     TEXT NOT NULL,
  value       TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  PRIMARY KEY (session_id, step, user_id)
);

CREATE TABLE matrix_skips (
  session_id TEXT NOT NULL REFERENCES matrix_sessions(id) ON DELETE CASCADE,
  step       INTEGER NOT NULL,
  PRIMARY KEY (session_id, step)
);

-- from 005_request_signatures.sql
CREATE TABLE request_signatures (
  signature  TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX request_signatures_expiry ON request_signatures(expires_at);

-- from 007_feedback.sql
CREATE TABLE answer_log (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('ask', 'compare')),
  question     TEXT NOT NULL,
  question_key TEXT NOT NULL,
  claim_ids    TEXT NOT NULL,
  found        INTEGER NOT NULL CHECK (found IN (0, 1)),
  created_at   TEXT NOT NULL
);
CREATE INDEX answer_log_unanswered ON answer_log(question_key) WHERE found = 0;

CREATE TABLE answer_feedback (
  answer_id TEXT NOT NULL REFERENCES answer_log(id) ON DELETE CASCADE,
  platform  TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  helpful   INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  voted_at  TEXT NOT NULL,
  PRIMARY KEY (answer_id, platform, user_id)
);
CREATE INDEX answer_feedback_not_helpful ON answer_feedback(answer_id) WHERE helpful = 0;

-- from 008_channel_settings.sql
CREATE TABLE channel_settings (
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  answers      TEXT NOT NULL DEFAULT 'private' CHECK (answers IN ('public', 'private')),
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id)
);

-- from 010_render_leases_and_pages.sql
CREATE TABLE render_leases (
  subject  TEXT PRIMARY KEY,
  owner    TEXT NOT NULL,
  until_ms BIGINT NOT NULL
);

CREATE TABLE reply_pages (
  key        TEXT PRIMARY KEY,
  pages      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reply_pages_age ON reply_pages(created_at);
