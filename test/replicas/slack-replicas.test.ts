import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackSender } from '../fakes/slack-requests.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';
import { type Replicas, startReplicas } from '../helpers/replicas.js';
import {
  openPoll,
  plan,
  SCHEDULER_INTERVAL_MS,
  SECRET,
  settledRender,
  shownCounts,
  storm,
  tallyOf,
  until,
  votesIn,
} from './poll-storm.js';

describe('three replicas behind a round-robin load balancer, one shared state', () => {
  let rig: Replicas;
  beforeAll(async () => {
    rig = await startReplicas({ n: 3, secret: SECRET, knowledgeDir: FIXTURE_KNOWLEDGE });
  }, 60_000);
  afterAll(async () => {
    await rig?.stop();
  });
  afterEach(() => rig?.fake.clear());

  it('1,000 voters: the stored tally and the last message edit equal the acknowledged clicks', async () => {
    const poll = await openPoll(rig, 'CSTORM');
    const served = [...rig.proxy.served];
    const s = await storm(rig, poll, 1000, plan);
    expect(s.failures).toEqual({ refused: 0, reset: 0, other: 0 });
    expect(s.acks).toBe(1500);
    // Round robin: every replica took its third of the clicks.
    for (const [i, n] of rig.proxy.served.entries()) expect(n - served[i]!).toBeGreaterThanOrEqual(499);
    const want = tallyOf(s.expected, 3);
    expect(tallyOf(await votesIn(rig, poll.pollId), 3)).toEqual(want);
    expect(await votesIn(rig, poll.pollId)).toEqual(new Map([...s.expected].filter(([, o]) => o !== undefined)));
    expect(shownCounts(await settledRender(rig, poll))).toEqual(want);
  }, 60_000);

  // Fails today: each replica edits the message on its own, so a slow edit that read an older tally can
  // be applied after a newer one and stay. The lead's render lease (one editor per message at a time,
  // the next one re-reads) is the fix; flip this to `it` when it lands.
  it.fails('two replicas editing one poll message: the edit Slack applies last shows the final tally', async () => {
    const poll = await openPoll(rig, 'CSTALE');
    const direct = (i: number) => new SlackSender(`http://127.0.0.1:${rig.bots[i]!.port}/slack/events`, SECRET);
    const click = (user: string) => ({
      user,
      channel: poll.channel,
      messageTs: poll.ts,
      responseUrl: rig.fake.responseUrl(),
    });
    const edits = () => rig.fake.callsOf('chat.update').filter((c) => c.body.ts === poll.ts);
    // Replica 0's edit is slow at Slack: it shows one vote and takes 3 s to be applied.
    rig.fake.inject('chat.update', { delayMs: 3000 });
    expect((await direct(0).action(poll.actions[0]!, click('USTALE1'))).status).toBe(200);
    await until('replica 0 to send its edit', () => edits().length === 1);
    // Meanwhile a second vote reaches replica 1, whose edit (two votes) is applied first.
    expect((await direct(1).action(poll.actions[1]!, click('USTALE2'))).status).toBe(200);
    // The one assertion expected to fail until the lease lands.
    expect(shownCounts(await settledRender(rig, poll))).toEqual([1, 1, 0]);
  });

  it('a Slack retry of an app_mention delivered to another replica is answered once', async () => {
    const send = new SlackSender(rig.endpoint, SECRET);
    const event = {
      type: 'app_mention',
      user: 'URETRY',
      channel: 'CRETRY',
      ts: '1700000500.000100',
      text: '<@UBOT> is go faster than python?',
    };
    // Slack retries when the first delivery is slow: both arrive while the first is still being handled.
    const [first, retry] = await Promise.all([
      send.event(event, { eventId: 'EvRETRY1' }),
      // A later delivery attempt: its own timestamp, so its own signature (not a replay).
      send.event(event, { eventId: 'EvRETRY1', retryNum: 1 }, { timestamp: Math.floor(Date.now() / 1000) + 1 }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(first.headers['x-replica']).not.toBe(retry.headers['x-replica']);
    const answers = () => rig.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CRETRY');
    await until('the answer', () => answers().length > 0);
    await new Promise((r) => setTimeout(r, 1000)); // absence check: no second answer follows
    expect(answers()).toHaveLength(1);
    expect(answers()[0]!.body.thread_ts).toBe(event.ts);
  });

  it('a replayed request is refused by every replica', async () => {
    const send = new SlackSender(rig.endpoint, SECRET);
    const url = rig.fake.responseUrl();
    const original = await send.command('help', { responseUrl: url, channel: 'CREPLAY' });
    expect(original.status).toBe(200);
    const replays = [];
    for (let i = 0; i < 3; i++) replays.push(await send.replayLast());
    expect(replays.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(new Set(replays.map((r) => r.headers['x-replica']))).toEqual(new Set(['0', '1', '2']));
    const answered = () => rig.fake.responses.filter((r) => r.path === new URL(url).pathname);
    // A 401 is decided before the request reaches the app, so nothing more can be answered later.
    await until('the one answer', () => answered().length > 0);
    expect(answered()).toHaveLength(1);
  });

  it('a scheduled debate poll is posted once per occurrence by three replicas', async () => {
    const send = new SlackSender(rig.endpoint, SECRET);
    const ok = await send.command('schedule add every monday at 10:00', {
      responseUrl: rig.fake.responseUrl(),
      channel: 'CSCHED',
    });
    expect(ok.status).toBe(200);
    const [s] = await until('the schedule row', () =>
      rig.state
        .query<{ id: string; next: string }>(
          "SELECT id, next_run_at AS next FROM schedules WHERE channel_id = 'CSCHED'",
        )
        .then((rows) => rows.length > 0 && rows),
    );
    const monday = s!.next;
    // No seam shortens the wait for Monday: make the occurrence due now in the shared state instead.
    const dueAt = Date.now();
    await rig.state.query(
      'UPDATE schedules SET next_run_at = ? WHERE id = ?',
      new Date(dueAt - 1000).toISOString(),
      s!.id,
    );
    const posts = () => rig.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CSCHED');
    await until('the scheduled poll', () => posts().length > 0, SCHEDULER_INTERVAL_MS + 5000);
    // Absence check: wait until every replica has ticked at least once since the occurrence fell due.
    await until(
      'one scheduler interval',
      () => Date.now() > dueAt + SCHEDULER_INTERVAL_MS + 1000,
      SCHEDULER_INTERVAL_MS + 5000,
    );
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0]!.body.blocks)).toMatch(/Team Go|Debate/);
    const [after] = await rig.state.query<{ next: string; last: string | null }>(
      'SELECT next_run_at AS next, last_run_at AS last FROM schedules WHERE id = ?',
      s!.id,
    );
    expect(after).toMatchObject({ next: monday });
    expect(after!.last).not.toBeNull();
    const polls = await rig.state.query<{ n: number }>('SELECT count(*) AS n FROM polls WHERE schedule_id = ?', s!.id);
    expect(Number(polls[0]!.n)).toBe(1);
  }, 45_000);
});

describe('a replica killed mid-storm', () => {
  let rig: Replicas | undefined;
  afterEach(async () => {
    await rig?.stop();
  });

  it('SIGKILL one of three mid-storm: no acknowledged vote is lost, failed clicks retried through the proxy land', async () => {
    rig = await startReplicas({ n: 3, secret: SECRET, knowledgeDir: FIXTURE_KNOWLEDGE });
    const r = rig;
    const poll = await openPoll(r, 'CKILL');
    let killing: Promise<void> | undefined;
    const s = await storm(r, poll, 1000, plan, (acks) => {
      if (acks === 400) killing = r.kill(1);
    });
    await killing;
    expect(r.proxy.down).toEqual(new Set([1]));
    const stored = await votesIn(r, poll.pollId);
    // A click whose replica died holding it may or may not be stored; every other outcome is exact.
    const wrong = [...s.maybe].filter(([u, states]) => !states.has(stored.get(u)));
    expect(wrong).toEqual([]);
    const unsure = [...s.maybe].filter(([, states]) => states.size > 1).map(([u]) => u);
    const exact = new Map([...s.expected].filter(([u]) => !unsure.includes(u)));
    for (const [u, o] of exact) expect(stored.get(u), u).toBe(o);
    const resolved = new Map([...s.expected].map(([u, o]) => [u, unsure.includes(u) ? stored.get(u) : o]));
    expect(tallyOf(stored, 3)).toEqual(tallyOf(resolved, 3));
    // The dead replica's pending edit is gone; the survivors' last edit still shows the final tally.
    expect(shownCounts(await settledRender(r, poll))).toEqual(tallyOf(stored, 3));
    console.info(
      `kill mid-storm: ${s.acks} acks, failures ${JSON.stringify(s.failures)}, ${unsure.length} unsure voters`,
    );
  }, 60_000);
});
