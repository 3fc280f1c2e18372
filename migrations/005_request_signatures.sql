-- Slack request signatures already served (replay guard), shared by every process on this database.
-- Only signatures that verified are stored; rows are pruned once Slack's 5-minute window has passed.
CREATE TABLE request_signatures (
  signature  TEXT PRIMARY KEY,           -- 'v0=' + 64 hex, exactly as verified
  expires_at INTEGER NOT NULL            -- epoch ms after which the request's timestamp is stale anyway
) STRICT, WITHOUT ROWID;
CREATE INDEX request_signatures_expiry ON request_signatures(expires_at);
