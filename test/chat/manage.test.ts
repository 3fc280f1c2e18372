import { afterEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { mayManage } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Core } from '../../src/core.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { portCtx } from '../helpers/chat.js';
import { testCore } from '../helpers/core.js';

const port = new RecordingPort();
port.admins.add('boss'); // e.g. Slack's admin flag: the event does not carry it
/** A context as the adapter builds it; `eventSaysAdmin` is an admin flag the event itself carries (Discord's). */
const ctx = (userId: string, eventSaysAdmin = false, at: Partial<Omit<ChatContext, 'isAdmin'>> = {}): ChatContext =>
  portCtx(port, { platform: 'console', workspaceId: 'w', channelId: 'c-manage', userId, ...at }, eventSaysAdmin);

/**
 * Closing a poll, cancelling a walk and removing a schedule follow one rule (chat/manage.ts): the person
 * who started it, an admin the event names, or an admin only the platform knows (asked through the port).
 */
describe('who may manage what someone else started', () => {
  let core: Core;
  afterEach(() => core.close());

  async function setUp() {
    core = await testCore();
    core.registerPort(port);
  }
  const say = async (text: string, c: ChatContext) => renderText(await core.handler.command(text, c));

  const features = [
    {
      feature: 'poll',
      start: async () => /Poll (p[\w-]+) is up/.exec(await say('poll', ctx('owner')))![1]!,
      manage: (id: string) => `poll close ${id}`,
      refused: /Only the person who started this poll or an admin can close it/,
      done: /is closed/,
    },
    {
      feature: 'schedule',
      start: async () => /`(s[\w-]+)`/.exec(await say('schedule add every monday at 10:00', ctx('owner')))![1]!,
      manage: (id: string) => `schedule remove ${id}`,
      refused: /Only the person who added this schedule or an admin can remove it/,
      done: /removed/,
    },
    {
      feature: 'matrix',
      start: async () => {
        expect(await say('matrix', ctx('owner'))).toMatch(/Started/);
        return '';
      },
      manage: () => 'matrix cancel',
      refused: /Only @owner or an admin can cancel this walk/,
      done: /cancelled/,
    },
  ];

  for (const f of features) {
    it(`${f.feature}: refuses another member, allows an admin known only to the platform`, async () => {
      await setUp();
      const id = await f.start();
      expect(await say(f.manage(id), ctx('someone'))).toMatch(f.refused);
      expect(await say(f.manage(id), ctx('boss'))).toMatch(f.done);
    });

    it(`${f.feature}: allows an admin the event names, and the owner`, async () => {
      await setUp();
      expect(await say(f.manage(await f.start()), ctx('mod', true))).toMatch(f.done);
      expect(await say(f.manage(await f.start()), ctx('owner'))).toMatch(f.done);
    });
  }

  it('an admin the event names counts only in its own channel, and nobody has rights in another workspace', async () => {
    await setUp();
    const id = /Poll (p[\w-]+) is up/.exec(await say('poll', ctx('owner')))![1]!;
    const poll = (await core.polls.find(id))!;
    const owned = { ...poll, ownerId: poll.creatorId };
    expect(await mayManage(ctx('mod', true), owned)).toBe(true);
    expect(await mayManage(ctx('mod', true, { channelId: 'c-other' }), owned)).toBe(false);
    expect(await mayManage(ctx('owner', true, { workspaceId: 'w2' }), owned)).toBe(false);
  });

  it('asks the platform only when a feature needs to know, and once per channel for one event', async () => {
    await setUp();
    const asked: string[] = [];
    const platform = {
      isAdmin: async (where: { channelId: string }, userId: string) => {
        asked.push(`${where.channelId} ${userId}`);
        return false;
      },
    };
    const someone = portCtx(platform, {
      platform: 'console',
      workspaceId: 'w',
      channelId: 'c-manage',
      userId: 'someone',
    });
    const id = /Poll (p[\w-]+) is up/.exec(await say('poll', someone))![1]!;
    expect(asked).toEqual([]); // starting a poll needs no rights
    const other = /Poll (p[\w-]+) is up/.exec(await say('poll', ctx('owner')))![1]!;
    expect(await say(`poll close ${other}`, someone)).toMatch(/Only the person who started this poll/);
    expect(await say(`poll close ${other}`, someone)).toMatch(/Only the person who started this poll/);
    expect(await say(`poll close ${id}`, someone)).toMatch(/is closed/); // the owner: nobody is asked
    expect(asked).toEqual(['c-manage someone']);
  });
});
