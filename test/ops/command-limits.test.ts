import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackBotRig, slackBotRig } from '../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';

const SECRET = 'limits-secret';
const said = (body: unknown) => JSON.stringify(body);

/** Issue 11, items 8, 11 and 12, on the real bot over signed HTTP (and the real CLI). */
describe('races, schedule limits and small defects (real process)', () => {
  let rig: SlackBotRig;
  let fake: SlackBotRig['fake'];
  let send: SlackBotRig['send'];
  let row: SlackBotRig['row'];
  beforeAll(async () => {
    rig = await slackBotRig(SECRET, FIXTURE_KNOWLEDGE);
    ({ fake, send } = rig);
    row = rig.row.bind(rig);
  });
  afterAll(() => rig.close());
  async function reply(text: string, channel: string, user = 'ULEAD') {
    const url = fake.responseUrl();
    await send.command(text, { responseUrl: url, channel, user });
    return said((await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname))).body);
  }
  const ephemeralFor = (user: string, text: RegExp) =>
    fake.waitFor(() => fake.callsOf('chat.postEphemeral').find((c) => c.body.user === user && text.test(said(c.body))));

  it("an admin's Next that waited on a slow admin check cannot set the walk back (compare-and-set)", async () => {
    await reply('matrix', 'CRACE');
    const walk = row<{ id: string }>("SELECT id FROM matrix_sessions WHERE channel_id = 'CRACE'");
    const next = (step: number, user: string) =>
      send.action(`v1:mx:next:${walk.id}:${step}`, {
        user,
        channel: 'CRACE',
        messageTs: '1.1',
        responseUrl: fake.responseUrl(),
      });
    fake.admins.add('UADMIN');
    fake.inject('users.info', { delayMs: 1500 });
    const admin = next(0, 'UADMIN');
    await fake.waitFor(() => fake.callsOf('users.info').length > 0 || undefined);
    expect((await next(0, 'ULEAD')).status).toBe(200);
    expect((await next(1, 'ULEAD')).status).toBe(200);
    expect((await admin).status).toBe(200);
    await ephemeralFor('UADMIN', /Someone moved the walk on while you clicked: it is at step 3 now, not 1/);
    expect(row<{ step: number }>('SELECT step FROM matrix_sessions WHERE id = ?', walk.id).step).toBe(2);
  });

  it('refuses schedules more often than hourly and more than 5 per channel, saying why', async () => {
    for (const cron of ['* * * * *', '*/5 * * * *', '0,30 * * * *'])
      expect(await reply(`schedule add ${cron}`, 'CSCHED')).toMatch(/at most once an hour/);
    for (let h = 0; h < 5; h++) expect(await reply(`schedule add 0 ${h + 9} * * 1`, 'CSCHED')).toMatch(/scheduled/);
    expect(await reply('schedule add 0 * * * *', 'CSCHED')).toMatch(/already has 5 debate-poll schedules/);
    expect(await reply('schedule add 0 * * * *', 'COTHER')).toMatch(/scheduled/); // hourly is fine
    expect(row<{ n: number }>("SELECT count(*) AS n FROM schedules WHERE channel_id = 'CSCHED'").n).toBe(5);
  });

  it('an unbalanced quote is a usage error, not an option', async () => {
    const out = await reply('poll "Unclosed "A" "B', 'CQUOTE');
    expect(out).toMatch(/A quote is not closed/);
    expect(out).toMatch(/Usage: `\/versus poll/);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CQUOTE')).toHaveLength(0);
  });

  it('matrix status and cancel act on the same walk and name it', async () => {
    await reply('matrix', 'CBOTH');
    await reply('matrix solo', 'CBOTH');
    const solo = row<{ id: string }>("SELECT id FROM matrix_sessions WHERE channel_id = 'CBOTH' AND mode = 'solo'").id;
    const channel = row<{ id: string }>(
      "SELECT id FROM matrix_sessions WHERE channel_id = 'CBOTH' AND mode = 'channel'",
    ).id;
    expect(await reply('matrix status', 'CBOTH')).toMatch(
      new RegExp(`Your solo walk ${solo}.*the channel walk ${channel} is open too`),
    );
    expect(await reply('matrix cancel', 'CBOTH')).toMatch(new RegExp(`Your solo walk ${solo} is cancelled`));
    expect(await reply('matrix status', 'CBOTH')).toMatch(new RegExp(`The channel walk ${channel}`));
    expect(row<{ status: string }>('SELECT status FROM matrix_sessions WHERE id = ?', channel).status).toBe('open');
  });

  it('one question limit everywhere: slash command, @mention and versus ask refuse 13,600 characters', async () => {
    const long = `is go faster ${'than python really '.repeat(800)}`.slice(0, 13_600);
    const limit = /too long \(over 12,000 characters\)/;
    expect(await reply(`ask ${long}`, 'CLONG')).toMatch(limit);
    await send.event(
      { type: 'app_mention', user: 'U2', text: `<@UBOT> ${long}`, ts: '1700009999.000100', channel: 'CLONG' },
      { eventId: 'EvLong' },
    );
    const answer = await fake.waitFor(
      () =>
        fake.callsOf('chat.postEphemeral').find((c) => c.body.channel === 'CLONG') ??
        fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CLONG'),
    );
    expect(said(answer.body)).toMatch(limit);
    const tmp = tempDir('versus-cli-');
    const env = {
      ...process.env,
      VERSUS_DB: join(tmp.dir, 'cli.db'),
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      LOG_LEVEL: 'warn',
    };
    const cli = await promisify(execFile)(
      process.execPath,
      [resolve(import.meta.dirname, '../../bin/versus.js'), 'ask', long],
      { env },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((cli as { code: number }).code).toBe(2);
    expect((cli as { stderr: string }).stderr).toMatch(limit);
    tmp.cleanup();
  });
});
