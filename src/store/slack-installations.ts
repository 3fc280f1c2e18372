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
  /** Workspaces served by an org-wide install, as this process's requests named them (they have no row). */
  private readonly orgTeams = new Map<string, InstallKey>();

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
    this.seen.clear();
  }

  /**
   * An uninstall (app_uninstalled, or the bot token revoked): the installation and its channels are
   * deleted, its workspaces' schedules removed and their open polls closed (nothing can be posted there
   * any more), in one transaction. Polls, votes, walks, settings and sources stay, so a reinstall finds
   * the team's history. An org-wide install has no team id of its own: its workspaces are those with
   * polls or schedules in the channels recorded for it, less any workspace installed on its own.
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
    this.seen.clear();
    return deleted;
  }

  /**
   * The installation serving workspace `teamId`, for a post Versus makes on its own in `channelId`: the
   * workspace's own (teamOwner), else the org-wide install recorded for the channel (a workspace with no
   * row of its own can only be served by one). Never a workspace's own installation found through the
   * channel: any installed workspace's request re-records a channel (a Slack Connect channel is in two
   * workspaces; a forged channel id costs nothing), and its token must not post another workspace's poll.
   */
  async workspaceOwner(teamId: string, channelId: string): Promise<InstallKey | undefined> {
    const own = await this.teamOwner(teamId);
    if (own) return own;
    const recorded = await this.channelOwner(channelId);
    return recorded?.teamId === '' ? recorded : undefined;
  }

  /**
   * The installation of a workspace, by its team id alone: its own row (Enterprise Grid included), else
   * the org-wide install a request from it was authorised by in this process (rememberOrgTeam).
   */
  async teamOwner(teamId: string): Promise<InstallKey | undefined> {
    const row = await this.shared.db
      .selectFrom('slack_installations')
      .select(['enterprise_id', 'team_id'])
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return row ? { enterpriseId: row.enterprise_id, teamId: row.team_id } : this.orgTeams.get(teamId);
  }

  /** Notes that workspace `teamId` is served by the org-wide install `key` (in memory: every request re-notes it). */
  rememberOrgTeam(teamId: string, key: InstallKey): void {
    this.orgTeams.set(teamId, key);
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
  return res.numDeletedRows > 0n;
}

/**
 * The workspaces an org-wide install served, as far as Versus knows them: those with polls or schedules in
 * the channels recorded for the organisation. A workspace with an installation of its own (a Slack Connect
 * channel shared with it) keeps its polls.
 */
async function orgWorkspaces(tx: Tx, enterpriseId: string): Promise<string[]> {
  const channels = tx
    .selectFrom('slack_channels')
    .select('channel_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('team_id', '=', '');
  const ownInstalls = tx.selectFrom('slack_installations').select('team_id').where('team_id', '!=', '');
  const inChannels = (table: 'polls' | 'schedules') =>
    tx
      .selectFrom(table)
      .select('workspace_id')
      .where('platform', '=', 'slack')
      .where('channel_id', 'in', channels)
      .where('workspace_id', 'not in', ownInstalls);
  const rows = await inChannels('polls').union(inChannels('schedules')).execute();
  return rows.map((r) => r.workspace_id);
}
