import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { TokenCipher } from '../security/token-cipher.js';
import type { SharedSchema } from './schema.js';
import type { SharedDb } from './shared-db.js';

/** An installation's key: Enterprise Grid organisation and workspace, '' where Slack gives none. */
export interface InstallKey {
  enterpriseId: string;
  teamId: string;
}

/** Slack's ids of a query → the row key: an org-wide install is found by its enterprise alone. */
export function installKey(q: {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
  isEnterpriseInstall: boolean;
}): InstallKey {
  return { enterpriseId: q.enterpriseId ?? '', teamId: q.isEnterpriseInstall ? '' : (q.teamId ?? '') };
}

/** Thrown when a workspace has no installation: Bolt's authorize turns it into a refused request. */
export class NoInstallation extends Error {
  constructor(key: InstallKey) {
    super(`Versus is not installed in Slack workspace ${key.teamId || key.enterpriseId || '(unknown)'}`);
  }
}

/**
 * Bolt's InstallationStore on the shared database (SQLite or PostgreSQL): the installation is sealed
 * whole (bot and user tokens, refresh tokens) with the token cipher; only its ids are stored plain.
 * Also stores which organisation each workspace served by an org-wide install belongs to, for posts
 * nobody's request started. Channels decide nothing: a channel id is named by whoever sends a request.
 */
export class SlackInstallations implements InstallationStore {
  /** When each installation this process last read was written (install or token refresh). */
  private readonly installedAt = new Map<string, string>();
  /**
   * Workspaces whose organisation this process has stored, each with the org-wide install's time, so a busy
   * workspace costs one write per process. The time matters with replicas: an uninstall handled elsewhere
   * deleted the rows, and a reinstall's new time makes this process store them again.
   */
  private readonly orgTeamsSeen = new Map<string, string>();

  constructor(
    private readonly shared: SharedDb,
    private readonly cipher: TokenCipher,
    private readonly clock: Clock,
  ) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const key = installKey({
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
    });
    const row = {
      enterprise_id: key.enterpriseId,
      team_id: key.teamId,
      sealed: this.cipher.encrypt(JSON.stringify(installation)),
      installed_at: this.clock.now().toISOString(),
    };
    await this.shared.db
      .insertInto('slack_installations')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['enterprise_id', 'team_id']).doUpdateSet({ sealed: row.sealed, installed_at: row.installed_at }),
      )
      .execute();
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = installKey(query);
    const row = await this.shared.db
      .selectFrom('slack_installations')
      .select(['sealed', 'installed_at'])
      .where('enterprise_id', '=', key.enterpriseId)
      .where('team_id', '=', key.teamId)
      .executeTakeFirst();
    if (!row) throw new NoInstallation(key);
    this.installedAt.set(`${key.enterpriseId}/${key.teamId}`, row.installed_at);
    return JSON.parse(this.cipher.decrypt(row.sealed)) as Installation<'v1' | 'v2', boolean>;
  }

  /** Removes the installation and what was recorded of its channels (app_uninstalled, tokens_revoked). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.shared.db.transaction().execute((tx) => deleteRows(tx, installKey(query)));
    this.orgTeamsSeen.clear();
  }

  /**
   * An uninstall (app_uninstalled, or the bot token revoked): the installation is deleted, its workspaces' schedules removed and their open polls closed (nothing can be posted there
   * any more), in one transaction. Polls, votes, walks, settings and sources stay, so a reinstall finds
   * the team's history. An org-wide install has no team id of its own: its workspaces are those stored
   * for the organisation (slack_org_workspaces), less any workspace installed on its own; their rows go too.
   * Resolves with whether there was an installation row to delete.
   */
  async forgetWorkspace(key: InstallKey): Promise<boolean> {
    const now = this.clock.now().toISOString();
    const deleted = await this.shared.db.transaction().execute(async (tx) => {
      const teams = key.teamId ? [key.teamId] : await orgWorkspaces(tx, key.enterpriseId);
      const deleted = await deleteRows(tx, key);
      if (teams.length === 0) return deleted;
      await tx.deleteFrom('schedules').where('platform', '=', 'slack').where('workspace_id', 'in', teams).execute();
      await tx
        .updateTable('polls')
        .set({ closed_at: now, closed_by: 'uninstalled' })
        .where('platform', '=', 'slack')
        .where('workspace_id', 'in', teams)
        .where('closed_at', 'is', null)
        .execute();
      return deleted;
    });
    this.orgTeamsSeen.clear();
    return deleted;
  }

  /**
   * The installation of a workspace, for a post Versus makes on its own for it or an admin look-up: its own
   * row (Enterprise Grid included), else the org-wide install of the organisation stored for it
   * (rememberOrgTeam), while that install exists. By team id alone, never through a channel: a request from
   * any installed workspace can name any channel id (a Slack Connect channel is in two workspaces, even two
   * organisations; a forged id costs nothing), and its token must not post another's poll.
   */
  async teamOwner(teamId: string): Promise<InstallKey | undefined> {
    const own = await this.shared.db
      .selectFrom('slack_installations')
      .select(['enterprise_id', 'team_id'])
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    if (own) return { enterpriseId: own.enterprise_id, teamId: own.team_id };
    const org = await this.shared.db
      .selectFrom('slack_org_workspaces as w')
      .innerJoin('slack_installations as i', (j) =>
        j.onRef('i.enterprise_id', '=', 'w.enterprise_id').on('i.team_id', '=', ''),
      )
      .select('w.enterprise_id')
      .where('w.team_id', '=', teamId)
      .executeTakeFirst();
    return org ? { enterpriseId: org.enterprise_id, teamId: '' } : undefined;
  }

  /**
   * Stores that workspace `teamId` is served by the org-wide install `key`: called when Bolt authorised a
   * signed request from the workspace with that install, so both ids are Slack's. Once per process,
   * workspace and install time (see orgTeamsSeen).
   */
  async rememberOrgTeam(teamId: string, key: InstallKey): Promise<void> {
    const stamp = `${key.enterpriseId}@${this.installedAt.get(`${key.enterpriseId}/`) ?? ''}`;
    if (!teamId || key.teamId !== '' || this.orgTeamsSeen.get(teamId) === stamp) return;
    await this.shared.db
      .insertInto('slack_org_workspaces')
      .values({ team_id: teamId, enterprise_id: key.enterpriseId })
      .onConflict((oc) => oc.column('team_id').doUpdateSet({ enterprise_id: key.enterpriseId }))
      .execute();
    this.orgTeamsSeen.set(teamId, stamp);
  }
}

type Tx = Transaction<SharedSchema>;

/** Deletes an installation's row (an organisation's: with its workspaces); resolves with whether it existed. */
async function deleteRows(tx: Tx, key: InstallKey): Promise<boolean> {
  const res = await tx
    .deleteFrom('slack_installations')
    .where('enterprise_id', '=', key.enterpriseId)
    .where('team_id', '=', key.teamId)
    .executeTakeFirst();
  if (key.teamId === '' && key.enterpriseId)
    await tx.deleteFrom('slack_org_workspaces').where('enterprise_id', '=', key.enterpriseId).execute();
  return res.numDeletedRows > 0n;
}

/**
 * The workspaces an org-wide install served: those stored for the organisation (rememberOrgTeam, and the
 * migration's backfill from channels), less any installed on its own since (its polls are its own).
 */
async function orgWorkspaces(tx: Tx, enterpriseId: string): Promise<string[]> {
  const ownInstalls = tx.selectFrom('slack_installations').select('team_id').where('team_id', '!=', '');
  const rows = await tx
    .selectFrom('slack_org_workspaces')
    .select('team_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('team_id', 'not in', ownInstalls)
    .execute();
  return rows.map((r) => r.team_id);
}
