// Issue #15: three bot processes, as if on three hosts (each its own VERSUS_DB, so its own knowledge index)
// on one PostgreSQL (DATABASE_URL), behind a round-robin load balancer without retries.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SlackSender } from '../fakes/slack-requests.js';
import { copyKnowledge } from '../helpers/core.js';
import { type Replicas, startReplicas } from '../helpers/replicas.js';
import { INTERVALS, openPoll, SCHEDULER_INTERVAL_MS, SECRET, settledRender, shownCounts, until } from './poll-storm.js';

/** The fixture knowledge plus one document of long claims, so one `/versus ask` answer needs two pages. */
function knowledgeWithLongAnswer() {
  const kb = copyKnowledge();
  const filler =
    'In the measured service the Go build kept its latency flat while the Python build queued requests under the same load, and the gap held across every run we repeated. ';
  const bullets = Array.from(
    { length: 12 },
    (_, i) =>
      `- Go served ${i + 2}0,000 requests per second in benchmark ${i + 1}, faster than Python. ${filler.repeat(15)}{kind=benchmark side=go topics=performance}`,
  );
  writeFileSync(
    join(kb.dir, 'long.md'),
    `---\nid: long\ntitle: Long Benchmarks\nurl: https://example.com/long\n---\n\n# Long Benchmarks\n\n## Throughput\n\n${bullets.join('\n')}\n`,
  );
  return kb;
}

describe('three replicas on PostgreSQL, each with its own knowledge index, behind a round-robin load balancer', () => {
  let rig: Replicas;
  let kb: ReturnType<typeof copyKnowledge>;
  beforeAll(async () => {
    kb = knowledgeWithLongAnswer();
    rig = await startReplicas({ n: 3, secret: SECRET, knowledgeDir: kb.dir, backend: 'postgres', env: INTERVALS });
  }, 60_000);
  afterAll(async () => {
    await rig?.stop();
    kb?.cleanup();
  });
  afterEach(() => rig?.fake.clear());

  // Without the render lease each replica edited on its own, so a slow edit that read an older tally could
  // be applied after a newer one and stay. With it, replica 1 waits until replica 0's edit is answered
  // (plus the pace), then re-reads the tally and edits last.
  it('two replicas editing one poll message: the edit Slack applies last shows the final tally', async () => {
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
    // Meanwhile a second vote reaches replica 1; without the lease its edit (two votes) was applied first.
    expect((await direct(1).action(poll.actions[1]!, click('USTALE2'))).status).toBe(200);
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
    // The replica that lost the insert-if-absent says so; it is then done with the event (events.ts).
    const dropped = () => rig.bots.flatMap((b) => b.logs).filter((l) => /EvRETRY1.*duplicate delivery/.test(l));
    await until('the duplicate to be dropped', () => dropped().length > 0);
    expect(dropped()).toHaveLength(1);
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
    // Absence check (only time can tell): every replica has ticked at least once since the occurrence fell
    // due; two intervals, as a tick may run late on a loaded machine.
    await until(
      'two scheduler intervals',
      () => Date.now() > dueAt + 2 * SCHEDULER_INTERVAL_MS + 1000,
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

  it('each replica has its own knowledge index file and the shared state is in PostgreSQL', async () => {
    expect(rig.state.backend).toBe('postgres');
    const files = [0, 1, 2].map((i) => rig.state.env(i).VERSUS_DB!);
    expect(new Set(files).size).toBe(3);
    for (const f of files) expect(existsSync(f), f).toBe(true);
    for (const i of [0, 1, 2]) expect(rig.state.env(i).DATABASE_URL).toMatch(/^postgres/);
  });

  it('a More button rendered by one replica is served by another: page 2 replaces the message', async () => {
    const send = new SlackSender(rig.endpoint, SECRET);
    const url = rig.fake.responseUrl();
    const asked = await send.command('ask go requests per second benchmark', { responseUrl: url, channel: 'CMORE' });
    expect(asked.status).toBe(200);
    const at = (u: string) => rig.fake.responses.filter((r) => r.path === new URL(u).pathname);
    const [first] = await until('the paged answer', () => at(url).length > 0 && at(url));
    const page1 = JSON.stringify(first!.body.blocks);
    expect(page1).toMatch(/Page 1 of 2/);
    const more = /"action_id":"(slack:page:[^"]+:2)"/.exec(page1)?.[1];
    expect(more).toBeDefined();
    // Round robin: the click lands on the next replica, which never rendered (nor kept in memory) these pages.
    const clickUrl = rig.fake.responseUrl();
    const clicked = await send.action(more!, { user: 'U1', channel: 'CMORE', responseUrl: clickUrl });
    expect(clicked.status).toBe(200);
    expect(clicked.headers['x-replica']).not.toBe(asked.headers['x-replica']);
    const [second] = await until('page 2', () => at(clickUrl).length > 0 && at(clickUrl));
    const page2 = JSON.stringify(second!.body.blocks);
    expect(second!.body.replace_original).toBe(true);
    expect(page2).not.toMatch(/no longer in memory/);
    expect(page2).toMatch(/requests per second/);
    expect(page2).not.toBe(page1);
    expect(page2).not.toMatch(/slack:page:/); // the last page: no More button
  });
});
