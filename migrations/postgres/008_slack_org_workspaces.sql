-- from 017_slack_org_workspaces.sql: the organisation of each workspace an org-wide install serves,
-- backfilled from the channels recorded for org-wide installs where that is unambiguous. slack_channels is
-- no longer used; it stays for replicas of the previous version during an upgrade.
CREATE TABLE slack_org_workspaces (
  team_id       TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL
);
CREATE INDEX slack_org_workspaces_org ON slack_org_workspaces(enterprise_id);

INSERT INTO slack_org_workspaces (team_id, enterprise_id)
SELECT w.workspace_id, MIN(c.enterprise_id)
  FROM (SELECT workspace_id, channel_id FROM polls WHERE platform = 'slack'
        UNION SELECT workspace_id, channel_id FROM schedules WHERE platform = 'slack') w
  JOIN slack_channels c ON c.channel_id = w.channel_id AND c.team_id = ''
 WHERE w.workspace_id NOT IN (SELECT team_id FROM slack_installations WHERE team_id != '')
 GROUP BY w.workspace_id
HAVING COUNT(DISTINCT c.enterprise_id) = 1;
