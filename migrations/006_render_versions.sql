-- Every change to a poll or walk bumps `version`; a successful edit of its message records the version it
-- showed. At start, messages whose rendered_version lags (the process died before the edit) are redrawn.
ALTER TABLE polls ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE polls ADD COLUMN rendered_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX polls_stale_render ON polls(id) WHERE rendered_version < version;
ALTER TABLE matrix_sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE matrix_sessions ADD COLUMN rendered_version INTEGER NOT NULL DEFAULT 0;
