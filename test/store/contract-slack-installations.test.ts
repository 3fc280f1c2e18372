import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../src/clock.js';
import { tokenCipher } from '../../src/security/token-cipher.js';
import { NoInstallation, SlackInstallations } from '../../src/store/slack-installations.js';
import { BACKENDS, useStore } from './backends.js';

const KEY = 'a'.repeat(64);
const OLD_KEY = Buffer.alloc(32, 7).toString('base64');

function installation(team: string, token: string, enterprise?: string): Installation<'v2', false> {
  return {
    team: { id: team, name: `Team ${team}` },
    enterprise: enterprise ? { id: enterprise } : undefined,
    isEnterpriseInstall: false,
    bot: {
      token,
      scopes: ['commands'],
      id: 'B1',
      userId: `UBOT${team}`,
      refreshToken: `xoxe-${team}`,
      expiresAt: 1_900_000_000,
    },
    user: { id: 'U1', token: undefined, scopes: undefined },
    appId: 'A1',
    tokenType: 'bot',
    authVersion: 'v2',
  };
}

describe.each(BACKENDS)('SlackInstallations on $name', (backend) => {
  const store = useStore(backend);
  const open = (keys = KEY) => new SlackInstallations(store().shared, tokenCipher(keys), new TestClock());

  it('stores two workspaces apart, token encrypted at rest, and returns each one whole', async () => {
    const s = open();
    await s.storeInstallation(installation('T1', 'xoxb-one'));
    await s.storeInstallation(installation('T2', 'xoxb-two', 'E1'));
    const one = await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    const two = await s.fetchInstallation({ teamId: 'T2', enterpriseId: 'E1', isEnterpriseInstall: false });
    expect(one).toEqual(installation('T1', 'xoxb-one'));
    expect(two.bot?.token).toBe('xoxb-two');
    const rows = await store().shared.db.selectFrom('slack_installations').selectAll().orderBy('team_id').execute();
    expect(rows.map((r) => [r.enterprise_id, r.team_id])).toEqual([
      ['', 'T1'],
      ['E1', 'T2'],
    ]);
    for (const r of rows) expect(r.sealed).not.toMatch(/xox[be]-/);
  });

  it('keys an organisation-wide install by its enterprise alone', async () => {
    const s = open();
    await s.storeInstallation({ ...installation('T9', 'xoxb-org', 'E2'), isEnterpriseInstall: true });
    const found = await s.fetchInstallation({ teamId: 'T5', enterpriseId: 'E2', isEnterpriseInstall: true });
    expect(found.bot?.token).toBe('xoxb-org');
  });

  it('replaces an installation on reinstall or token refresh', async () => {
    const s = open();
    await s.storeInstallation(installation('T1', 'xoxb-old'));
    await s.storeInstallation(installation('T1', 'xoxb-new'));
    const got = await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(got.bot?.token).toBe('xoxb-new');
  });

  it('deletes one workspace and leaves the other', async () => {
    const s = open();
    await s.storeInstallation(installation('T1', 'xoxb-one'));
    await s.storeInstallation(installation('T2', 'xoxb-two'));
    await s.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(
      s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toBeInstanceOf(NoInstallation);
    expect(await s.teamOwner('T1')).toBeUndefined();
    expect(await s.teamOwner('T2')).toEqual({ enterpriseId: '', teamId: 'T2' });
  });

  it("stores a workspace's organisation for every process, and forgets it with the org-wide install", async () => {
    const s = open();
    const [orgA, orgB] = [
      { enterpriseId: 'EA', teamId: '' },
      { enterpriseId: 'EB', teamId: '' },
    ];
    for (const org of [orgA, orgB])
      await s.storeInstallation({ ...installation('T9', 'xoxb-org', org.enterpriseId), isEnterpriseInstall: true });
    await s.rememberOrgTeam('TA1', orgA);
    await s.rememberOrgTeam('TB1', orgB);
    const other = open(); // another process, or this one restarted
    expect(await other.teamOwner('TA1')).toEqual(orgA);
    expect(await other.teamOwner('TA2')).toBeUndefined(); // never seen: no owner, whichever channel it names
    expect(await other.forgetWorkspace(orgA)).toBe(true);
    expect(await s.teamOwner('TA1')).toBeUndefined();
    expect(await s.teamOwner('TB1')).toEqual(orgB);
    const rows = await store().shared.db.selectFrom('slack_org_workspaces').selectAll().execute();
    expect(rows).toEqual([{ team_id: 'TB1', enterprise_id: 'EB' }]);
  });

  it('reads a row sealed with an older key after rotation, and refuses when that key is gone', async () => {
    await open(OLD_KEY).storeInstallation(installation('T1', 'xoxb-one'));
    const rotated = open(`${KEY},${OLD_KEY}`);
    const q = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await rotated.fetchInstallation(q)).bot?.token).toBe('xoxb-one');
    await expect(open(KEY).fetchInstallation(q)).rejects.toThrow(/not in VERSUS_TOKEN_KEY/);
  });
});
