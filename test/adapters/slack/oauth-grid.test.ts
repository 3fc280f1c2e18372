import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRigOn } from '../../fakes/slack-harness.js';
import { SHARED_BACKENDS } from '../../helpers/postgres.js';

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
    expect(JSON.stringify(told?.body)).toMatch(/Done: in this channel/);
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
    const channels = await db().selectFrom('slack_channels').select('enterprise_id').distinct().execute();
    expect(channels).toEqual([{ enterprise_id: '' }]);
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
