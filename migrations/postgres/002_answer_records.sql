-- from 011_answer_records.sql: where each answer was given and to whom, and whether it was shared.
CREATE TABLE answer_records (
  answer_id    TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  private      INTEGER NOT NULL CHECK (private IN (0, 1)),
  shared_at    TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX answer_records_age ON answer_records(created_at);
