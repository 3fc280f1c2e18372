import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH, type SlackRig, slackRigOn } from '../../fakes/slack-harness.js';
import { SHARED_BACKENDS } from '../../helpers/postgres.js';

const T1 = 'T0ONE';
const T2 = 'T0TWO';
/** A workspace whose app has token rotation on. */
const T3 = 'T0ROT';
const GRID = 'E0GRID';
const tokenOf = (team: string) => `xoxb-${team}`;
type El = { action_id?: string; text?: { text: string } };
const button = (blocks: unknown, label: RegExp) =>
  (blocks as { type: string; elements?: El[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .find((e) => label.test(e.text?.text ?? ''))?.action_id ?? '';

/** Two workspaces install Versus through OAuth v2 against the fake Slack, on the real Bolt app. */
describe.each(SHARED_BACKENDS)('Slack OAuth on $name: two workspaces install, stay apart, and uninstall', (backend) => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRigOn(backend, {
      oauthTeams: [{ teamId: T1 }, { teamId: T2, enterpriseId: GRID }, { teamId: T3, rotating: true }],
    });
  });
  afterAll(() => rig.close());
  const installed = () =>
    rig.core.shared.db.selectFrom('slack_installations').select(['enterprise_id', 'team_id', 'sealed']).execute();
  const command = async (text: string, team: string, channel: string) => {
    const url = rig.fake.responseUrl();
    // T2 is a workspace of an Enterprise Grid organisation: Slack names the organisation in its requests.
    const enterprise = team === T2 ? GRID : undefined;
    const sent = await rig.send.command(text, { responseUrl: url, team, channel, enterprise });
    await rig.adapter.idle();
    return { sent, answer: rig.fake.responses.find((r) => r.path === new URL(url).pathname) };
  };

  it('refuses a redirect whose state has no matching cookie, and stores nothing', async () => {
    const res = await rig.install(T1, { withoutCookie: true });
    expect(res.status).toBe(400);
    expect(await installed()).toEqual([]);
  });

  it('installs both workspaces through /slack/install and /slack/oauth_redirect, tokens encrypted at rest', async () => {
    expect((await rig.install(T1)).status).toBe(200);
    expect((await rig.install(T2)).status).toBe(200);
    expect((await rig.install(T3)).status).toBe(200);
    const rows = await installed();
    expect(rows.map((r) => [r.enterprise_id, r.team_id]).sort()).toEqual([
      ['', T1],
      ['', T3],
      [GRID, T2],
    ]);
    for (const r of rows) expect(r.sealed).not.toContain('xoxb-');
    expect(rig.fake.callsOf('oauth.v2.access').map((c) => c.body.code)).toEqual([
      `code-${T1}`,
      `code-${T2}`,
      `code-${T3}`,
    ]);
    expect(OAUTH.tokenKey).toHaveLength(64);
  });

  it("answers each workspace's command and posts each workspace's poll with that workspace's own token", async () => {
    expect((await command('help', T1, 'C1A')).answer).toBeDefined();
    expect((await command('help', T2, 'C2A')).answer).toBeDefined();
    await command('poll', T1, 'C1P');
    await command('poll', T2, 'C2P');
    const posts = rig.fake.callsOf('chat.postMessage').filter((c) => /^C[12]P$/.test(String(c.body.channel)));
    expect(posts.map((c) => [c.body.channel, c.token]).sort()).toEqual([
      ['C1P', tokenOf(T1)],
      ['C2P', tokenOf(T2)],
    ]);
    expect(posts.every((c) => c.result?.ok !== false)).toBe(true);
  });

  it("does not show one workspace's schedules to the other", async () => {
    const added = await command('schedule add every monday at 10:00', T1, 'C1S');
    expect(JSON.stringify(added.answer?.body.blocks)).toMatch(/`s[\w-]+`/);
    const listed = await command('schedule list', T2, 'C1S');
    expect(JSON.stringify(listed.answer?.body.blocks)).toMatch(/No debate polls are scheduled/);
  });

  it("refuses a vote from another installed workspace on one workspace's poll, storing nothing", async () => {
    await command('poll', T1, 'C1V');
    const poll = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'C1V' && c.result),
    );
    const go = button(poll.body.blocks, /Go/);
    const click = { channel: 'C1V', messageTs: String(poll.result!.ts), user: 'UOTHER' };
    expect((await rig.send.action(go, { ...click, team: T3, responseUrl: rig.fake.responseUrl() })).status).toBe(200);
    await rig.adapter.idle();
    const votes = () => rig.core.shared.db.selectFrom('votes').select('user_id').execute();
    expect(await votes()).toEqual([]);
    await rig.send.action(go, { ...click, team: T1, responseUrl: rig.fake.responseUrl() });
    await rig.adapter.idle();
    expect(await votes()).toEqual([{ user_id: 'UOTHER' }]);
    // The poll's live re-render (coalesced, after the click) lands with its own workspace's token.
    const rerender = await rig.fake.waitFor(() =>
      rig.fake
        .callsOf('chat.update')
        .find((c) => c.body.channel === 'C1V' && /\(1\)/.test(JSON.stringify(c.body.blocks))),
    );
    expect(rerender.token).toBe(tokenOf(T1));
  });

  it('uninstall deletes the installation and its schedules; the next command there is told so and nothing is posted', async () => {
    const uninstalled = await rig.send.event({ type: 'app_uninstalled' }, { eventId: 'EvUninstall', team: T1 });
    expect(uninstalled.status).toBe(200);
    await rig.adapter.idle();
    expect((await installed()).map((r) => r.team_id).sort()).toEqual([T3, T2].sort());
    const schedules = await rig.core.shared.db
      .selectFrom('schedules')
      .select('id')
      .where('workspace_id', '=', T1)
      .execute();
    expect(schedules).toEqual([]);
    const before = rig.fake.calls.length;
    const { sent, answer } = await command('poll', T1, 'C1P');
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({
      response_type: 'ephemeral',
      text: /not installed in this workspace/,
    });
    expect(answer).toBeUndefined();
    expect(rig.fake.calls.slice(before)).toEqual([]);
    // The other workspace is untouched.
    expect((await command('help', T2, 'C2A')).answer).toBeDefined();
  });

  it('refreshes an expiring rotated token before its first use, and stores the new one encrypted', async () => {
    await command('poll', T3, 'C3P');
    const post = rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'C3P');
    expect(post?.token).toBe(`xoxb-${T3}-r1`);
    expect(post?.result?.ok).toBe(true);
    const refreshes = rig.fake.callsOf('oauth.v2.access').filter((c) => c.body.grant_type === 'refresh_token');
    expect(refreshes.map((c) => c.body.refresh_token)).toEqual([`xoxe-${T3}-0`]);
    const row = (await installed()).find((r) => r.team_id === T3);
    expect(row?.sealed).not.toContain('xoxb-');
  });
});
