// The load generator: autocannon (a tool made for HTTP load) in its own process, sending signed Slack
// requests. Slash commands carry a response_url with a request id, so the fake Slack process can time
// each answer from the moment its command was sent. Votes come from users bound to one connection each,
// so one user's clicks arrive in order and the expected tally is known exactly.
// Input: one JSON CannonJob as argv[2]. Output: one JSON CannonResult line.
import autocannon from 'autocannon';
import { signature } from '../test/fakes/slack-requests.js';
import { commandForm } from './command-form.js';
import { rng } from './stats.js';

export interface CannonJob {
  kind: 'commands' | 'votes';
  url: string;
  secret: string;
  amount: number;
  connections: number;
  /** Prefix of every request id, so rounds never share one. */
  tag: string;
  /** commands: texts in rotation; their answers go to `${responseBase}/<id>`. */
  commands?: string[];
  responseBase: string;
  /** votes: the poll's vote action ids, its message ts and channel. */
  actions?: string[];
  messageTs?: string;
  channel?: string;
}

export interface CannonResult {
  /** Epoch ms at which each request id was handed to the socket. */
  sent: Record<string, number>;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  /** CPU the load generator used, as a share of one core over the run. */
  cpuShare: number;
  /** votes: the clicks in the order each user made them. */
  clicks?: [user: string, option: number][];
  /** votes: when each user's last click was sent (epoch ms), by user id. */
  lastClick?: Record<string, number>;
}

const job = JSON.parse(process.argv[2]!) as CannonJob;
const now = () => performance.timeOrigin + performance.now();
const sent: Record<string, number> = {};
const clicks: [string, number][] = [];
const lastClick: Record<string, number> = {};
let seq = 0;
let connections = 0;

function signed(body: string, contentType: string) {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signature(job.secret, ts, body),
  };
}

function command(): { body: string; headers: Record<string, string> } {
  const id = `${job.tag}-${seq++}`;
  const form = commandForm({
    user: `U${seq % 300}`,
    text: job.commands![seq % job.commands!.length]!,
    responseUrl: `${job.responseBase}/${id}`,
    triggerId: `trig.${id}`,
  });
  sent[id] = now();
  return { body: form, headers: signed(form, 'application/x-www-form-urlencoded') };
}

/** A click by one of this connection's 80 users: mostly their own side, sometimes the other, or the same again (withdraw). */
function vote(ctx: { conn?: number; r?: () => number }): { body: string; headers: Record<string, string> } {
  ctx.conn ??= connections++;
  ctx.r ??= rng(1000 + ctx.conn);
  const user = `V${ctx.conn}-${Math.floor(ctx.r() * 80)}`;
  const option = Math.floor(ctx.r() * job.actions!.length);
  clicks.push([user, option]);
  lastClick[user] = now();
  const payload = JSON.stringify({
    // The full shape Slack sends: the edge's zod check (adapters/slack/payloads.ts) refuses less.
    type: 'block_actions',
    api_app_id: 'A1',
    user: { id: user, username: user, team_id: 'T0FAKE' },
    team: { id: 'T0FAKE', domain: 'fake' },
    channel: { id: job.channel, name: 'backend' },
    message: { type: 'message', ts: job.messageTs, text: 'x' },
    container: { type: 'message', message_ts: job.messageTs, channel_id: job.channel, is_ephemeral: false },
    trigger_id: `trig.${job.tag}-${seq++}`,
    response_url: `${job.responseBase}/${job.tag}-${seq}`,
    actions: [
      {
        action_id: job.actions![option],
        block_id: 'b1',
        type: 'button',
        value: String(option),
        text: { type: 'plain_text', text: 'x' },
        action_ts: String(Date.now() / 1000),
      },
    ],
  });
  const body = new URLSearchParams({ payload }).toString();
  return { body, headers: signed(body, 'application/x-www-form-urlencoded') };
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
// One request spec per request: autocannon resets a connection's context when it wraps around the list.
const spec = {
  method: 'POST' as const,
  setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => ({
    ...req,
    ...(job.kind === 'commands' ? command() : vote(ctx as { conn?: number; r?: () => number })),
  }),
};
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  amount: job.amount,
  timeout: 30,
  requests: Array.from({ length: job.amount + job.connections }, () => spec),
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({
    sent,
    ackP50: result.latency.p50,
    ackP99: result.latency.p99,
    ackMax: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    cpuShare: (cpu.user + cpu.system) / 1000 / (seconds * 1000),
    clicks: job.kind === 'votes' ? clicks : undefined,
    lastClick: job.kind === 'votes' ? lastClick : undefined,
  } satisfies CannonResult)}\n`,
);
