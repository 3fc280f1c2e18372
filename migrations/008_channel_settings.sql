-- Per-channel choices an admin makes, e.g. whether /versus ask and compare answer in public.
CREATE TABLE channel_settings (
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  answers      TEXT NOT NULL DEFAULT 'private' CHECK (answers IN ('public', 'private')),
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (platform, workspace_id, channel_id)
) STRICT;
