// Votes through the Slack HTTP path: the real bot as its own process (src/main.ts, Slack HTTP mode), a
// load generator + fake Slack in another, 20,000 signed block_actions votes at concurrency 50. Reports
// votes per second, that none was lost (sum of tallies == votes acknowledged), and the bot's RSS idle
// and under the storm. The bot is the compiled build (as in the Docker image). Standalone: npx tsx bench/storm.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { SlackSender } from '../test/fakes/slack-requests.js';
import { startBot } from '../test/helpers/bot-process.js';
import { LoadProcess } from './load-process.js';
import { report } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const SECRET = 'storm-secret';
const VOTES = 20_000;

export async function benchStorm(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'versus-storm-'));
  const load = await LoadProcess.start();
  const dbPath = join(dir, 'versus.db');
  // Measure the bot as it is deployed: compiled (npm run build), not through the TypeScript loader.
  const dist = join(ROOT, '.bench-dist');
  execFileSync(process.execPath, [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(ROOT, 'tsconfig.build.json'),
    '--outDir',
    dist,
  ]);
  const bot = await startBot(
    {
      VERSUS_DB: dbPath,
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      SLACK_BOT_TOKEN: 'xoxb-storm',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: load.apiUrl,
    },
    30_000,
    process.env.STORM_NODE_ARGS?.split(' ').filter(Boolean),
    dist,
  );
  try {
    await new Promise((r) => setTimeout(r, 2000)); // settle after start-up before reading idle memory
    const idleRss = bot.rssMb();
    // Open a poll through the bot, then read its vote buttons from the database (the fake runs in the load process).
    await new SlackSender(bot.endpoint, SECRET).command('poll', {
      responseUrl: 'http://127.0.0.1:9/unused',
      channel: 'CSTORM',
    });
    const db = new BetterSqlite3(dbPath, { readonly: true });
    let poll: { id: string; message_id: string } | undefined;
    for (let i = 0; i < 200 && !poll?.message_id; i++) {
      poll = db.prepare("SELECT id, message_id FROM polls WHERE channel_id = 'CSTORM'").get() as typeof poll;
      await new Promise((r) => setTimeout(r, 25));
    }
    if (!poll?.message_id) throw new Error('the poll was not posted');
    const actions = [0, 1, 2].map((o) => `v1:poll:vote:${poll!.id}:${o}`);
    let peakRss = idleRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, bot.rssMb());
    }, 100);
    const result = await load.run({
      kind: 'votes',
      endpoint: bot.endpoint,
      secret: SECRET,
      total: VOTES,
      concurrency: 50,
      actions,
      messageTs: poll.message_id,
      channel: 'CSTORM',
    });
    clearInterval(sampler);
    const tally = (db.prepare('SELECT count(*) AS n FROM votes WHERE poll_id = ?').get(poll.id) as { n: number }).n;
    db.close();
    const perSecond = result.ok / result.seconds;
    if (process.env.STORM_LOGS) {
      const counts = new Map<string, number>();
      for (const l of bot.logs) {
        const m = /"level":(\d+).*"msg":"([^"]*)"/.exec(l);
        if (m && Number(m[1]) >= 40)
          counts.set(
            `${m[1]} ${m[2]} ${/"error":"[^"]*"/.exec(l)?.[0] ?? ''}`,
            (counts.get(`${m[1]} ${m[2]} ${/"error":"[^"]*"/.exec(l)?.[0] ?? ''}`) ?? 0) + 1,
          );
      }
      console.log([...counts].sort((a, b) => b[1] - a[1]).slice(0, 10));
    }
    report(
      `Vote storm through the Slack HTTP path (${VOTES.toLocaleString('en-US')} signed votes, concurrency 50, bot in its own process)`,
      [
        ['votes acknowledged', `${result.ok} (${result.failed} failed)`],
        ['votes per second', perSecond.toFixed(0), '≥ 2,000'],
        ['sum of tallies', `${tally}${tally === result.ok ? ' = acknowledged: none lost' : ' ≠ acknowledged!'}`],
        ['bot RSS idle', `${idleRss.toFixed(0)} MB`, '< 150 MB'],
        ['bot RSS peak under the storm', `${peakRss.toFixed(0)} MB`],
      ],
    );
    return {
      votesPerSecond: perSecond,
      votesAcked: result.ok,
      votesTallied: tally,
      idleRssMb: idleRss,
      stormRssMb: peakRss,
    };
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
    await load.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  await benchStorm();
}
