import { existsSync } from 'node:fs';
import { join } from 'node:path';
// Issue #15: DISCORD_SHARDS=2 runs a ShardingManager (a real `main` process) that forks one full Versus
// per gateway shard; both share one PostgreSQL database (DATABASE_URL). Two guilds, one per shard: polls, votes, a matrix walk and a
// scheduled debate poll must all come out exact, whichever process handles them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, IDS, type Json, TOKEN } from '../fakes/discord-fake.js';
import { shardOf } from '../fakes/discord-gateway.js';
import { addGuild } from '../fakes/discord-guilds.js';
import { buttonIds, embedText } from '../fakes/discord-harness.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';
import { type FreshPostgres, freshPostgres } from '../helpers/postgres.js';
import {
  processGone,
  type ShardedBot,
  type SharedDb,
  sharedDatabase,
  startShardedBot,
  until,
} from '../helpers/shards.js';

/** Guild A is IDS.guild (shard 1 of 2); guild B's id puts it on shard 0. */
const A = { guildId: IDS.guild, channelId: IDS.channel };
const B = { guildId: '1100000000004194314', channelId: '1100000000004194315' };
const VOTERS = ['1300000000000000101', '1300000000000000102', '1300000000000000103', '1300000000000000104'];

let fake: FakeDiscord;
let db: SharedDb;
let bot: ShardedBot;
let tmp: { dir: string; cleanup: () => void };
let pgdb: FreshPostgres;
/** Each shard's scheduler tick (VERSUS_SCHEDULER_INTERVAL_MS; the default is 15 s). */
const SCHEDULER_INTERVAL_MS = 2000;

beforeAll(async () => {
  tmp = tempDir('versus-shards-');
  fake = await FakeDiscord.start();
  fake.state.maxConcurrency = 16; // both shards may IDENTIFY at once: no 5.5 s pause between spawns
  addGuild(fake, B.guildId, B.channelId);
  pgdb = await freshPostgres();
  db = await sharedDatabase(tmp.dir, pgdb.url);
  bot = startShardedBot({
    ...db.env,
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.app,
    DISCORD_GUILD_ID: IDS.guild,
    DISCORD_API_URL: fake.rest.apiUrl,
    DISCORD_SHARDS: '2',
    VERSUS_SCHEDULER_INTERVAL_MS: String(SCHEDULER_INTERVAL_MS),
  });
  for (const shard of [0, 1])
    await bot.waitForLine((l) => l.msg === 'versus is running' && l.shard === shard, `shard ${shard} running`, 90_000);
}, 120_000);

afterAll(async () => {
  bot?.kill(); // a no-op when the last test stopped everything
  await fake?.stop();
  await db?.close();
  await pgdb?.drop();
  tmp?.cleanup();
});

const posts = (channelId: string) =>
  fake.rest
    .find('POST', new RegExp(`^/channels/${channelId}/messages$`))
    .filter((r) => r.status < 300)
    .map((r) => r.body as Json);
const pollIdOf = (body: Json) =>
  buttonIds(body)
    .find((id) => id.startsWith('v1:poll:close:'))
    ?.split(':')[3];
const ownerOf = (guild: { guildId: string }) => shardOf(guild.guildId, 2);

describe('GIVEN DISCORD_SHARDS=2 and two guilds, one on each shard', () => {
  it('THEN the manager runs two shard processes, each identified as its shard and logging which it is', async () => {
    expect(ownerOf(A)).toBe(1);
    expect(ownerOf(B)).toBe(0);
    expect(fake.gateway.shards.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
    const running = bot.lines.filter((l) => l.msg === 'versus is running');
    expect(running.map((l) => l.shard).sort()).toEqual([0, 1]);
    expect(new Set(bot.shardPids()).size).toBe(2);
    // DISCORD_GUILD_ID lives on shard 1: shard 0 must not claim the bot is missing from it.
    expect(bot.text()).not.toMatch(/not in DISCORD_GUILD_ID/);
    // VERSUS_DB=…/index-{shard}.db: each shard keeps its own knowledge index.
    expect(['index-0.db', 'index-1.db'].every((f) => existsSync(join(tmp.dir, f)))).toBe(true);
  });

  let scheduleId = '';
  let dueSince = 0;
  it('WHEN a schedule is added in guild A and made due THEN (checked last) exactly one shard posts its poll', async () => {
    const add = fake.slash('schedule', { action: 'add', when: 'every monday at 10:00' }, A);
    scheduleId = /`(s[\w-]+)`/.exec(embedText((await fake.waitForCallback(add.id)).body.data))?.[1] ?? '';
    expect(scheduleId).not.toBe('');
    // No clock seam in src/: move the stored next run into the past; both schedulers see it at their next tick.
    await db.all('UPDATE schedules SET next_run_at = ? WHERE id = ?', '2000-01-03T10:00:00.000Z', scheduleId);
    dueSince = Date.now();
  });

  const polls = new Map<string, string>();
  it.each([
    ['A', A],
    ['B', B],
  ] as const)('WHEN a poll in guild %s gets votes through its shard THEN the tallies are exact', async (_, g) => {
    const create = fake.slash('poll', { question: 'Which for billing?', options: 'Go | Python | Rust' }, g);
    expect(fake.gateway.deliveredTo.get(create.id)).toEqual([ownerOf(g)]);
    await fake.waitForCallback(create.id);
    const body = await fake.waitFor(() => posts(g.channelId).find((b) => /billing/.test(embedText(b))), 'the poll');
    const pollId = pollIdOf(body)!;
    polls.set(g.guildId, pollId);
    const choices = [0, 0, 1, 2]; // Go 2, Python 1, Rust 1
    for (const [n, option] of choices.entries()) {
      const click = fake.click(
        `v1:poll:vote:${pollId}:${option}`,
        { ...body, channelId: g.channelId },
        {
          userId: VOTERS[n]!,
          guildId: g.guildId,
        },
      );
      await fake.waitForCallback(click.id);
      expect(fake.gateway.deliveredTo.get(click.id)).toEqual([ownerOf(g)]);
    }
    const tally = await db.all<{ option_idx: number; n: number }>(
      'SELECT option_idx, COUNT(*) AS n FROM votes WHERE poll_id = ? GROUP BY option_idx ORDER BY option_idx',
      pollId,
    );
    expect(tally.map((t) => [Number(t.option_idx), Number(t.n)])).toEqual([
      [0, 2],
      [1, 1],
      [2, 1],
    ]);
  });

  it.each([
    ['A', A],
    ['B', B],
  ] as const)('WHEN /versus poll close runs in guild %s THEN it closes with the exact results', async (_, g) => {
    const pollId = polls.get(g.guildId)!;
    const close = fake.slash('poll', { manage: 'close', id: pollId }, { ...g, userId: IDS.user });
    const text = embedText((await fake.waitForCallback(close.id)).body.data);
    expect(text).toMatch(new RegExp(`Poll ${pollId} is closed`));
    // The poll message is redrawn with the result, from the same shared tally.
    const redrawn = await fake.waitFor(
      () =>
        fake.rest
          .find('PATCH', new RegExp(`^/channels/${g.channelId}/messages/\\d+$`))
          .map((r) => embedText(r.body))
          .find((t) => t.includes(`Poll ${pollId} · closed`)),
      'the closed poll message',
    );
    expect(redrawn).toMatch(/Go\W* wins with 2 of 4 votes/);
    const [row] = await db.all<{ closed_at: string | null }>('SELECT closed_at FROM polls WHERE id = ?', pollId);
    expect(row?.closed_at).toBeTruthy();
  });

  it.each([
    ['A', A],
    ['B', B],
  ] as const)('WHEN a decision-matrix walk runs in guild %s THEN its shard walks it to a scorecard', async (_, g) => {
    const lead = '1300000000000000201';
    const start = fake.slash('matrix', {}, { ...g, userId: lead });
    await fake.waitForCallback(start.id);
    let message = (
      await fake.waitFor(
        () =>
          fake.rest
            .find('POST', new RegExp(`^/channels/${g.channelId}/messages$`))
            .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:mx:'))),
        'the first step',
      )
    ).body as Json;
    const labelled = (label: RegExp) =>
      ((message.components ?? []) as Json[])
        .flatMap((row) => row.components as Json[])
        .find((c) => label.test(String(c.label)))?.custom_id as string;
    for (const [answer, nav] of [
      [/^Yes/, /^Next/],
      [/^No/, /^Next/],
      [/^5/, /^Finish$/],
    ] as const) {
      const vote = fake.click(labelled(answer), { ...message, channelId: g.channelId }, { ...g, userId: VOTERS[0]! });
      expect(embedText((await fake.waitForCallback(vote.id)).body.data)).toMatch(/Recorded your answer/);
      const next = fake.click(labelled(nav), { ...message, channelId: g.channelId }, { ...g, userId: lead });
      message = (await fake.waitForCallback(next.id)).body.data;
      expect(fake.gateway.deliveredTo.get(next.id)).toEqual([ownerOf(g)]);
    }
    expect(embedText(message)).toMatch(/Scorecard[\s\S]*Verdict/);
  });

  it('THEN, once both schedulers have ticked since it fell due, its debate poll was posted exactly once', async () => {
    const scheduled = async () =>
      db.all<{ id: string }>('SELECT id FROM polls WHERE schedule_id = ?', scheduleId).then((r) => r.map((p) => p.id));
    await until(async () => (await scheduled()).length > 0, 'the scheduled poll', 20_000);
    // Absence check (only time can tell): past two intervals (a tick may run late on a loaded machine) both
    // schedulers have seen the schedule due, and one lost the claim.
    await until(() => Date.now() - dueSince > 2 * SCHEDULER_INTERVAL_MS + 1000, 'both schedulers to tick', 20_000);
    const ids = await scheduled();
    expect(ids).toHaveLength(1);
    expect(posts(A.channelId).filter((b) => pollIdOf(b) === ids[0])).toHaveLength(1);
    const [s] = await db.all<{ next_run_at: string }>('SELECT next_run_at FROM schedules WHERE id = ?', scheduleId);
    expect(Date.parse(s!.next_run_at)).toBeGreaterThan(Date.now());
  }, 45_000);

  it('WHEN the manager gets SIGTERM THEN both shard processes shut down gracefully and it exits 0', async () => {
    const pids = bot.shardPids();
    expect(pids).toHaveLength(2);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    await until(() => pids.every(processGone), 'both shard processes to exit', 5_000);
    const stopped = bot.lines.filter((l) => l.msg === 'stopped' && l.shard !== undefined).map((l) => l.shard);
    expect(stopped.sort()).toEqual([0, 1]);
  }, 30_000);
});
