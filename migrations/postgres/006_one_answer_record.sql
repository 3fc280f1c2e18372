-- from 015_one_answer_record.sql: answer_log takes in answer_records and the Share / More contexts.
ALTER TABLE answer_log
  ADD COLUMN platform TEXT,
  ADD COLUMN workspace_id TEXT,
  ADD COLUMN channel_id TEXT,
  ADD COLUMN user_id TEXT,
  ADD COLUMN private INTEGER CHECK (private IN (0, 1)),
  ADD COLUMN shared_at TEXT,
  ADD COLUMN more TEXT,
  ADD COLUMN share TEXT;
UPDATE answer_log l
   SET platform = r.platform, workspace_id = r.workspace_id, channel_id = r.channel_id, user_id = r.user_id,
       private = r.private, shared_at = r.shared_at
  FROM answer_records r
 WHERE r.answer_id = l.id;
DROP TABLE answer_records;
CREATE INDEX answer_log_age ON answer_log(created_at);
CREATE INDEX answer_log_place ON answer_log(platform, workspace_id);
