// Votes through the Slack HTTP path: the real bot as its own process (compiled, as in the Docker image,
// Slack HTTP mode), autocannon in another, the fake Slack in a third — on SQLite (one process), and on
// PostgreSQL with three replicas behind a round-robin balancer (bench/storm-targets.ts). 20,000 signed clicks at concurrency
// 50 by 4,000 users who also change and withdraw their votes (clicking their own option again). Each
// user's clicks go through one connection, in order, so the expected final tally is known exactly: any
// failed click or any difference between expected and stored votes is a loss, and the bench exits
// non-zero. Reports clicks per second, vote confirmations delivered (chat.postEphemeral) and RSS.
// Standalone: npx tsx bench/storm.ts [--quick] [--postgres]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SlackSender } from '../test/fakes/slack-requests.js';
import { cannon, FakeSlackProcess } from './load-process.js';
import { report, summarize } from './stats.js';
import { postgresTarget, type StormTarget, sqliteTarget } from './storm-targets.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'storm-secret';

/** The final vote of each user after their clicks in order: a click on one's own option withdraws it. */
function expectedVotes(clicks: [string, number][]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const [user, option] of clicks) {
    if (votes.get(user) === option) votes.delete(user);
    else votes.set(user, option);
  }
  return votes;
}

/** CPU seconds a process has used (utime + stime from /proc, in clock ticks of 1/100 s). */
export function cpuSeconds(pid: number | undefined): number {
  return pid === undefined ? 0 : ticks(`/proc/${pid}/stat`);
}

/** CPU seconds of a process's main thread alone (its task whose id is the process's). */
export function mainThreadCpuSeconds(pid: number | undefined): number {
  return pid === undefined ? 0 : ticks(`/proc/${pid}/task/${pid}/stat`);
}

function ticks(statFile: string): number {
  const f = readFileSync(statFile, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

export interface StormFigures {
  votesPerSecond: number;
  /** CPU during the storm, in cores: all bots together, and the load generator. */
  botCpu: number;
  /** Of botCpu, the bots' main threads (verify, ack, vote, send confirmations), which a storm keeps busy. */
  mainCpu: number;
  loadCpu: number;
  cores: number;
  votesLost: number;
  confirmationRate: number;
  idleRssMb: number;
  stormRssMb: number;
  afterRssMb: number;
  /** Confirmation of each voter's last click, after that click (ms). */
  confirmP99Ms: number;
}

export type StormBackend = 'sqlite' | 'postgres';

/** The build the storm runs (npm run build into a scratch folder), made once per bench run. */
export function buildForBench(): { dist: string; remove(): void } {
  const dist = join(ROOT, '.bench-dist');
  execFileSync(process.execPath, [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(ROOT, 'tsconfig.build.json'),
    '--outDir',
    dist,
  ]);
  return { dist, remove: () => rmSync(dist, { recursive: true, force: true }) };
}

export async function benchStorm(
  opts: { quick?: boolean; backend?: StormBackend; dist?: string } = {},
): Promise<StormFigures> {
  const clicks = opts.quick ? 4_000 : 20_000;
  const backend = opts.backend ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'versus-storm-'));
  const build = opts.dist ? undefined : buildForBench();
  const load = await FakeSlackProcess.start();
  const o = {
    dir,
    // Measure the bot as it is deployed: compiled (npm run build), not through the TypeScript loader.
    dist: opts.dist ?? build!.dist,
    nodeArgs: process.env.STORM_NODE_ARGS?.split(' ').filter(Boolean),
    env: {
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      SLACK_BOT_TOKEN: 'xoxb-storm',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: load.apiUrl,
    },
  };
  let target: StormTarget | undefined;
  try {
    target =
      backend === 'postgres'
        ? await postgresTarget({ ...o, replicas: Number(process.env.STORM_REPLICAS ?? 3) })
        : await sqliteTarget(o);
    return await storm(target, load, clicks);
  } finally {
    await target?.close();
    await load.close();
    rmSync(dir, { recursive: true, force: true });
    build?.remove();
  }
}

async function storm(target: StormTarget, load: FakeSlackProcess, clicks: number): Promise<StormFigures> {
  const rss = () => target.bots.reduce((sum, b) => sum + b.rssMb(), 0);
  await new Promise((r) => setTimeout(r, 2000)); // settle after start-up before reading idle memory
  const idleRss = rss();
  // Open a poll through the bot, then read its vote buttons from the database (the fake runs in the load process).
  await new SlackSender(target.endpoint, SECRET).command('poll', {
    responseUrl: 'http://127.0.0.1:9/unused',
    channel: 'CSTORM',
  });
  let poll: { id: string; message_id: string | null } | undefined;
  for (let i = 0; i < 200 && !poll?.message_id; i++) {
    poll = await target.poll('CSTORM');
    await new Promise((r) => setTimeout(r, 25));
  }
  if (!poll?.message_id) throw new Error('the poll was not posted');
  const actions = [0, 1, 2].map((o) => `v1:poll:vote:${poll.id}:${o}`);
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rss());
  }, 100);
  const botCpu0 = target.bots.map((b) => cpuSeconds(b.child.pid));
  const mainCpu0 = target.bots.map((b) => mainThreadCpuSeconds(b.child.pid));
  const result = await cannon({
    kind: 'votes',
    url: target.endpoint,
    secret: SECRET,
    amount: clicks,
    connections: 50,
    tag: 'storm',
    responseBase: load.responseBase,
    actions,
    messageTs: poll.message_id,
    channel: 'CSTORM',
  });
  clearInterval(sampler);
  const botCpu = target.bots.reduce((n, b, i) => n + cpuSeconds(b.child.pid) - botCpu0[i]!, 0) / result.seconds;
  const mainCpu =
    target.bots.reduce((n, b, i) => n + mainThreadCpuSeconds(b.child.pid) - mainCpu0[i]!, 0) / result.seconds;
  const stored = await target.votes(poll.id);
  const want = expectedVotes(result.clicks!);
  let wrong = 0;
  for (const u of new Set([...want.keys(), ...stored.keys()])) if (want.get(u) !== stored.get(u)) wrong++;
  const failed = result.non2xx + result.errors + result.timeouts;
  const lost = failed + wrong;
  const perSecond = result.ok / result.seconds;
  const ended = Date.now();
  // Confirmations are sent after the ack, behind other acks, and only a voter's newest waiting one is sent:
  // each voter's last click must be confirmed. Give them up to 60 s, then time each from its click.
  const last = result.lastClick!;
  const voters = Object.keys(last);
  let shown: Record<string, number> = {};
  for (let i = 0; i < 300; i++) {
    shown = await load.lastEphemeral();
    if (voters.every((u) => (shown[u] ?? 0) >= last[u]!)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const confirmedAfter = voters.filter((u) => (shown[u] ?? 0) >= last[u]!).map((u) => shown[u]! - last[u]!);
  const confirmP = summarize(confirmedAfter);
  const confirmed = await load.calls('chat.postEphemeral');
  // Memory a storm leaves behind: 30 s after its last click.
  await new Promise((r) => setTimeout(r, Math.max(0, ended + 30_000 - Date.now())));
  const afterRss = rss();
  const superseded = result.clicks!.length - want.size;
  const n = target.bots.length;
  report(
    `Vote storm through the Slack HTTP path — ${target.label} (${clicks.toLocaleString('en-US')} signed clicks by 4,000 users, autocannon at concurrency 50, each bot in its own process)`,
    [
      ['clicks acknowledged / failed', `${result.ok} / ${failed}`],
      ['clicks per second', perSecond.toFixed(0), '≥ 1,500'],
      ['users whose stored vote ≠ their last click', `${wrong}`, '0'],
      ['votes lost (failed + wrong)', `${lost}${lost === 0 ? ': none' : ' — FAIL'}`, '0'],
      [
        'votes at the end / clicks superseded (changes, withdrawals)',
        `${stored.size} / ${superseded.toLocaleString('en-US')}`,
      ],
      ['voters whose last click was confirmed', `${confirmedAfter.length} of ${voters.length}`, 'all'],
      [
        "confirmation after the voter's last click, p50 / p99",
        `${confirmP.p50.toFixed(0)} / ${confirmP.p99.toFixed(0)} ms`,
        'p99 ≤ 2,000 ms',
      ],
      ['confirmations sent (only the newest waiting one per voter)', `${confirmed} for ${result.ok} clicks`],
      [
        'CPU: bot(s) / load generator',
        `${(botCpu * 100).toFixed(0)} % / ${(result.cpuShare * 100).toFixed(0)} % of a core (${cpus().length} cores)`,
      ],
      // Clicks per second follow the CPU the bot gets on a shared machine; its CPU per click much less so.
      [
        'bot CPU per click (all bots), of it main threads',
        `${((botCpu / perSecond) * 1000).toFixed(2)} ms, ${((mainCpu / perSecond) * 1000).toFixed(2)} ms`,
      ],
      [`bot RSS idle${n > 1 ? `, ${n} processes together` : ''}`, `${idleRss.toFixed(0)} MB`, n > 1 ? '' : '≤ 120 MB'],
      [`bot RSS peak under the storm${n > 1 ? `, ${n} together` : ''}`, `${peakRss.toFixed(0)} MB`, '≤ 300 MB'],
      [`bot RSS 30 s after the storm${n > 1 ? `, ${n} together` : ''}`, `${afterRss.toFixed(0)} MB`, '≤ 200 MB'],
    ],
  );
  if (lost > 0) process.exitCode = 1;
  return {
    votesPerSecond: perSecond,
    botCpu,
    mainCpu,
    loadCpu: result.cpuShare,
    cores: cpus().length,
    votesLost: lost,
    confirmationRate: confirmedAfter.length / Math.max(1, voters.length),
    idleRssMb: idleRss,
    stormRssMb: peakRss,
    afterRssMb: afterRss,
    confirmP99Ms: confirmP.p99,
  };
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await benchStorm({
    quick: process.argv.includes('--quick'),
    backend: process.argv.includes('--postgres') ? 'postgres' : 'sqlite',
  });
}
