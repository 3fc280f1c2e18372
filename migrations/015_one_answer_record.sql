-- Issue 22 item 3: one row per answer. answer_log (what was asked and cited, for the report) takes in
-- answer_records (where and to whom, shared once) plus what Share posts and what "More sources" re-asks,
-- which lived in reply_contexts. One INSERT per answer instead of three or four. Rows logged before
-- answer_records existed keep NULL places: their buttons are unknown, as they were.
ALTER TABLE answer_log ADD COLUMN platform TEXT;
ALTER TABLE answer_log ADD COLUMN workspace_id TEXT;
ALTER TABLE answer_log ADD COLUMN channel_id TEXT;
ALTER TABLE answer_log ADD COLUMN user_id TEXT;                  -- who asked
ALTER TABLE answer_log ADD COLUMN private INTEGER CHECK (private IN (0, 1)); -- 1: only the asker was shown it
ALTER TABLE answer_log ADD COLUMN shared_at TEXT;                -- when the asker shared it with the channel
ALTER TABLE answer_log ADD COLUMN more TEXT;                     -- JSON: the question "More sources" asks again
ALTER TABLE answer_log ADD COLUMN share TEXT;                    -- JSON: page 1's public form, which Share posts (private answers)
UPDATE answer_log
   SET platform = r.platform, workspace_id = r.workspace_id, channel_id = r.channel_id, user_id = r.user_id,
       private = r.private, shared_at = r.shared_at
  FROM answer_records r
 WHERE r.answer_id = answer_log.id;
DROP TABLE answer_records;
CREATE INDEX answer_log_age ON answer_log(created_at);
CREATE INDEX answer_log_place ON answer_log(platform, workspace_id);
