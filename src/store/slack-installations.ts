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
 * Also remembers which installation each channel belongs to, for posts nobody's request started.
 */
export class SlackInstallations implements InstallationStore {
  /**
   * Channels this process has recorded, each with the installation (and its install time) it recorded
   * them for, so a busy channel costs one write per process. The install time matters with replicas: an
   * uninstall handled elsewhere deleted the channel rows, and a reinstall's new time makes this process
   * record them again.
   */
  private readonly seen = new Map<string, string>();
  /** When each installation this process last read was written (install or token refresh). */
  private readonly installedAt = new Map<string, string>();
  /** Workspaces whose organisation this process has stored, with the org-wide install's time (as `seen`). */
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
    this.forgetSeen();
  }

  /**
   * An uninstall (app_uninstalled, or the bot token revoked): the installation and its channels are
   * deleted, its workspaces' schedules removed and their open polls closed (nothing can be posted there
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
    this.forgetSeen();
    return deleted;
  }

  /**
   * The installation serving workspace `teamId`, for a post Versus makes on its own in `channelId`: the
   * workspace's (teamOwner). Never one found through the channel: any installed workspace's or
   * organisation's request re-records a channel (a Slack Connect channel is in two workspaces, even two
   * organisations; a forged channel id costs nothing), and its token must not post another's poll.
   * `channelId` stays in the signature for callers that name where the post goes.
   */
  async workspaceOwner(teamId: string, _channelId: string): Promise<InstallKey | undefined> {
    return this.teamOwner(teamId);
  }

  /**
   * The installation of a workspace, by its team id alone: its own row (Enterprise Grid included), else
   * the org-wide install of the organisation stored for it (rememberOrgTeam), while that install exists.
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
   * workspace and install (its time, as for channels: a reinstall after an uninstall elsewhere writes again).
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

  /** Records that `channelId` belongs to the installation `key` (once per process, channel and installation). */
  async rememberChannel(channelId: string, key: InstallKey): Promise<void> {
    const owner = `${key.enterpriseId}/${key.teamId}`;
    const stamp = `${owner}@${this.installedAt.get(owner) ?? ''}`;
    if (!channelId || this.seen.get(channelId) === stamp) return;
    const row = { channel_id: channelId, enterprise_id: key.enterpriseId, team_id: key.teamId };
    await this.shared.db
      .insertInto('slack_channels')
      .values(row)
      .onConflict((oc) =>
        oc.column('channel_id').doUpdateSet({ enterprise_id: row.enterprise_id, team_id: row.team_id }),
      )
      .execute();
    this.seen.set(channelId, stamp);
  }

  /** The installation a channel belongs to, or undefined when no request ever came from it. */
  async channelOwner(channelId: string): Promise<InstallKey | undefined> {
    const row = await this.shared.db
      .selectFrom('slack_channels')
      .select(['enterprise_id', 'team_id'])
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row ? { enterpriseId: row.enterprise_id, teamId: row.team_id } : undefined;
  }

  /** After any uninstall: the rows this process remembers writing may be gone, so the next request writes again. */
  private forgetSeen(): void {
    this.seen.clear();
    this.orgTeamsSeen.clear();
  }
}

type Tx = Transaction<SharedSchema>;

/** Deletes an installation's row and the channels recorded for it; resolves with whether the row existed. */
async function deleteRows(tx: Tx, key: InstallKey): Promise<boolean> {
  const res = await tx
    .deleteFrom('slack_installations')
    .where('enterprise_id', '=', key.enterpriseId)
    .where('team_id', '=', key.teamId)
    .executeTakeFirst();
  await tx
    .deleteFrom('slack_channels')
    .where('enterprise_id', '=', key.enterpriseId)
    .where('team_id', '=', key.teamId)
    .execute();
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
