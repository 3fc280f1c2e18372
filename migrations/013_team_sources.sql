-- Documents a team added with `/versus sources add` (a fetched page or an uploaded file), already converted
-- to Markdown or plain text. Shared state, so every replica indexes them; the same table is in
-- migrations/postgres/. A workspace adds a URL or file name once: adding it again replaces it.
CREATE TABLE team_sources (
  id            TEXT PRIMARY KEY,         -- 's' + 8 characters, what `/versus sources remove` takes
  platform      TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  added_by_name TEXT,
  added_at      TEXT NOT NULL,
  origin        TEXT NOT NULL,            -- the link fetched, or the uploaded file's name
  format        TEXT NOT NULL CHECK (format IN ('markdown', 'text')),
  title         TEXT NOT NULL,
  author        TEXT,
  published     TEXT,
  url           TEXT,
  content       TEXT NOT NULL,
  sha256        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX team_sources_origin ON team_sources(platform, workspace_id, origin);

-- A team document in this process's knowledge index is seen only in its workspace ('platform:workspace');
-- '' is the knowledge folder, seen everywhere.
ALTER TABLE documents ADD COLUMN scope TEXT NOT NULL DEFAULT '';
