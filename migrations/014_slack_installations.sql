-- Slack workspaces (or Enterprise Grid organisations) that installed Versus through OAuth. The whole
-- installation Bolt hands over (bot token, refresh token, scopes…) is stored encrypted (AES-256-GCM under
-- VERSUS_TOKEN_KEY); only the ids that find it are plain. team_id is '' for an organisation-wide install,
-- enterprise_id '' outside Enterprise Grid. The same tables are in migrations/postgres/.
CREATE TABLE slack_installations (
  enterprise_id TEXT NOT NULL,
  team_id       TEXT NOT NULL,
  sealed        TEXT NOT NULL,
  installed_at  TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, team_id)
) STRICT;

-- Which installation a channel belongs to, so a post Versus makes on its own (a scheduled poll, a poll's
-- re-render) uses that workspace's token. Recorded when a request first comes from the channel.
CREATE TABLE slack_channels (
  channel_id    TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  team_id       TEXT NOT NULL
) STRICT;
CREATE INDEX slack_channels_team ON slack_channels(enterprise_id, team_id);
