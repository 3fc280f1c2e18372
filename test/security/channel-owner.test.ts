import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/** Two workspaces installed through OAuth v2 against the fake Slack. */
const A = 'T0ALPHA';
const B = 'T0BRAVO';
const tokenOf = (team: string) => `xoxb-${team}`;

/**
 * Issue 23, item 1: the token of a post Versus makes on its own (a poll's re-render after a vote, a
 * scheduled poll) is that of the workspace owning the poll or schedule. A well-signed request from
 * workspace B naming A's channel id (forged, or a Slack Connect channel both are in) does not change it.
 * The real Bolt app in OAuth mode over signed HTTP, the real core on SQLite; the fake records each call's token.
 */
describe("posts Versus makes on its own use the owning workspace's token, whoever named the channel last", () => {
  let rig: SlackRig;
  beforeAll(async () => {
    // Re-renders wait for drain(), so B's command lands between a vote and its re-render.
    rig = await slackRig({ oauthTeams: [{ teamId: A }, { teamId: B }], core: { pollUpdateIntervalMs: 60_000 } });
    for (const team of [A, B]) expect((await rig.install(team)).status).toBe(200);
    rig.fake.admins.add('UADMA');
  });
  afterAll(() => rig.close());

  /** `/versus <text>` from `team`, answered through its own response_url. */
  async function command(text: string, team: string, channel: string, user: string) {
    const url = rig.fake.responseUrl();
    await rig.send.command(text, { responseUrl: url, team, channel, user });
    await rig.adapter.idle();
    return rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname)).then((r) => r.body);
  }
  /** `team` posts a poll in `channel`; resolves with the fake's record of that post. */
  async function pollBy(team: string, channel: string) {
    const seen = rig.fake.callsOf('chat.postMessage').length;
    await command('poll "Tabs?" "Tabs" "Spaces"', team, channel, `U${team}1`);
    return rig.fake.waitFor(() =>
      rig.fake
        .callsOf('chat.postMessage')
        .slice(seen)
        .find((c) => c.body.channel === channel && c.result),
    );
  }
  /** A user of `team` votes for the first option of the poll `post` shows. */
  async function vote(post: Awaited<ReturnType<typeof pollBy>>, team: string) {
    const vote = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^":]+:0/)![0];
    const channel = String(post.body.channel);
    const click = { team, channel, user: `U${team}2`, messageTs: String(post.result!.ts) };
    expect((await rig.send.action(vote, { ...click, responseUrl: rig.fake.responseUrl() })).status).toBe(200);
    await rig.adapter.idle();
  }
  /** The edits of message `ts`, as [token, Slack's ok, shows one vote]. */
  const editsOf = (ts: unknown) =>
    rig.fake
      .callsOf('chat.update')
      .filter((c) => c.body.ts === ts)
      .map((c) => [c.token, c.result?.ok, /\(1\)/.test(JSON.stringify(c.body.blocks))]);

  it("re-renders A's poll after a vote by A's user with A's token, though B's command named the channel meanwhile", async () => {
    const post = await pollBy(A, 'CSHARED');
    expect(post.token).toBe(tokenOf(A));
    await vote(post, A);
    expect(await command('help', B, 'CSHARED', 'UB9')).toBeDefined();
    await rig.core.polls.renders.drain();
    expect(editsOf(post.result!.ts)).toEqual([[tokenOf(A), true, true]]);
  });

  it('in a channel both workspaces are in, re-renders each poll with its own workspace’s token', async () => {
    const ofA = await pollBy(A, 'CCONNECT');
    const ofB = await pollBy(B, 'CCONNECT');
    await vote(ofA, A);
    await vote(ofB, B);
    await rig.core.polls.renders.drain();
    expect(editsOf(ofA.result!.ts)).toEqual([[tokenOf(A), true, true]]);
    expect(editsOf(ofB.result!.ts)).toEqual([[tokenOf(B), true, true]]);
  });

  it("posts A's scheduled poll with A's token after B's command named the channel", async () => {
    expect(JSON.stringify(await command('schedule add every monday at 10:00', A, 'CSCHED', 'UADMA'))).toMatch(
      /`s[\w-]+`/,
    );
    await command('help', B, 'CSCHED', 'UB9');
    await rig.core.shared.db
      .updateTable('schedules')
      .set({ next_run_at: new Date(0).toISOString() })
      .execute();
    const seen = rig.fake.callsOf('chat.postMessage').length;
    await rig.core.scheduler.tick();
    const posts = rig.fake
      .callsOf('chat.postMessage')
      .slice(seen)
      .map((c) => [c.body.channel, c.token, c.result?.ok]);
    expect(posts).toEqual([['CSCHED', tokenOf(A), true]]);
  });
});
