-- Team Go vs Team Python polls, their votes, and recurring debate polls per channel.
CREATE TABLE polls (
  id           TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  thread_id    TEXT,
  message_id   TEXT,                     -- the posted poll message, set once posted
  creator_id   TEXT NOT NULL,
  question     TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('team', 'custom')),
  anonymous    INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
  motion       TEXT,                     -- JSON: debate motion (topic, cited claim ids) for scheduled polls
  schedule_id  TEXT,
  created_at   TEXT NOT NULL,
  closes_at    TEXT NOT NULL,
  closed_at    TEXT,
  closed_by    TEXT
) STRICT;
CREATE INDEX polls_due ON polls(closes_at) WHERE closed_at IS NULL;
CREATE INDEX polls_channel ON polls(platform, channel_id, created_at);

CREATE TABLE poll_options (
  poll_id TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  label   TEXT NOT NULL,
  PRIMARY KEY (poll_id, idx)
) STRICT;

-- One vote per person per poll, enforced here rather than in memory.
CREATE TABLE votes (
  poll_id    TEXT NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL,
  option_idx INTEGER NOT NULL,
  voted_at   TEXT NOT NULL,
  PRIMARY KEY (poll_id, user_id),
  FOREIGN KEY (poll_id, option_idx) REFERENCES poll_options(poll_id, idx)
) STRICT;

CREATE TABLE schedules (
  id           TEXT PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  spec         TEXT NOT NULL,            -- what the user wrote ("every monday at 10:00")
  cron         TEXT NOT NULL,            -- 5-field cron
  every_weeks  INTEGER NOT NULL DEFAULT 1,
  timezone     TEXT NOT NULL,
  duration_ms  INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  next_run_at  TEXT NOT NULL,
  last_run_at  TEXT
) STRICT;
CREATE INDEX schedules_due ON schedules(next_run_at);

-- Debate motions already used in a channel, so topics rotate without repeats until all are used.
CREATE TABLE motions_used (
  platform   TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  topic      TEXT NOT NULL,
  used_at    TEXT NOT NULL,
  PRIMARY KEY (platform, channel_id, topic)
) STRICT;
