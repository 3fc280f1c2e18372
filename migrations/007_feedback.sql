-- Every answer given, so a vote can be stored with its question and cited claims, and "nothing found"
-- questions can be reported. Read only by the report: answers are never ranked by it.
CREATE TABLE answer_log (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('ask', 'compare')),
  question     TEXT NOT NULL,
  question_key TEXT NOT NULL,          -- lower-cased, spaces collapsed: groups the same question asked twice
  claim_ids    TEXT NOT NULL,          -- JSON array of the cited claim ids, best first
  found        INTEGER NOT NULL CHECK (found IN (0, 1)),
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX answer_log_unanswered ON answer_log(question_key) WHERE found = 0;

-- One vote per user per answer: a second click replaces the first.
CREATE TABLE answer_feedback (
  answer_id TEXT NOT NULL REFERENCES answer_log(id) ON DELETE CASCADE,
  platform  TEXT NOT NULL,
  user_id   TEXT NOT NULL,
  helpful   INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  voted_at  TEXT NOT NULL,
  PRIMARY KEY (answer_id, platform, user_id)
) STRICT;
CREATE INDEX answer_feedback_not_helpful ON answer_feedback(answer_id) WHERE helpful = 0;
