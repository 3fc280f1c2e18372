-- from 011_team_sources.sql: documents a team added with `/versus sources add`, indexed by every replica.
CREATE TABLE team_sources (
  id            TEXT PRIMARY KEY,
  platform      TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  added_by_name TEXT,
  added_at      TEXT NOT NULL,
  origin        TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('markdown', 'text')),
  title         TEXT NOT NULL,
  author        TEXT,
  published     TEXT,
  url           TEXT,
  content       TEXT NOT NULL,
  sha256        TEXT NOT NULL
);
CREATE UNIQUE INDEX team_sources_origin ON team_sources(platform, workspace_id, origin);
