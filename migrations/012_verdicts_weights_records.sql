-- A walk started by Refine on a verdict: the answers read from the situation fill every step nobody
-- answers, and the walk asks only the rest. JSON {factorId: {"value", "quote"}}; NULL for plain walks.
ALTER TABLE matrix_sessions ADD COLUMN prefill TEXT;
ALTER TABLE matrix_sessions ADD COLUMN situation TEXT;
-- The decision record the walk revises (the verdict's), so its export is that record's next revision.
ALTER TABLE matrix_sessions ADD COLUMN record_id TEXT;

-- A channel's own weight for a factor, as a percentage of the sources' (0 = switched off). Only changes
-- are stored: a channel without rows scores as knowledge/matrix.yaml says.
CREATE TABLE matrix_weights (
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  factor_id    TEXT NOT NULL,
  percent      INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 300),
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id, factor_id)
) STRICT;

-- Exported decision records (ADRs): every export that changed something is a new revision. `state` is
-- what the next revision compares against to say what changed (answers, weights, verdict; JSON).
CREATE TABLE decision_records (
  record_id    TEXT NOT NULL,
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  state        TEXT NOT NULL,
  markdown     TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (record_id, revision)
) STRICT;
