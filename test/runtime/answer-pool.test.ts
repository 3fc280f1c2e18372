import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackBotRig, slackBotRig } from '../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE, REAL_KNOWLEDGE } from '../helpers/core.js';
import { EXAMPLE } from '../verdict/example.js';

const SECRET = 'pool-secret';
const BUSY = 'Versus is busy — ask again in a moment.';

interface PoolStats {
  workers: number;
  queued: number;
  computed: number;
  shed: number;
  failed: number;
}

async function poolStats(rig: SlackBotRig): Promise<PoolStats> {
  const res = await fetch(`http://127.0.0.1:${rig.bot.port}/readyz`);
  return ((await res.json()) as { details: { answers: PoolStats } }).details.answers;
}

/** The response_url post of one slash command, as the fake received it. */
async function commandReply(rig: SlackBotRig, text: string, user = 'U1'): Promise<Record<string, unknown>> {
  const url = rig.fake.responseUrl();
  const sent = await rig.send.command(text, { responseUrl: url, user });
  expect(sent.status).toBe(200);
  return (await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname), 15_000)).body;
}

/** The nice value of each of a process's threads, by thread id (Linux /proc, field 19 of stat). */
function threadNice(pid: number): Map<number, number> {
  const tids = readdirSync(`/proc/${pid}/task`).map(Number);
  const nice = (tid: number) =>
    Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
  return new Map(tids.map((tid) => [tid, nice(tid)]));
}

// Each test starts the bot from source, and each worker loads tsx again: slow on a busy machine.
describe('answers computed in worker threads (real bot process, signed HTTP)', () => {
  let rig: SlackBotRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('ask, compare and a mention are computed by the pool and answered as on the main thread', async () => {
    rig = await slackBotRig(SECRET, FIXTURE_KNOWLEDGE, { VERSUS_ANSWER_WORKERS: '2' });
    expect(await poolStats(rig)).toEqual({ workers: 2, queued: 0, computed: 0, shed: 0, failed: 0 });
    if (process.platform === 'linux') {
      // Acks first when the CPU is contended: the two workers run at nice 10, the main thread as started.
      const nice = threadNice(rig.bot.child.pid!);
      expect(nice.get(rig.bot.child.pid!)).toBe(0);
      expect([...nice.values()].filter((n) => n === 10)).toHaveLength(2);
    }
    const ask = JSON.stringify(await commandReply(rig, 'ask how much memory does a goroutine start with?'));
    expect(ask).toContain('2 KB of stack');
    const compare = JSON.stringify(await commandReply(rig, 'compare concurrency'));
    expect(compare).toContain('Concurrency');
    await rig.send.event(
      { type: 'app_mention', user: 'U2', text: '<@UBOT> does the GIL matter for backends?', ts: '1.1', channel: 'C9' },
      { eventId: 'EvPool1' },
    );
    const mention = await rig.fake.waitFor(() => rig!.fake.callsOf('chat.postMessage')[0], 15_000);
    expect(JSON.stringify(mention.body)).toMatch(/GIL/);
    // Help is not an answer: it never reaches the pool.
    expect(JSON.stringify(await commandReply(rig, 'help'))).toContain('/versus ask');
    expect(await poolStats(rig)).toEqual({ workers: 2, queued: 0, computed: 3, shed: 0, failed: 0 });
  }, 120_000);

  it('an answer due later than VERSUS_BUSY_AFTER_MS gets the private busy reply, is counted, and polls still work', async () => {
    // 1 ms: every answer would be late, so each is declined; nothing else is.
    rig = await slackBotRig(SECRET, FIXTURE_KNOWLEDGE, { VERSUS_ANSWER_WORKERS: '1', VERSUS_BUSY_AFTER_MS: '1' });
    const busy = await commandReply(rig, 'ask does the GIL matter for backends?');
    expect(busy.response_type).toBe('ephemeral');
    expect(JSON.stringify(busy)).toContain(BUSY);
    const poll = await commandReply(rig, 'poll "Go or Python?" "Go" "Python"');
    expect(JSON.stringify(poll)).not.toContain(BUSY);
    expect(rig.fake.callsOf('chat.postMessage')).toHaveLength(1);
    expect(await poolStats(rig)).toEqual({ workers: 1, queued: 0, computed: 0, shed: 1, failed: 0 });
  }, 120_000);

  it('under a burst past one worker’s capacity, every ask gets an answer or the busy reply, and the count adds up', async () => {
    rig = await slackBotRig(SECRET, FIXTURE_KNOWLEDGE, { VERSUS_ANSWER_WORKERS: '1', VERSUS_BUSY_AFTER_MS: '50' });
    const n = 150;
    const urls = Array.from({ length: n }, () => rig!.fake.responseUrl());
    const sent = await Promise.all(
      urls.map((responseUrl, i) =>
        rig!.send.command('ask how much memory does a goroutine start with?', { responseUrl, user: `U${i}` }),
      ),
    );
    expect(sent.filter((s) => s.status === 200)).toHaveLength(n);
    await rig.fake.waitFor(() => rig!.fake.responses.length >= n || undefined, 30_000);
    const replies = rig.fake.responses.map((r) => JSON.stringify(r.body));
    const busy = replies.filter((r) => r.includes(BUSY)).length;
    const answered = replies.filter((r) => r.includes('2 KB of stack')).length;
    expect(busy + answered).toBe(n);
    expect(busy).toBeGreaterThan(0);
    expect(await poolStats(rig)).toEqual({ workers: 1, queued: 0, computed: answered, shed: busy, failed: 0 });
  }, 120_000);

  it('a verdict is computed by the pool, scored under the channel’s weights', async () => {
    rig = await slackBotRig(SECRET, REAL_KNOWLEDGE, { VERSUS_ANSWER_WORKERS: '1' });
    const first = JSON.stringify(await commandReply(rig, `verdict ${EXAMPLE}`));
    expect(first).toContain('Verdict: Strong Python');
    expect(first).toContain('Shipping a first version fast → Python +3');
    // The channel's weights are shared state the main thread reads; the worker scores under them.
    rig.fake.admins.add('U1');
    expect(JSON.stringify(await commandReply(rig, 'matrix weights prototype-speed off'))).toContain('prototype-speed');
    const weighted = JSON.stringify(await commandReply(rig, `verdict ${EXAMPLE}`));
    expect(weighted).toContain('Verdict:');
    expect(weighted).not.toContain('Shipping a first version fast → Python +3');
    expect(await poolStats(rig)).toEqual({ workers: 1, queued: 0, computed: 2, shed: 0, failed: 0 });
  }, 120_000);

  it('a verdict due later than VERSUS_BUSY_AFTER_MS gets the private busy reply', async () => {
    rig = await slackBotRig(SECRET, REAL_KNOWLEDGE, { VERSUS_ANSWER_WORKERS: '1', VERSUS_BUSY_AFTER_MS: '1' });
    const busy = await commandReply(rig, `verdict ${EXAMPLE}`);
    expect(busy.response_type).toBe('ephemeral');
    expect(JSON.stringify(busy)).toContain(BUSY);
    expect(await poolStats(rig)).toEqual({ workers: 1, queued: 0, computed: 0, shed: 1, failed: 0 });
  }, 120_000);
});
