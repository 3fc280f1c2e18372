-- Enterprise Grid: which organisation a workspace served by an org-wide install belongs to. Such a workspace
-- has no slack_installations row of its own (the org-wide row has team_id ''), so posts Versus makes on its
-- own (a poll's re-render, a scheduled poll) and admin look-ups need this to find the organisation's token.
-- Recorded when a signed request from the workspace is authorised by the org-wide install (Slack names
-- both ids); deleted with that install. A workspace belongs to one organisation: team_id is the key.
CREATE TABLE slack_org_workspaces (
  team_id       TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL
) STRICT;
CREATE INDEX slack_org_workspaces_org ON slack_org_workspaces(enterprise_id);

-- slack_channels (which installation last named a channel) is no longer read or written: a channel id is
-- named by whoever sends a request, so it never decided whose token is used again. It stays for replicas of
-- the previous version still running during an upgrade (dropping it under them would fail their requests);
-- a later migration can drop it.

-- Workspaces served before this table existed: those with polls or schedules in channels recorded for an
-- org-wide install (what the uninstall cleanup went by), unless installed on their own or claimed by two
-- organisations (a Slack Connect channel); the rest are recorded by their next request.
INSERT INTO slack_org_workspaces (team_id, enterprise_id)
SELECT w.workspace_id, MIN(c.enterprise_id)
  FROM (SELECT workspace_id, channel_id FROM polls WHERE platform = 'slack'
        UNION SELECT workspace_id, channel_id FROM schedules WHERE platform = 'slack') w
  JOIN slack_channels c ON c.channel_id = w.channel_id AND c.team_id = ''
 WHERE w.workspace_id NOT IN (SELECT team_id FROM slack_installations WHERE team_id != '')
 GROUP BY w.workspace_id
HAVING COUNT(DISTINCT c.enterprise_id) = 1;
