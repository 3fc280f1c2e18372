-- One row per answer given (keyed on answer_log.id, the id the feedback buttons carry): where it was
-- given and to whom, so a Share or More click is honoured only from there, and whether it was shared
-- (once). The same table exists in migrations/postgres/.
CREATE TABLE answer_records (
  answer_id    TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  user_id      TEXT NOT NULL,                          -- who asked
  private      INTEGER NOT NULL CHECK (private IN (0, 1)), -- 1: only the asker was shown it
  shared_at    TEXT,                                   -- when the asker shared it with the channel
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX answer_records_age ON answer_records(created_at);
