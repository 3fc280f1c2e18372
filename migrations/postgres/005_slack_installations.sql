-- from 014_slack_installations.sql: OAuth installations (sealed with AES-256-GCM) and the channels seen in each.
CREATE TABLE slack_installations (
  enterprise_id TEXT NOT NULL,
  team_id       TEXT NOT NULL,
  sealed        TEXT NOT NULL,
  installed_at  TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, team_id)
);

CREATE TABLE slack_channels (
  channel_id    TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  team_id       TEXT NOT NULL
);
CREATE INDEX slack_channels_team ON slack_channels(enterprise_id, team_id);
