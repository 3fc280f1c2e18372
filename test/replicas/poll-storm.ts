import { expect } from 'vitest';
import { runConcurrent } from '../../bench/load.js';
import type { SlackCall } from '../fakes/slack-fake.js';
import { SlackSender } from '../fakes/slack-requests.js';
import type { Replicas } from '../helpers/replicas.js';

// Votes on a poll through the replicas' load balancer, and what the shared state and Slack show after.

/** The signing secret every replica shares. */
export const SECRET = 'replicas-secret';
/** The replicas' pace between two edits of one poll message (VERSUS_POLL_UPDATE_INTERVAL_MS; default 1 s). */
export const RENDER_INTERVAL_MS = 500;
/** How often each replica's scheduler ticks (VERSUS_SCHEDULER_INTERVAL_MS; default 15 s). */
export const SCHEDULER_INTERVAL_MS = 2000;
/** Environment every replica gets: the intervals above, so absences can be waited out in seconds. */
export const INTERVALS = {
  VERSUS_POLL_UPDATE_INTERVAL_MS: String(RENDER_INTERVAL_MS),
  VERSUS_SCHEDULER_INTERVAL_MS: String(SCHEDULER_INTERVAL_MS),
};

/** Polls `probe` until it returns something truthy; fails with `what` after `ms`. */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 20_000,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const voteButtons = (blocks: unknown) => JSON.stringify(blocks).match(/v1:poll:vote:[^"]+:\d+/g) ?? [];
/** The counts a rendered poll message shows, option by option ("… 40% (12)"). */
export const shownCounts = (c: SlackCall) =>
  [...JSON.stringify(c.body.blocks).matchAll(/% \((\d+)\)/g)].map((m) => Number(m[1]));

export async function openPoll(rig: Replicas, channel: string) {
  const send = new SlackSender(rig.endpoint, SECRET);
  expect((await send.command('poll', { responseUrl: rig.fake.responseUrl(), channel })).status).toBe(200);
  const post = await until('the poll message', () =>
    rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === channel && c.result),
  );
  const actions = voteButtons(post.body.blocks);
  return { pollId: actions[0]!.split(':')[3]!, actions, ts: String(post.result!.ts), channel };
}
export type Poll = Awaited<ReturnType<typeof openPoll>>;

/**
 * Each voter clicks their options in order through the load balancer. A click answered 502 or with a
 * connection error is sent again (a new signed request, as a user clicking again) until acknowledged.
 * `expected` applies only acknowledged clicks; `maybe` also applies a click whose replica died with it
 * (`reset`: it may or may not have been stored before the kill).
 */
export async function storm(
  rig: Replicas,
  poll: Poll,
  voters: number,
  plan: (i: number) => number[],
  onAck?: (n: number) => void,
) {
  const send = new SlackSender(rig.endpoint, SECRET);
  const expected = new Map<string, number | undefined>();
  const maybe = new Map<string, Set<number | undefined>>();
  const failures = { refused: 0, reset: 0, other: 0 };
  let acks = 0;
  /** Round-trip time of each acknowledged click, ms (a click acknowledged after 2 s was acked at the deadline). */
  const latencies: number[] = [];
  const toggle = (s: number | undefined, o: number) => (s === o ? undefined : o);
  await runConcurrent(voters, 40, async (i) => {
    const user = `V${i}`;
    let states = new Set<number | undefined>([undefined]);
    let strict: number | undefined;
    for (const option of plan(i)) {
      for (;;) {
        const r = await send
          .action(poll.actions[option]!, {
            user,
            channel: poll.channel,
            messageTs: poll.ts,
            responseUrl: rig.fake.responseUrl(),
          })
          .catch(() => ({ status: 0, ms: 0, headers: {} as Record<string, string> }));
        if (r.status === 200) {
          latencies.push(r.ms);
          break;
        }
        const why =
          r.status === 502 && r.headers['x-proxy-error'] === 'refused'
            ? 'refused'
            : r.status === 502
              ? 'reset'
              : 'other';
        failures[why]++;
        // An unknown outcome: the click may have toggled the vote already.
        if (why !== 'refused') states = new Set([...states, ...[...states].map((s) => toggle(s, option))]);
      }
      strict = toggle(strict, option);
      states = new Set([...states].map((s) => toggle(s, option)));
      acks++;
      onAck?.(acks);
    }
    expected.set(user, strict);
    maybe.set(user, states);
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const latency = { p50: at(0.5), p99: at(0.99), max: at(1), over2s: latencies.filter((ms) => ms >= 2000).length };
  return { expected, maybe, failures, acks, latency };
}

export const tallyOf = (votes: Map<string, number | undefined>, options: number) => {
  const counts = Array<number>(options).fill(0);
  for (const o of votes.values()) if (o !== undefined) counts[o]!++;
  return counts;
};

export async function votesIn(rig: Replicas, pollId: string) {
  const rows = await rig.state.query<{ u: string; o: number }>(
    'SELECT user_id AS u, option_idx AS o FROM votes WHERE poll_id = ?',
    pollId,
  );
  return new Map(rows.map((r) => [r.u, Number(r.o)]));
}

/**
 * The poll message as Slack shows it once re-renders have settled: the edit Slack applied last (answer
 * order, which a slow edit can make differ from arrival order). Settled: the database says its latest
 * version was shown, every edit was answered, and none arrived for three coalescing intervals (an
 * absence can only be waited out).
 */
export async function settledRender(rig: Replicas, poll: Poll, timeoutMs = 20_000): Promise<SlackCall> {
  const edits = () => rig.fake.callsOf('chat.update').filter((c) => c.body.ts === poll.ts);
  let seen = -1;
  let since = Date.now();
  return until(
    're-renders to settle',
    async () => {
      const all = edits();
      if (all.length !== seen) [seen, since] = [all.length, Date.now()];
      const [v] = await rig.state.query<{ version: number; rendered: number }>(
        'SELECT version, rendered_version AS rendered FROM polls WHERE id = ?',
        poll.pollId,
      );
      const settled =
        all.length > 0 &&
        all.every((c) => c.answeredSeq) &&
        Number(v!.rendered) >= Number(v!.version) &&
        Date.now() - since > 3 * RENDER_INTERVAL_MS;
      return settled && all.reduce((a, b) => (b.answeredSeq! > a.answeredSeq! ? b : a));
    },
    timeoutMs,
  );
}

/** Voter i: votes; some change their vote, some withdraw it (clicking their own option again), some both. */
export const plan = (i: number) => {
  const a = i % 3;
  const b = (a + 1) % 3;
  return [[a], [a], [a], [a], [a], [a], [a, b], [a, b], [a, a], [a, b, b]][i % 10]!;
};
