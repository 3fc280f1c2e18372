import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../src/clock.js';
import { tokenCipher } from '../../../src/security/token-cipher.js';
import { SlackInstallations } from '../../../src/store/slack-installations.js';
import { OAUTH, type SlackRig, slackRig, slackRigOn } from '../../fakes/slack-harness.js';
import { REOPENABLE_BACKENDS, SHARED_BACKENDS } from '../../helpers/postgres.js';

/** An Enterprise Grid organisation that installed Versus org-wide, and two of its workspaces. */
const ORG = 'E0ORG';
const [GA, GB] = ['T0GRIDA', 'T0GRIDB'];
const ORG_TOKEN = `xoxb-${ORG}`;
/** A workspace outside the organisation, installed on its own. */
const SOLO = 'T0SOLO';

/**
 * Issue 23, item 1: an org-wide install has no team id of its own, yet its uninstall must remove the
 * schedules and close the open polls of the organisation's workspaces, as a workspace's uninstall does.
 * The real Bolt app in OAuth mode over signed HTTP against the fake Slack, on SQLite and PostgreSQL.
 */
describe.each(SHARED_BACKENDS)('Enterprise Grid org-wide install on $name: uninstall', (backend) => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRigOn(backend, {
      oauthTeams: [{ teamId: GA, enterpriseId: ORG, orgWide: true, token: ORG_TOKEN }, { teamId: SOLO }],
    });
    for (const team of [GA, SOLO]) expect((await rig.install(team)).status).toBe(200);
  });
  afterAll(() => rig.close());
  const db = () => rig.core.shared.db;
  /** `/versus <text>` from `team` (a workspace of the organisation unless SOLO); what the request was answered. */
  async function command(text: string, team: string, channel: string) {
    const org = team === SOLO ? {} : { enterprise: ORG, orgWide: true };
    const sent = await rig.send.command(text, { responseUrl: rig.fake.responseUrl(), team, channel, ...org });
    await rig.adapter.idle();
    return sent;
  }
  const openPolls = () =>
    db()
      .selectFrom('polls')
      .select(['workspace_id', 'channel_id'])
      .where('closed_at', 'is', null)
      .orderBy('channel_id')
      .execute();

  it('stores the org-wide install under the organisation and serves its workspaces with its one token', async () => {
    const rows = await db().selectFrom('slack_installations').select(['enterprise_id', 'team_id']).execute();
    expect(rows.map((r) => [r.enterprise_id, r.team_id]).sort()).toEqual([
      ['', SOLO],
      [ORG, ''],
    ]);
    // A Slack Connect channel shared by the organisation and SOLO: SOLO's poll there first, then GA's.
    for (const [team, channel] of [
      [GA, 'CGA'],
      [GB, 'CGB'],
      [SOLO, 'CSOLO'],
      [SOLO, 'CSHARED'],
      [GA, 'CSHARED'],
    ] as const) {
      expect((await command('poll', team, channel)).status).toBe(200);
      expect((await command('schedule add every monday at 10:00', team, channel)).status).toBe(200);
    }
    const posts = rig.fake.callsOf('chat.postMessage').map((c) => [c.body.channel, c.token, c.result?.ok]);
    expect(posts).toEqual([
      ['CGA', ORG_TOKEN, true],
      ['CGB', ORG_TOKEN, true],
      ['CSOLO', `xoxb-${SOLO}`, true],
      ['CSHARED', `xoxb-${SOLO}`, true],
      ['CSHARED', ORG_TOKEN, true],
    ]);
    const schedules = await db().selectFrom('schedules').select('workspace_id').execute();
    expect(schedules.map((s) => s.workspace_id).sort()).toEqual([GA, GA, GB, SOLO, SOLO]);
  });

  it("recognises an admin of the organisation's workspaces, asking Slack with the organisation's token", async () => {
    rig.fake.admins.add('UADMGB');
    const url = rig.fake.responseUrl();
    const org = { team: GB, enterprise: ORG, orgWide: true };
    await rig.send.command('settings answers public', { responseUrl: url, channel: 'CGB', user: 'UADMGB', ...org });
    await rig.adapter.idle();
    const told = rig.fake.responses.find((r) => r.path === new URL(url).pathname);
    expect(JSON.stringify(told?.body)).toMatch(/Done. Answers to/);
    const asked = rig.fake.callsOf('users.info').map((c) => [c.body.user, c.token, c.result?.ok]);
    expect(asked).toEqual([['UADMGB', ORG_TOKEN, true]]);
  });

  it("an org-wide uninstall removes its workspaces' schedules and closes their open polls; SOLO keeps its own", async () => {
    const gone = await rig.send.event(
      { type: 'app_uninstalled' },
      { eventId: 'EvOrgGone', team: GA, enterprise: ORG, orgWide: true },
    );
    expect(gone.status).toBe(200);
    await rig.adapter.idle();
    const installs = await db().selectFrom('slack_installations').select(['enterprise_id', 'team_id']).execute();
    expect(installs).toEqual([{ enterprise_id: '', team_id: SOLO }]);
    expect(await db().selectFrom('slack_org_workspaces').selectAll().execute()).toEqual([]);
    const schedules = await db().selectFrom('schedules').select(['workspace_id', 'channel_id']).execute();
    expect(schedules.map((s) => [s.workspace_id, s.channel_id]).sort()).toEqual([
      [SOLO, 'CSHARED'],
      [SOLO, 'CSOLO'],
    ]);
    expect(await openPolls()).toEqual([
      { workspace_id: SOLO, channel_id: 'CSHARED' },
      { workspace_id: SOLO, channel_id: 'CSOLO' },
    ]);
    const closed = await db().selectFrom('polls').select('closed_by').where('workspace_id', 'in', [GA, GB]).execute();
    expect(closed).toEqual([{ closed_by: 'uninstalled' }, { closed_by: 'uninstalled' }, { closed_by: 'uninstalled' }]);
  });

  it('after it, the organisation is told Versus is not installed and nothing is posted; SOLO still is served', async () => {
    const before = rig.fake.calls.length;
    const refused = await command('poll', GB, 'CGB');
    expect([refused.status, JSON.parse(refused.body)]).toEqual([
      200,
      { response_type: 'ephemeral', text: expect.stringMatching(/not installed in this workspace/) },
    ]);
    expect(rig.fake.calls.slice(before)).toEqual([]);
    await command('poll', SOLO, 'CSOLO');
    const post = await rig.fake.waitFor(() =>
      rig.fake.calls.slice(before).find((c) => c.method === 'chat.postMessage'),
    );
    expect([post.body.channel, post.token]).toEqual(['CSOLO', `xoxb-${SOLO}`]);
  });
});

/** Two organisations, each installed org-wide, with one workspace each; a channel id both name. */
const [ORG_A, ORG_B] = ['E0ORGA', 'E0ORGB'];
const [WA, WB] = ['T0ORGA1', 'T0ORGB1'];
const TOKEN = { [ORG_A]: `xoxb-${ORG_A}`, [ORG_B]: `xoxb-${ORG_B}` };
const TWO_ORGS = [
  { teamId: WA, enterpriseId: ORG_A, orgWide: true, token: TOKEN[ORG_A] },
  { teamId: WB, enterpriseId: ORG_B, orgWide: true, token: TOKEN[ORG_B] },
];

/**
 * Issue 23, item 1 (Enterprise Grid): a workspace served by an org-wide install has no installation row, so
 * which organisation it belongs to is stored when a signed request from it is authorised. Before, a process
 * that had seen no request from the workspace fell back to the organisation that last named the *channel*
 * (Slack Connect, or a forged id): another organisation's token.
 */
describe.each(REOPENABLE_BACKENDS)(
  "two organisations' org-wide installs on $name: a workspace's organisation",
  (store) => {
    let state: Awaited<ReturnType<(typeof REOPENABLE_BACKENDS)[number]['open']>>;
    let rig: SlackRig;
    const start = async () => slackRig({ ...(await state.options()), oauthTeams: TWO_ORGS });
    beforeAll(async () => {
      state = await store.open();
      rig = await start();
      for (const team of [WA, WB]) expect((await rig.install(team)).status).toBe(200);
    });
    afterAll(async () => {
      await rig.close();
      await state.drop();
    });
    const db = () => rig.core.shared.db;
    /** `/versus <text>` from `team` of organisation `org`, in `channel`. */
    async function command(text: string, team: string, org: string, channel: string) {
      const sent = await rig.send.command(text, {
        responseUrl: rig.fake.responseUrl(),
        team,
        enterprise: org,
        orgWide: true,
        channel,
      });
      await rig.adapter.idle();
      return sent;
    }

    it("re-renders org A's poll with org A's token in a fresh process, though org B named the channel last", async () => {
      await command('poll "Tabs?" "Tabs" "Spaces"', WA, ORG_A, 'CCONNECT');
      const post = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').find((c) => c.result));
      expect([post.body.channel, post.token]).toEqual(['CCONNECT', TOKEN[ORG_A]]);
      await command('help', WB, ORG_B, 'CCONNECT'); // before, this made CCONNECT org B's for later posts
      await rig.close();
      rig = await start(); // a restart: nothing in memory; no request from WA reaches this process
      await db()
        .updateTable('polls')
        .set({ closes_at: new Date(0).toISOString() })
        .execute();
      expect((await rig.core.scheduler.tick()).pollsClosed).toBe(1);
      await rig.core.polls.renders.drain();
      const edits = rig.fake.callsOf('chat.update').map((c) => [c.body.channel, c.token, c.result?.ok]);
      expect(edits).toEqual([['CCONNECT', TOKEN[ORG_A], true]]);
    });

    it("stores each workspace's organisation, and an org-wide uninstall deletes only that organisation's", async () => {
      const rows = () => db().selectFrom('slack_org_workspaces').selectAll().orderBy('team_id').execute();
      expect(await rows()).toEqual([
        { team_id: WA, enterprise_id: ORG_A },
        { team_id: WB, enterprise_id: ORG_B },
      ]);
      const gone = await rig.send.event(
        { type: 'app_uninstalled' },
        { eventId: 'EvOrgAGone', team: WA, enterprise: ORG_A, orgWide: true },
      );
      expect(gone.status).toBe(200);
      await rig.adapter.idle();
      expect(await rows()).toEqual([{ team_id: WB, enterprise_id: ORG_B }]);
      // As another process sees it: org B's workspace still found; org A's not at all.
      const fresh = new SlackInstallations(rig.core.shared, tokenCipher(OAUTH.tokenKey), new TestClock());
      expect(await fresh.teamOwner(WB)).toEqual({ enterpriseId: ORG_B, teamId: '' });
      expect(await fresh.teamOwner(WA)).toBeUndefined();
    });
  },
);
