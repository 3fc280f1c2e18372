import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressAllowList } from '../../src/ingest/addresses.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { ARTICLE_TITLE, articleServer, FIGURE_ANSWER, FIGURE_QUESTION } from '../helpers/article-server.js';

/** Two workspaces, both installed through OAuth v2 against the fake Slack; B forges ids it saw nowhere but in A. */
const A = 'T0ALPHA';
const B = 'T0BRAVO';
const said = (v: unknown) => JSON.stringify(v);

/**
 * Issue 23, item 1 ("Done when"): two installed workspaces use every feature without seeing each other's
 * data. Every id below belongs to workspace A; workspace B sends it in a well-signed request of its own.
 * B gets a private refusal or "not found", and the rows A's data lives in stay exactly as they were.
 * The real Bolt app in OAuth mode over signed HTTP, the real core on SQLite.
 */
describe('two installed Slack workspaces: B can neither see nor act on A', () => {
  let rig: SlackRig;
  let web: Awaited<ReturnType<typeof articleServer>>;
  beforeAll(async () => {
    web = await articleServer();
    rig = await slackRig({
      core: { fetchAllow: AddressAllowList.parse('127.0.0.1') },
      oauthTeams: [{ teamId: A }, { teamId: B }],
    });
    for (const team of [A, B]) expect((await rig.install(team)).status).toBe(200);
    rig.fake.admins.add('UADMA');
    rig.fake.admins.add('UADMB');
  });
  afterAll(async () => {
    await rig.close();
    await web.close();
  });
  const db = () => rig.core.shared.db;

  /** `/versus <text>` from `team`, answered through its own response_url. */
  async function command(text: string, team: string, channel: string, user: string) {
    const url = rig.fake.responseUrl();
    await rig.send.command(text, { responseUrl: url, team, channel, user });
    await rig.adapter.idle();
    return rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname)).then((r) => r.body);
  }
  /** A click from `team`; returns the text `user` was told privately (ephemeral post or response_url). */
  async function click(actionId: string, team: string, channel: string, user: string, messageTs = '1.2') {
    const seen = rig.fake.callsOf('chat.postEphemeral').length;
    const url = rig.fake.responseUrl();
    await rig.send.action(actionId, { team, channel, user, messageTs, responseUrl: url, ephemeral: true });
    await rig.adapter.idle();
    const told = await rig.fake.waitFor(
      () =>
        rig.fake
          .callsOf('chat.postEphemeral')
          .slice(seen)
          .find((c) => c.body.user === user)?.body ??
        rig.fake.responses.find((r) => r.path === new URL(url).pathname)?.body,
    );
    return String((told as { text?: unknown }).text);
  }
  const postIn = (channel: string) =>
    rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === channel && c.result));

  it("B's vote and close on A's poll are refused as unknown; A's poll keeps no vote and stays open", async () => {
    await command('poll "Tabs?" "Tabs" "Spaces" public', A, 'CAPOLL', 'UA1');
    const post = await postIn('CAPOLL');
    const vote = said(post.body.blocks).match(/v1:poll:vote:([^":]+):0/)!;
    const pollId = vote[1]!;
    const unknownVote = await click('v1:poll:vote:p_unknown1:0', B, 'CAPOLL', 'UB0');
    expect(unknownVote).toMatch(/no longer exists/);
    expect(await click(vote[0], B, 'CAPOLL', 'UB1', String(post.result!.ts))).toBe(unknownVote);
    const unknown = said(await command('poll close p_unknown1', B, 'CAPOLL', 'UADMB')).replaceAll('p_unknown1', pollId);
    expect(unknown).toMatch(/There is no poll/);
    for (const op of ['close', 'results', 'export'])
      expect(said(await command(`poll ${op} ${pollId}`, B, 'CAPOLL', 'UADMB'))).toBe(unknown);
    expect(await db().selectFrom('votes').select('user_id').execute()).toEqual([]);
    const poll = await db()
      .selectFrom('polls')
      .select(['workspace_id', 'closed_at'])
      .where('id', '=', pollId)
      .execute();
    expect(poll).toEqual([{ workspace_id: A, closed_at: null }]);
    expect(rig.fake.calls.filter((c) => c.method.startsWith('files.'))).toEqual([]);
  });

  it("B neither lists nor removes A's schedule for the same channel id", async () => {
    const added = said(await command('schedule add every monday at 10:00', A, 'CASCHED', 'UADMA'));
    const id = added.match(/`(s[\w-]+)`/)![1]!;
    expect(said(await command('schedule list', B, 'CASCHED', 'UADMB'))).toMatch(/No debate polls are scheduled/);
    const removed = said(await command(`schedule remove ${id}`, B, 'CASCHED', 'UADMB'));
    expect(removed).toContain(`There is no schedule “${id}” in this channel.`);
    const rows = await db().selectFrom('schedules').select(['id', 'workspace_id']).execute();
    expect(rows).toEqual([{ id, workspace_id: A }]);
  });

  it("B's answer on A's walk is refused as unknown and stores nothing; B's status there shows no walk", async () => {
    await command('matrix', A, 'CAWALK', 'UADMA');
    const step = await postIn('CAWALK');
    const answer = said(step.body.blocks).match(/v1:mx:answer:[^"]+/)![0];
    const walkId = answer.split(':')[3]!;
    const unknown = await click(answer.replace(walkId, 'w_unknown1'), B, 'CAWALK', 'UB2');
    expect(unknown).toMatch(/no longer exists/);
    expect(await click(answer, B, 'CAWALK', 'UB3', String(step.result!.ts))).toBe(unknown);
    expect(await db().selectFrom('matrix_answers').select('user_id').execute()).toEqual([]);
    expect(said(await command('matrix cancel', B, 'CAWALK', 'UADMB'))).toContain('No walk is open here.');
    const walks = await db().selectFrom('matrix_sessions').select(['id', 'workspace_id']).execute();
    expect(walks.map((w) => [w.id, w.workspace_id])).toEqual([[walkId, A]]);
  });

  it("B's Share click with A's answer id posts nothing anywhere and leaves the answer unshared", async () => {
    const answer = await command('ask does the GIL matter for web backends?', A, 'CAASK', 'UA4');
    const share = said(answer.blocks).match(/v1:share:[^"]+/)![0];
    const posts = rig.fake.callsOf('chat.postMessage').length;
    expect(await click(share, B, 'CAASK', 'UA4')).toMatch(/too old to share/);
    expect(rig.fake.callsOf('chat.postMessage').slice(posts)).toEqual([]);
    const shared = await db().selectFrom('answer_log').select('shared_at').where('shared_at', 'is not', null).execute();
    expect(shared).toEqual([]);
  });

  it("B's admin changing settings in a channel with A's channel id changes only B's row", async () => {
    await command('settings answers public', A, 'CASET', 'UADMA');
    expect(said(await command('settings', B, 'CASET', 'UADMB'))).toMatch(/go only to the asker/);
    await command('settings answers private', B, 'CASET', 'UADMB');
    expect(said(await command('settings', A, 'CASET', 'UADMA'))).toMatch(/are posted in the channel/);
    const rows = await db()
      .selectFrom('channel_settings')
      .select(['workspace_id', 'answers'])
      .where('channel_id', '=', 'CASET')
      .orderBy('workspace_id')
      .execute();
    expect(rows).toEqual([
      { workspace_id: A, answers: 'public' },
      { workspace_id: B, answers: 'private' },
    ]);
  });

  it("B's team sources neither list, remove nor answer from A's document", async () => {
    const added = said(await command(`sources add ${web.url}/job-workers`, A, 'CASRC', 'UADMA'));
    const id = added.match(/`(d[a-z0-9]{6})`/)![1]!;
    expect(said(await command('sources', B, 'CBSRC', 'UADMB'))).not.toContain(ARTICLE_TITLE);
    expect(said(await command(`sources remove ${id}`, B, 'CBSRC', 'UADMB'))).toContain(
      `There is no team source \`${id}\` here.`,
    );
    const rows = await db().selectFrom('team_sources').select(['id', 'workspace_id']).execute();
    expect(rows).toEqual([{ id, workspace_id: A }]);
    expect(said(await command(`ask ${FIGURE_QUESTION}`, B, 'CBSRC', 'UB5'))).not.toMatch(FIGURE_ANSWER);
    expect(said(await command(`ask ${FIGURE_QUESTION}`, A, 'CASRC', 'UA5'))).toMatch(FIGURE_ANSWER);
  });

  it("B's report counts none of A's questions, and B's 👎 on A's answer is refused and stored nowhere", async () => {
    const answer = await command('ask what does zzqx mean for quantum teapots', A, 'CAREP', 'UA6');
    expect(said(answer)).not.toMatch(/v1:fb:/); // nothing found: no buttons, an unanswered question
    const rated = await command('ask does the GIL matter for web backends?', A, 'CAREP', 'UA7');
    const down = said(rated.blocks).match(/v1:fb:[^":]+:down/)![0];
    expect(await click(down, B, 'CAREP', 'UB7')).toMatch(/too old to rate/);
    expect(await db().selectFrom('answer_feedback').select('user_id').execute()).toEqual([]);
    await click(down, A, 'CAREP', 'UA7');
    expect(await db().selectFrom('answer_feedback').select('user_id').execute()).toEqual([{ user_id: 'UA7' }]);
    const theirs = said(await command('report', A, 'CAREP', 'UADMA'));
    expect(theirs).toMatch(/quantum teapots — 1 time/);
    expect(theirs).toMatch(/does the GIL matter for web backends\? — 1 vote/);
    const mine = said(await command('report', B, 'CBREP', 'UADMB'));
    expect(mine).not.toMatch(/quantum teapots|GIL/);
    expect(mine).toMatch(/thumbnails per minute/); // B's own unanswered question (the sources case above)
  });
});
