import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../fakes/discord-fake.js';
import { addGuild } from '../fakes/discord-guilds.js';
import { embedText, type Harness, startHarness } from '../fakes/discord-harness.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/** A second server where the attacker has Manage Server (the fake copies guild A's roles and members). */
const GUILD_B = '1100000000000000050';
const CHANNEL_B = '1100000000000000051';
/** A member with no role, given Manage Messages in IDS.otherChannel only (a channel permission overwrite). */
const CHANNEL_MOD = '1100000000000000060';

/**
 * Issue 20, item 1: a schedule is looked up only in the workspace/guild (and, by command, the channel) the
 * action comes from, and the right to remove someone else's is asked about in the schedule's own guild
 * and channel. The real discord.js client against the fake Discord; the real Bolt app over signed HTTP.
 */
describe('cross-server schedule removal (Discord, real discord.js)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      before: (fake) => {
        addGuild(fake, GUILD_B, CHANNEL_B);
        fake.addChannelModerator(CHANNEL_MOD, IDS.otherChannel);
      },
    });
  });
  afterAll(() => h.stop());

  const run = async (sub: string, options: Record<string, string>, opts: { userId: string; channelId?: string }) =>
    embedText((await h.fake.waitForCallback(h.fake.slash(sub, options, opts).id)).body.data);
  const click = async (customId: string, from: { userId: string; channelId: string; guildId?: string }) => {
    const c = h.fake.click(customId, { channelId: from.channelId }, from);
    return embedText((await h.fake.waitForCallback(c.id)).body.data);
  };
  const addSchedule = async (userId: string, channelId: string = IDS.channel) => {
    const added = await run('schedule', { action: 'add', when: 'every monday at 10:00' }, { userId, channelId });
    return /`(s[\w-]+)`/.exec(added)![1]!;
  };
  const schedules = () => h.core.db.prepare('SELECT id FROM schedules ORDER BY id').all() as { id: string }[];

  it("a Manage Server admin of guild B clicking Remove with guild A's schedule id removes nothing", async () => {
    const id = await addSchedule(IDS.user);
    const said = await click(`v1:home:rmsched:${id}`, { userId: IDS.admin, channelId: CHANNEL_B, guildId: GUILD_B });
    expect(said).not.toMatch(/removed/);
    expect(schedules()).toContainEqual({ id });
    expect(await run('schedule', { action: 'list' }, { userId: IDS.user })).toContain(id);
  });

  it('a member who is admin in one channel only cannot remove a schedule of another channel, by button or command', async () => {
    const id = await addSchedule(IDS.user);
    // From the channel where they moderate, naming the other channel's schedule.
    expect(await click(`v1:home:rmsched:${id}`, { userId: CHANNEL_MOD, channelId: IDS.otherChannel })).not.toMatch(
      /removed/,
    );
    // In the schedule's own channel they are a plain member.
    expect(await run('schedule', { action: 'remove', id }, { userId: CHANNEL_MOD })).toMatch(
      /Only the person who added this schedule or a server admin/,
    );
    expect(schedules()).toContainEqual({ id });
    // Where they do moderate, they may remove someone else's schedule.
    const theirs = await addSchedule(IDS.user, IDS.otherChannel);
    expect(
      await run('schedule', { action: 'remove', id: theirs }, { userId: CHANNEL_MOD, channelId: IDS.otherChannel }),
    ).toMatch(`Schedule ${theirs} removed.`);
  });

  it('the owner still removes their own schedule from the Home, whichever channel they opened it in', async () => {
    const id = await addSchedule(IDS.user);
    const said = await click(`v1:home:rmsched:${id}`, { userId: IDS.user, channelId: IDS.otherChannel });
    expect(said).toMatch(`Schedule ${id} removed.`);
    expect(schedules()).not.toContainEqual({ id });
  });
});

describe('cross-workspace schedule removal (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(() => rig.close());

  it("an admin of workspace T2 clicking Remove with T0FAKE's schedule id on their Home tab removes nothing", async () => {
    const added = await rig.command('schedule add every monday at 10:00', 'UOWNER');
    const id = /`(s[\w-]+)`/.exec(JSON.stringify(added.body))![1]!;
    rig.fake.admins.add('UADMIN2');
    const before = rig.fake.callsOf('views.publish').length;
    await rig.send.action(`v1:home:rmsched:${id}`, { user: 'UADMIN2', team: 'T2', responseUrl: '', home: true });
    const home = await rig.fake.waitFor(() => rig.fake.callsOf('views.publish')[before]);
    expect(JSON.stringify(home.body.view)).not.toMatch(/removed/);
    expect(rig.core.db.prepare('SELECT id FROM schedules').all()).toEqual([{ id }]);
  });
});
