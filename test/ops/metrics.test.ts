import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, IDS, type Json, TOKEN } from '../fakes/discord-fake.js';
import { buttonIds, postsIn } from '../fakes/discord-harness.js';
import { FakeSlack } from '../fakes/slack-fake.js';
import { SlackSender } from '../fakes/slack-requests.js';
import { type BotProcess, startBot } from '../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';

const SECRET = 'metrics-secret';

/** The value of one sample line of a text exposition, e.g. `versus_votes_total{platform="slack",outcome="voted"}`. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * Issue 23, item 2: the real bot as one process with Slack (HTTP mode) and Discord both connected to
 * their fakes. Real commands, clicks and injected Web API faults go through both; GET /metrics on the
 * probe port must count each of them exactly, labelled by platform and never by user or channel.
 */
describe('GET /metrics on a running bot (real process, Slack and Discord fakes)', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let bot: BotProcess;
  let send: SlackSender;
  const tmp = tempDir('versus-metrics-');

  beforeAll(async () => {
    [slack, discord] = await Promise.all([new FakeSlack().start(), FakeDiscord.start()]);
    bot = await startBot({
      VERSUS_DB: join(tmp.dir, 'v.db'),
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      SLACK_BOT_TOKEN: 'xoxb-metrics',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_API_URL: discord.rest.apiUrl,
      // One scheduler pass, at start: its counts are then exact.
      VERSUS_SCHEDULER_INTERVAL_MS: '3600000',
    });
    send = new SlackSender(bot.endpoint, SECRET);
    await untilLogged(bot, /versus is running/);
  }, 60_000);

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await bot?.exited;
    await Promise.all([slack?.close(), discord?.stop()]);
    tmp.cleanup();
  });

  const metricsUrl = () => bot.endpoint.replace('/slack/events', '/metrics');

  /** Scrapes until `ready` holds: an ack is recorded when its response has gone out, just after the peer saw it. */
  async function scrapeWhen(ready: (body: string) => boolean): Promise<string> {
    for (;;) {
      const res = await fetch(metricsUrl());
      const body = await res.text();
      if (ready(body)) return body;
      await new Promise((r) => setImmediate(r));
    }
  }

  async function slackCommand(text: string, user = 'U1'): Promise<void> {
    const url = slack.responseUrl();
    await send.command(text, { responseUrl: url, user, channel: 'CMET' });
    await slack.waitFor(() => slack.responses.find((r) => r.path === new URL(url).pathname), 8000);
  }

  it('counts every command, answer, vote, error, ack, retry and 429 exactly, per platform', async () => {
    await slackCommand('help');
    await slackCommand('ask how much memory do goroutines and threads use');
    await slackCommand('ask zzqv wqxj plonk');
    await slackCommand('frobnicate');
    // The poll's post fails once with a 500 (retried), its re-render is rate-limited once (waited out).
    slack.inject('chat.postMessage', { status: 500 });
    slack.inject('chat.update', { status: 429, retryAfter: 1 });
    await send.command('poll', { responseUrl: slack.responseUrl(), channel: 'CMET' });
    const post = await slack.waitFor(() => slack.callsOf('chat.postMessage').find((c) => c.result?.ok), 8000);
    const vote = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+/)![0];
    for (const user of ['U2', 'U3']) {
      await send.action(vote, {
        user,
        channel: 'CMET',
        messageTs: String(post.result!.ts),
        responseUrl: slack.responseUrl(),
      });
      await slack.waitFor(() => slack.callsOf('chat.postEphemeral').find((c) => c.body.user === user), 8000);
    }
    await slack.waitFor(() => slack.callsOf('chat.update').find((c) => c.result?.ok), 8000);

    const ask = discord.slash('ask', { question: 'how much memory do goroutines and threads use' });
    await discord.waitForCallback(ask.id as string);
    // The Discord poll's post is rate-limited once (discord.js waits it out).
    discord.rest.failNext('POST', new RegExp(`^/channels/${IDS.channel}/messages$`));
    const poll = discord.slash('poll');
    await discord.waitForCallback(poll.id as string);
    const body = await discord.waitFor(() => postsIn(discord, IDS.channel).find((b) => buttonIds(b).length > 0));
    const discordVote = buttonIds(body).find((id) => id.startsWith('v1:poll:vote:'))!;
    const click = discord.click(discordVote, { ...(body as Json), channelId: IDS.channel });
    await discord.waitForCallback(click.id as string);

    // 5 commands and 2 clicks on Slack; 3 interactions on Discord.
    const text = await scrapeWhen(
      (b) =>
        sample(b, 'versus_ack_duration_seconds_count{platform="slack"}') === 7 &&
        sample(b, 'versus_ack_duration_seconds_count{platform="discord"}') === 3,
    );
    const exact = {
      'versus_commands_total{platform="slack",command="help"}': 1,
      'versus_commands_total{platform="slack",command="ask"}': 2,
      'versus_commands_total{platform="slack",command="unknown"}': 1,
      'versus_commands_total{platform="slack",command="poll"}': 1,
      'versus_commands_total{platform="discord",command="ask"}': 1,
      'versus_commands_total{platform="discord",command="poll"}': 1,
      'versus_requests_total{platform="slack",kind="command"}': 5,
      'versus_requests_total{platform="slack",kind="action"}': 2,
      'versus_requests_total{platform="discord",kind="action"}': 1,
      'versus_answers_total{platform="slack",kind="ask",outcome="found"}': 1,
      'versus_answers_total{platform="slack",kind="ask",outcome="nothing_found"}': 1,
      'versus_answers_total{platform="discord",kind="ask",outcome="found"}': 1,
      'versus_answer_duration_seconds_count{platform="slack",kind="ask"}': 2,
      'versus_votes_total{platform="slack",outcome="voted"}': 2,
      'versus_votes_total{platform="discord",outcome="voted"}': 1,
      'versus_errors_total{platform="slack",kind="usage"}': 1,
      'versus_api_retries_total{platform="slack"}': 1,
      'versus_api_rate_limited_total{platform="slack"}': 1,
      'versus_api_rate_limited_total{platform="discord"}': 1,
      'versus_open_polls{platform="slack"}': 1,
      'versus_open_polls{platform="discord"}': 1,
      'versus_queue_depth{platform="slack",queue="answers"}': 0,
      'versus_scheduler_runs_total{task="rowsPruned",outcome="ok"}': 1,
      'versus_scheduler_runs_total{task="signaturesPruned",outcome="ok"}': 1,
    };
    expect(Object.fromEntries(Object.keys(exact).map((k) => [k, sample(text, k)]))).toEqual(exact);
    expect(sample(text, 'versus_store_query_duration_seconds_count{backend="sqlite"}')).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    // Nothing that names a user, channel or workspace becomes a label.
    expect(text).not.toMatch(/U1|U2|U3|CMET|T0FAKE|user=|channel=/);
  }, 60_000);

  it('serves the Prometheus text format with its content type', async () => {
    const res = await fetch(metricsUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await res.text()).toMatch(/^# HELP versus_commands_total Slash commands, by feature name\.$/m);
  });
});

/** Resolves when the bot has written a line matching `re` (already, or from now on). */
function untilLogged(bot: BotProcess, re: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const seen = () => bot.logs.some((l) => re.test(l));
    if (seen()) return resolve();
    const check = () => {
      if (!seen()) return;
      bot.child.stdout.off('data', check);
      resolve();
    };
    bot.child.stdout.on('data', check);
    void bot.exited.then(() => reject(new Error(`bot exited before logging ${re}:\n${bot.logs.join('')}`)));
  });
}
