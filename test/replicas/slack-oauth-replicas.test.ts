// Issue 23, item 1 ("Done when"): replicas in OAuth mode. Two workspaces install through the load balancer;
// every replica answers each workspace with that workspace's own token, read from the shared, encrypted
// store, and an uninstall handled by one replica cuts that workspace off on all of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installThroughOAuth, OAUTH } from '../fakes/slack-harness.js';
import { SlackSender } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';
import { type Backend, type Replicas, startReplicas } from '../helpers/replicas.js';
import {
  INTERVALS,
  type Poll,
  plan,
  SCHEDULER_INTERVAL_MS,
  SECRET,
  settledRender,
  shownCounts,
  until,
} from './poll-storm.js';

const [A, B] = ['T0ALPHA', 'T0BRAVO'] as const;
const TEAMS = [A, B] as const;
const tokenOf = (team: string) => `xoxb-${team}`;
const OAUTH_ENV = {
  SLACK_CLIENT_ID: OAUTH.clientId,
  SLACK_CLIENT_SECRET: OAUTH.clientSecret,
  SLACK_STATE_SECRET: OAUTH.stateSecret,
  VERSUS_TOKEN_KEY: OAUTH.tokenKey,
};
// Three replicas on both: the SQLite replica tests (slack-storm) run three processes on one file too.
const RIGS: { backend: Backend['kind']; n: number }[] = [
  { backend: 'postgres', n: 3 },
  { backend: 'sqlite', n: 3 },
];

describe.each(RIGS)('$n replicas on $backend in OAuth mode, two workspaces installed', ({ backend, n }) => {
  let rig: Replicas;
  let lb: SlackSender;
  /** A's poll and B's, opened in the tally test; the uninstall test clicks A's again. */
  let polls: Poll[] = [];
  const direct = (i: number) => new SlackSender(`http://127.0.0.1:${rig.bots[i]!.port}/slack/events`, SECRET);
  const postedIn = (channel: string) => rig.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === channel);
  const poll = (team: string, channel: string, to = lb) =>
    to.command('poll', { responseUrl: rig.fake.responseUrl(), user: `UP${team}`, team, channel });
  /** A workspace's poll, opened through the load balancer. */
  async function openPoll(team: string, channel: string): Promise<Poll> {
    expect((await poll(team, channel)).status).toBe(200);
    const post = await until('the poll message', () => postedIn(channel).find((c) => c.result));
    const actions = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+:\d+/g) ?? [];
    return { pollId: actions[0]!.split(':')[3]!, actions, ts: String(post.result!.ts), channel };
  }
  const vote = (to: SlackSender, p: Poll, team: string, user: string, option: number) =>
    to.action(p.actions[option]!, {
      team,
      user,
      channel: p.channel,
      messageTs: p.ts,
      responseUrl: rig.fake.responseUrl(),
    });

  beforeAll(async () => {
    rig = await startReplicas({
      n,
      secret: SECRET,
      knowledgeDir: FIXTURE_KNOWLEDGE,
      backend,
      env: { ...INTERVALS, ...OAUTH_ENV },
    });
    lb = new SlackSender(rig.endpoint, SECRET);
    for (const teamId of TEAMS) rig.fake.addTeam({ teamId });
  }, 90_000);
  afterAll(() => rig?.stop());

  it('installs both workspaces through the load balancer, sealed in the shared store', async () => {
    for (const team of TEAMS) expect((await installThroughOAuth(rig.proxy.url, team)).status).toBe(200);
    const rows = await rig.state.query<{ team_id: string; sealed: string }>(
      'SELECT team_id, sealed FROM slack_installations ORDER BY team_id',
    );
    expect(rows.map((r) => r.team_id)).toEqual([...TEAMS]);
    for (const r of rows) expect(r.sealed).not.toContain('xoxb-');
  });

  it("answers mentions from both workspaces on every replica, each in its thread with that workspace's token", async () => {
    const before = [...rig.proxy.served];
    // Alternating teams over 2n requests: round robin hands every replica a question from each workspace.
    const sent = Array.from({ length: 2 * n }, (_, i) => ({ team: TEAMS[i % 2]!, channel: `CASK${i}` }));
    for (const [i, s] of sent.entries()) {
      const event = {
        type: 'app_mention',
        user: `UASK${i}`,
        channel: s.channel,
        ts: `1700000600.00010${i}`,
        text: `<@UBOT${s.team}> is go faster than python?`,
      };
      expect((await lb.event(event, { eventId: `EvAsk${i}`, team: s.team })).status).toBe(200);
    }
    const answers = await until('every answer', () => {
      const found = sent.map((s) => postedIn(s.channel)[0]);
      return found.every(Boolean) && found;
    });
    expect(answers.map((c) => [c!.body.channel, c!.token])).toEqual(sent.map((s) => [s.channel, tokenOf(s.team)]));
    expect(answers.every((c) => c!.result?.ok === true && c!.body.thread_ts)).toBe(true);
    // With n odd, replica k got requests k and k + n: one from each workspace.
    expect(rig.proxy.served.map((count, i) => count - before[i]!)).toEqual(Array(n).fill(2));
  });

  it("tallies both workspaces' polls exactly across replicas, each re-rendered with its own token", async () => {
    polls = [await openPoll(A, 'CVOTEA'), await openPoll(B, 'CVOTEB')];
    const expected = polls.map(() => [0, 0, 0]);
    // 3n voters per workspace, interleaved: every replica takes clicks on both polls, changes and withdrawals too.
    for (let i = 0; i < 3 * n; i++)
      for (const [k, team] of TEAMS.entries()) {
        let chosen: number | undefined;
        for (const option of plan(i)) {
          expect((await vote(lb, polls[k]!, team, `UV${i}`, option)).status).toBe(200);
          chosen = chosen === option ? undefined : option;
        }
        if (chosen !== undefined) expected[k]![chosen]!++;
      }
    for (const [k, team] of TEAMS.entries()) {
      const rows = await rig.state.query<{ o: number; c: number }>(
        'SELECT option_idx AS o, count(*) AS c FROM votes WHERE poll_id = ? GROUP BY option_idx ORDER BY option_idx',
        polls[k]!.pollId,
      );
      const stored = [0, 0, 0];
      for (const r of rows) stored[Number(r.o)] = Number(r.c);
      expect(stored).toEqual(expected[k]);
      const shown = await settledRender(rig, polls[k]!);
      expect(shownCounts(shown)).toEqual(expected[k]);
      const edits = rig.fake.callsOf('chat.update').filter((c) => c.body.ts === polls[k]!.ts);
      expect(new Set(edits.map((c) => c.token))).toEqual(new Set([tokenOf(team)]));
    }
  }, 60_000);

  it("posts each workspace's scheduled poll once, with that workspace's token", async () => {
    const channels = { [A]: 'CSCHEDA', [B]: 'CSCHEDB' };
    for (const team of TEAMS) {
      const added = await lb.command('schedule add every monday at 10:00', {
        responseUrl: rig.fake.responseUrl(),
        team,
        channel: channels[team],
      });
      expect(added.status).toBe(200);
    }
    const due = () =>
      rig.state.query<{ id: string }>("SELECT id FROM schedules WHERE channel_id IN ('CSCHEDA', 'CSCHEDB')");
    await until('both schedule rows', async () => (await due()).length === 2);
    const dueAt = Date.now();
    // No seam shortens the wait for Monday: make both occurrences due now in the shared state.
    await rig.state.query(
      "UPDATE schedules SET next_run_at = ? WHERE channel_id IN ('CSCHEDA', 'CSCHEDB')",
      new Date(dueAt - 1000).toISOString(),
    );
    await until('both scheduled polls', () => TEAMS.every((t) => postedIn(channels[t]).length > 0), 15_000);
    // Absence check (only time can tell): every replica has ticked twice since the occurrences fell due.
    await until('two scheduler intervals', () => Date.now() > dueAt + 2 * SCHEDULER_INTERVAL_MS + 1000, 15_000);
    for (const team of TEAMS) expect(postedIn(channels[team]).map((c) => c.token)).toEqual([tokenOf(team)]);
  }, 45_000);

  it('an uninstall handled by one replica cuts that workspace off on every replica; the other keeps working', async () => {
    const before = rig.fake.calls.length;
    expect((await direct(0).event({ type: 'app_uninstalled' }, { eventId: 'EvGone', team: A })).status).toBe(200);
    // The event is acknowledged before its listener runs: wait for the shared state to say it is done.
    await until('the installation to be deleted', async () => {
      const rows = await rig.state.query("SELECT team_id FROM slack_installations WHERE team_id = 'T0ALPHA'");
      return rows.length === 0;
    });
    for (let i = 0; i < n; i++) {
      const refused = await poll(A, 'CVOTEA', direct(i));
      expect([refused.status, JSON.parse(refused.body).text]).toEqual([200, expect.stringMatching(/not installed/)]);
      expect((await vote(direct(i), polls[0]!, A, 'UV0', 0)).status).toBe(401);
      expect((await poll(B, `CAFTER${i}`, direct(i))).status).toBe(200);
    }
    const afterB = await until('B served by every replica', () => {
      const found = Array.from({ length: n }, (_, i) => postedIn(`CAFTER${i}`)[0]);
      return found.every(Boolean) && found;
    });
    expect(afterB.map((c) => c!.token)).toEqual(Array(n).fill(tokenOf(B)));
    expect(rig.fake.calls.slice(before).filter((c) => c.token === tokenOf(A))).toEqual([]);
    const schedules = await rig.state.query<{ w: string }>(
      "SELECT workspace_id AS w FROM schedules WHERE channel_id IN ('CSCHEDA', 'CSCHEDB')",
    );
    expect(schedules.map((s) => s.w)).toEqual([B]);
    const open = await rig.state.query<{ w: string }>(
      'SELECT DISTINCT workspace_id AS w FROM polls WHERE closed_at IS NULL',
    );
    expect(open.map((r) => r.w)).toEqual([B]);
  }, 30_000);

  it('a reinstall is served by every replica again, in channels each replica had seen before', async () => {
    expect((await installThroughOAuth(rig.proxy.url, A)).status).toBe(200);
    // CVOTEA: every replica served a click from it before the uninstall, which only replica 0 heard. The
    // others go first, so none of them can lean on replica 0 recording the channel again.
    const before = postedIn('CVOTEA').length;
    for (let i = n - 1; i >= 0; i--) {
      expect((await poll(A, 'CVOTEA', direct(i))).status).toBe(200);
      await until(`replica ${i}'s poll`, () => postedIn('CVOTEA').length === before + n - i);
    }
    const again = await until('a poll from every replica', () => {
      const posts = postedIn('CVOTEA').slice(before);
      return posts.length === n && posts.every((c) => c.result) && posts;
    });
    expect(again.map((c) => [c.token, c.result?.ok])).toEqual(Array(n).fill([tokenOf(A), true]));
  });
});
