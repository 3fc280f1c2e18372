-- Decision-matrix walks: one open walk per channel (or per person for solo walks), answers per step and person.
CREATE TABLE matrix_sessions (
  id           TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  owner_key    TEXT NOT NULL,            -- channel id for channel walks, user id for solo walks
  mode         TEXT NOT NULL CHECK (mode IN ('channel', 'solo')),
  starter_id   TEXT NOT NULL,
  step         INTEGER NOT NULL DEFAULT 0,
  status       TEXT NOT NULL CHECK (status IN ('open', 'finished', 'cancelled', 'expired')),
  message_id   TEXT,
  thread_id    TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
-- At most one open walk per channel (channel mode) or per person in a channel (solo).
CREATE UNIQUE INDEX matrix_one_open ON matrix_sessions(platform, channel_id, mode, owner_key) WHERE status = 'open';
CREATE INDEX matrix_idle ON matrix_sessions(updated_at) WHERE status = 'open';

CREATE TABLE matrix_answers (
  session_id  TEXT NOT NULL REFERENCES matrix_sessions(id) ON DELETE CASCADE,
  step        INTEGER NOT NULL,
  user_id     TEXT NOT NULL,
  value       TEXT NOT NULL,
  answered_at TEXT NOT NULL,
  PRIMARY KEY (session_id, step, user_id)
) STRICT;

CREATE TABLE matrix_skips (
  session_id TEXT NOT NULL REFERENCES matrix_sessions(id) ON DELETE CASCADE,
  step       INTEGER NOT NULL,
  PRIMARY KEY (session_id, step)
) STRICT;
