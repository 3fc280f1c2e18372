-- One vote in one round trip. As a client-side transaction (bump the poll's version, read the voter's row,
-- write it, commit) the poll's row stayed locked for four round trips plus the event-loop lag of a busy
-- replica between them; every vote on a popular poll queues on that lock, so under a storm a vote could
-- wait past Slack's acknowledgement deadline and be acknowledged before it was stored, letting the voter's
-- next click (on another replica) overtake it. Here the lock is held only while the server runs these
-- statements. Each statement of a VOLATILE function takes a fresh snapshot (READ COMMITTED), so the read
-- after the locking UPDATE sees every vote committed before the lock was granted.
CREATE FUNCTION versus_vote(p_poll TEXT, p_user TEXT, p_option INTEGER, p_now TEXT) RETURNS TEXT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  mine INTEGER;
BEGIN
  UPDATE polls SET version = version + 1
   WHERE id = p_poll AND closed_at IS NULL AND closes_at > p_now
     AND EXISTS (SELECT 1 FROM poll_options WHERE poll_id = p_poll AND idx = p_option);
  IF NOT FOUND THEN
    -- Same precedence as the SQLite path: an unknown poll, then a closed one, then an unknown option.
    IF NOT EXISTS (SELECT 1 FROM polls WHERE id = p_poll) THEN RETURN 'no_such_poll'; END IF;
    IF EXISTS (SELECT 1 FROM polls WHERE id = p_poll AND closed_at IS NULL AND closes_at > p_now) THEN
      RETURN 'no_such_option';
    END IF;
    RETURN 'closed';
  END IF;
  SELECT option_idx INTO mine FROM votes WHERE poll_id = p_poll AND user_id = p_user;
  IF NOT FOUND THEN
    INSERT INTO votes (poll_id, user_id, option_idx, voted_at) VALUES (p_poll, p_user, p_option, p_now);
    RETURN 'voted';
  ELSIF mine = p_option THEN
    DELETE FROM votes WHERE poll_id = p_poll AND user_id = p_user;
    RETURN 'retracted';
  END IF;
  UPDATE votes SET option_idx = p_option, voted_at = p_now WHERE poll_id = p_poll AND user_id = p_user;
  RETURN 'changed';
END
$$;
