import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedAdmin } from '../../src/chat/manage.js';
import { createCore } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, startHarness } from '../fakes/discord-harness.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { type SlackBotRig, slackBotRig } from '../helpers/bot-process.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';

const SECRET = 'authz-secret';
const said = (body: unknown) => JSON.stringify(body);

/**
 * Issue 11, item 3: a poll or walk is honoured only in its own workspace/guild and channel. From
 * anywhere else every action and command gets exactly the answer an unknown id gets, and changes nothing.
 */
describe('authorization scope: Slack (real process)', () => {
  let rig: SlackBotRig;
  let fake: SlackBotRig['fake'];
  let send: SlackBotRig['send'];
  beforeAll(async () => {
    rig = await slackBotRig(SECRET, FIXTURE_KNOWLEDGE);
    ({ fake, send } = rig);
  });
  afterAll(() => rig.close());
  const count = (sql: string) => rig.row<{ n: number }>(sql).n;
  async function reply(text: string, where: { channel: string; team?: string }) {
    const url = fake.responseUrl();
    await send.command(text, { responseUrl: url, user: 'UEVE', ...where });
    return (await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname))).body;
  }
  async function ephemeralAfter(actionId: string, where: { channel: string; team?: string }, user: string) {
    await send.action(actionId, { user, responseUrl: fake.responseUrl(), messageTs: '1.2', ...where });
    return (await fake.waitFor(() => fake.callsOf('chat.postEphemeral').find((c) => c.body.user === user))).body.blocks;
  }

  it('votes, results, export and matrix answers from another channel or workspace reveal nothing and change nothing', async () => {
    await send.command('poll "Tabs?" "Tabs" "Spaces" public', {
      responseUrl: fake.responseUrl(),
      channel: 'C2',
      user: 'UANN',
    });
    const post = await fake.waitFor(() =>
      fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'C2' && c.result),
    );
    const vote = said(post.body.blocks).match(/v1:poll:vote:([^":]+):0/)!;
    const pollId = vote[1]!;
    await send.action(vote[0], {
      user: 'UANN',
      channel: 'C2',
      messageTs: String(post.result!.ts),
      responseUrl: fake.responseUrl(),
    });
    await fake.waitFor(() => count('SELECT count(*) AS n FROM votes') === 1);

    const unknownVote = await ephemeralAfter('v1:poll:vote:p_unknown1:0', { channel: 'C9' }, 'UX0');
    expect(said(unknownVote)).toMatch(/no longer exists/);
    expect(await ephemeralAfter(vote[0], { channel: 'C9' }, 'UX1')).toEqual(unknownVote);
    expect(await ephemeralAfter(vote[0], { channel: 'C2', team: 'T2' }, 'UX2')).toEqual(unknownVote);
    expect(count('SELECT count(*) AS n FROM votes')).toBe(1);

    const unknown = said(await reply('poll results p_unknown1', { channel: 'C9' })).replaceAll('p_unknown1', pollId);
    for (const op of ['results', 'export', 'close']) {
      expect(said(await reply(`poll ${op} ${pollId}`, { channel: 'C9' }))).toBe(unknown);
      expect(said(await reply(`poll ${op} ${pollId}`, { channel: 'C2', team: 'T2' }))).toBe(unknown);
    }
    expect(fake.calls.filter((c) => c.method.startsWith('files.'))).toHaveLength(0);
    expect(count(`SELECT count(*) AS n FROM polls WHERE closed_at IS NOT NULL`)).toBe(0);
    // In its own channel the same commands work.
    expect(said(await reply(`poll results ${pollId}`, { channel: 'C2' }))).toMatch(/Tabs\?/);

    await send.command('matrix', { responseUrl: fake.responseUrl(), channel: 'CMX', user: 'ULEAD' });
    const step = await fake.waitFor(() =>
      fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CMX' && c.result),
    );
    const answer = said(step.body.blocks).match(/v1:mx:answer:[^"]+/)![0];
    const walkId = answer.split(':')[3]!;
    const unknownWalk = await ephemeralAfter(answer.replace(walkId, 'w_unknown1'), { channel: 'C9' }, 'UX3');
    expect(said(unknownWalk)).toMatch(/no longer exists/);
    expect(await ephemeralAfter(answer, { channel: 'C9' }, 'UX4')).toEqual(unknownWalk);
    expect(await ephemeralAfter(answer, { channel: 'CMX', team: 'T2' }, 'UX5')).toEqual(unknownWalk);
    expect(count('SELECT count(*) AS n FROM matrix_answers')).toBe(0);
  });
});

describe('authorization scope: Discord (real discord.js, guild + channel)', () => {
  it('a vote or walk click from another channel or guild is refused as unknown, changing nothing', async () => {
    const h = await startHarness();
    try {
      const made = h.fake.slash('poll', {});
      await h.fake.waitForCallback(made.id);
      const post = await h.fake.waitFor(
        () =>
          h.fake.rest
            .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
            .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:poll:vote:'))),
        'the poll',
      );
      const vote = buttonIds(post.body).find((id) => id.startsWith('v1:poll:vote:'))!;
      const clickFrom = async (id: string, channelId: string, guildId?: string) => {
        const c = h.fake.click(
          id,
          { embeds: post.body.embeds as Json[], components: post.body.components as Json[], channelId },
          { userId: '1300000000000000077', ...(guildId ? { guildId } : {}) },
        );
        return embedText((await h.fake.waitForCallback(c.id)).body.data);
      };
      const unknown = await clickFrom(vote.replace(/vote:[^:]+/, 'vote:p_unknown1'), IDS.otherChannel);
      expect(unknown).toMatch(/no longer exists/);
      expect(await clickFrom(vote, IDS.otherChannel)).toBe(unknown);
      expect(await clickFrom(vote, IDS.channel, IDS.otherGuild)).toBe(unknown);
      expect(h.core.db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 0 });
      expect(await clickFrom(vote, IDS.channel)).toMatch(/Team/); // its own channel: counted
      expect(h.core.db.prepare('SELECT count(*) AS n FROM votes').get()).toEqual({ n: 1 });
    } finally {
      await h.stop();
    }
  });
});

describe('authorization scope: console', () => {
  it('a Slack poll is unknown to the console sharing its database', async () => {
    const core = await createCore({
      dbPath: ':memory:',
      knowledgeDir: FIXTURE_KNOWLEDGE,
      logger: createLogger('silent'),
    });
    try {
      const slack = new RecordingPort('slack');
      core.registerPort(slack);
      core.registerPort(new RecordingPort('console'));
      const where = {
        platform: 'slack' as const,
        workspaceId: 'T1',
        channelId: 'C2',
        userId: 'U1',
        isAdmin: fixedAdmin(false),
      };
      const made = await core.handler.command('poll', where);
      const pollId = said(made).match(/Poll (p[\w-]+)/)![1]!;
      const here = {
        platform: 'console' as const,
        workspaceId: 'local',
        channelId: 'console',
        userId: 'you',
        isAdmin: fixedAdmin(true),
      };
      expect(said(await core.handler.command(`poll results ${pollId}`, here))).toMatch(/There is no poll/);
      expect(said(await core.handler.action(`v1:poll:vote:${pollId}:0`, here))).toMatch(/no longer exists/);
    } finally {
      await core.close();
    }
  });
});
