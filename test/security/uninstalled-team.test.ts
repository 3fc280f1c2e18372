import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/** Two installed workspaces, and ids of a workspace and an organisation that never installed Versus. */
const [A, B] = ['T0ALPHA', 'T0BRAVO'];
const EVIL = 'T0EVIL';
const EVIL_ORG = 'E0EVIL';

/**
 * Issue 23, item 1: a well-signed request whose team_id names a workspace that has no installation (never
 * installed, or forged into a payload) is refused by Bolt's authorize. A slash command is told so privately
 * (HTTP 200, ephemeral); any other request gets an empty 401. Nothing is posted with anyone's token, nothing
 * is stored, and it is logged as a warning, not an error. The real Bolt app in OAuth mode over signed
 * HTTP against the fake Slack, on SQLite.
 */
describe('a request from a Slack workspace that is not installed', () => {
  let rig: SlackRig;
  let poll: { vote: string; ts: string };
  beforeAll(async () => {
    rig = await slackRig({ oauthTeams: [{ teamId: A }, { teamId: B }] });
    for (const team of [A, B]) expect((await rig.install(team)).status).toBe(200);
    await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), team: A, channel: 'CAPOLL' });
    await rig.adapter.idle();
    const post = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').find((c) => c.result));
    poll = { vote: JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+:0/)![0], ts: String(post.result!.ts) };
  });
  afterAll(() => rig.close());
  const db = () => rig.core.shared.db;
  /** Web API calls and response_url posts so far: a refused request must add none. */
  const traffic = () => [rig.fake.calls.length, rig.fake.responses.length];

  it('a slash command in an installed workspace’s channel is told privately, and nothing is posted', async () => {
    const before = traffic();
    for (const forged of [{ team: EVIL }, { team: EVIL, enterprise: EVIL_ORG, orgWide: true }]) {
      const url = rig.fake.responseUrl();
      const sent = await rig.send.command('poll', { responseUrl: url, channel: 'CAPOLL', ...forged });
      await rig.adapter.idle();
      expect([sent.status, JSON.parse(sent.body)]).toEqual([
        200,
        {
          response_type: 'ephemeral',
          text: 'Versus is not installed in this workspace (or was uninstalled). Ask an admin to install it again.',
        },
      ]);
    }
    expect(traffic()).toEqual(before);
  });

  it('a vote click, a mention, a form, a shortcut: an empty 401 each, nothing stored or posted', async () => {
    const before = traffic();
    const logged = rig.logs.length;
    const url = rig.fake.responseUrl();
    const sent = [
      await rig.send.action(poll.vote, { team: EVIL, channel: 'CAPOLL', messageTs: poll.ts, responseUrl: url }),
      await rig.send.event(
        { type: 'app_mention', user: 'UEVIL', channel: 'CAPOLL', ts: '1700000700.000100', text: '<@UBOT> go?' },
        { eventId: 'EvForged', team: EVIL },
      ),
      // The sender's forms and shortcuts come from T0FAKE, which is not installed here either.
      await rig.send.viewSubmission({ callback_id: 'vform:poll', private_metadata: '{}' }, { question: 'Go?' }),
      await rig.send.globalShortcut('versus_new_poll'),
    ];
    await rig.adapter.idle();
    expect(sent.map((s) => [s.status, s.body])).toEqual(Array(4).fill([401, '']));
    expect(traffic()).toEqual(before);
    // One warning each naming the workspace, and nothing at error level (a refusal is not a fault).
    const lines = rig.logs
      .slice(logged)
      .flatMap((chunk) => chunk.split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { level: number; msg: string; team?: string });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'slack: not installed').map((l) => [l.level, l.team])).toEqual([
      [40, EVIL],
      [40, EVIL],
      [40, 'T0FAKE'],
      [40, 'T0FAKE'],
    ]);
    expect(await db().selectFrom('votes').select('user_id').execute()).toEqual([]);
    // Refused before any listener ran: the forged organisation was stored for no workspace.
    expect(await db().selectFrom('slack_org_workspaces').selectAll().execute()).toEqual([]);
  });

  it('an app_uninstalled naming a workspace or organisation that is not installed removes nothing', async () => {
    await rig.send.command('schedule add every monday at 10:00', {
      responseUrl: rig.fake.responseUrl(),
      team: A,
      channel: 'CAPOLL',
    });
    await rig.adapter.idle();
    const logged = rig.logs.length;
    for (const [i, forged] of [{ team: EVIL }, { team: EVIL, enterprise: EVIL_ORG, orgWide: true }].entries())
      expect((await rig.send.event({ type: 'app_uninstalled' }, { eventId: `EvGone${i}`, ...forged })).status).toBe(
        200,
      );
    await rig.adapter.idle();
    // Logged as what happened: nothing was deleted (not "installation deleted").
    const said = rig.logs
      .slice(logged)
      .flatMap((chunk) => chunk.split('\n').filter(Boolean))
      .map((l) => (JSON.parse(l) as { msg: string }).msg)
      .filter((m) => m.includes('uninstall'));
    expect(said).toEqual(
      Array(2).fill('slack: uninstall event for a workspace with no installation; nothing was deleted'),
    );
    const installs = await db().selectFrom('slack_installations').select('team_id').orderBy('team_id').execute();
    expect(installs).toEqual([{ team_id: A }, { team_id: B }]);
    expect(await db().selectFrom('schedules').select('workspace_id').execute()).toEqual([{ workspace_id: A }]);
    expect(await db().selectFrom('polls').select(['workspace_id', 'closed_at']).execute()).toEqual([
      { workspace_id: A, closed_at: null },
    ]);
    // A is still served, with its own token.
    const before = rig.fake.calls.length;
    await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), team: A, channel: 'CAPOLL' });
    await rig.adapter.idle();
    const post = await rig.fake.waitFor(() =>
      rig.fake.calls.slice(before).find((c) => c.method === 'chat.postMessage'),
    );
    expect(post.token).toBe(`xoxb-${A}`);
  });
});
