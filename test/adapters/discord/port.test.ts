import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { V2Payload } from '../../../src/adapters/discord/v2.js';
import { v2Size } from '../../../src/adapters/discord/v2.js';
import type { Reply } from '../../../src/chat/reply.js';
import type { CitedClaim } from '../../../src/knowledge/types.js';
import { IDS, type Json } from '../../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn, startHarness, v2Text } from '../../fakes/discord-harness.js';

// The adapter as the core's ChatPort (polls, re-renders, exports) and its own paging of long replies.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const claim = (n: number): CitedClaim => ({
  id: `c${n}`,
  text: `Claim number ${n}: ${'goroutines and the GIL compared at length. '.repeat(6)}`,
  side: n % 2 ? 'go' : 'python',
  kind: 'fact',
  topics: ['concurrency'],
  figures: [],
  citation: { documentId: 'd', title: 'Long Article', section: `Part ${n}`, url: 'https://example.com/long' },
});
const longReply: Reply = {
  visibility: 'channel',
  title: 'A very long answer',
  blocks: [{ type: 'claims', claims: Array.from({ length: 60 }, (_, i) => claim(i + 1)) }],
};
/** A Components V2 message within Discord's limits: the flag, ≤ 40 components, ≤ 4,000 characters of text. */
function withinV2Limits(body: Json): void {
  expect(body.flags & MessageFlags.IsComponentsV2).toBe(MessageFlags.IsComponentsV2);
  expect(body.embeds).toBeUndefined();
  const size = v2Size(body as V2Payload);
  expect(size.components).toBeLessThanOrEqual(40);
  expect(size.chars).toBeLessThanOrEqual(4000);
}

describe('a reply longer than one Discord message', () => {
  let first: Json;
  it('WHEN posted THEN page 1 fits the limits and carries a More button; nothing is cut', async () => {
    const ref = await h.adapter.port.post({ workspaceId: IDS.guild, channelId: IDS.channel }, longReply);
    [first] = postsIn(h.fake, IDS.channel).slice(-1);
    expect(ref.messageId).toMatch(/^\d+$/);
    withinV2Limits(first);
    expect(v2Text(first)).toMatch(/-# Page 1\/\d+$/m);
    expect(buttonIds(first).some((id) => /^dc:page:2:/.test(id))).toBe(true);
  });

  it('WHEN More is clicked through every page THEN each page is served by update (type 7) and all 60 claims appear once', async () => {
    let message = first;
    let text = embedText(first);
    for (let page = 2; ; page++) {
      const next = buttonIds(message).find((id) => id.startsWith(`dc:page:${page}:`));
      if (!next) break;
      const click = h.fake.click(next, { components: message.components, flags: message.flags });
      const cb = await h.fake.waitForCallback(click.id);
      expect(cb.body.type).toBe(7);
      withinV2Limits(cb.body.data);
      message = cb.body.data;
      text += `\n${embedText(message)}`;
    }
    for (let n = 1; n <= 60; n++)
      expect(text.match(new RegExp(`Claim number ${n}:`, 'g')), `claim ${n}`).toHaveLength(1);
  });

  it('WHEN a page button outlives the page store (restart) THEN the user is told privately to run the command again', async () => {
    const click = h.fake.click('dc:page:2:unknownKey', {});
    const cb = await h.fake.waitForCallback(click.id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(cb.body.data)).toMatch(/Run the command again/);
  });
});

describe('polls through the port', () => {
  it('WHEN /versus poll runs THEN the poll is posted to the channel; a vote is confirmed privately and the message re-rendered', async () => {
    const i = h.fake.slash('poll');
    await h.fake.waitForCallback(i.id);
    const post = await h.fake.waitFor(
      () =>
        h.fake.rest
          .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
          .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:poll:vote:'))),
      'the poll',
    );
    const voteGo = buttonIds(post.body).find((id) => id.startsWith('v1:poll:vote:') && id.endsWith(':0'))!;
    const click = h.fake.click(voteGo, { embeds: post.body.embeds, components: post.body.components });
    const cb = await h.fake.waitForCallback(click.id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(cb.body.data)).toMatch(/You're on Team Go/);
    await h.core.polls.renders.drain();
    const edit = await h.fake.waitFor(
      () => h.fake.rest.find('PATCH', new RegExp(`^/channels/${IDS.channel}/messages/\\d+$`)).at(-1),
      'the re-render',
    );
    expect(embedText(edit.body)).toMatch(/🐹 Go █{10} 100% \(1\)/);
  });
});

describe('the poll form', () => {
  let formId = '';
  it("WHEN /versus poll manage:new runs THEN the core's poll form opens as a modal (type 9)", async () => {
    const i = h.fake.slash('poll', { manage: 'new' });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type, embedText(cb.body.data)).toBe(9);
    // The core's reference to who opened it and where, not the form's name.
    expect(cb.body.data.custom_id).toMatch(/^dc:form:[\w-]{8,}$/);
    formId = cb.body.data.custom_id;
    const fields = (cb.body.data.components as Json[]).map((l) => [l.type, l.component.custom_id]);
    expect(fields).toEqual([
      [18, 'question'],
      [18, 'options'],
      [18, 'public'],
      [18, 'duration'],
    ]);
  });

  it('WHEN the form is submitted THEN the poll is posted with those options, public and for the given time', async () => {
    const before = h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`)).length;
    const s = h.fake.submitModal(formId, {
      question: 'Which queue?',
      options: 'Celery\nAsynq\n\n  Machinery  ',
      public: ['on'],
      duration: '2h',
    });
    await h.fake.waitForCallback(s.id);
    const post = await h.fake.waitFor(
      () => h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))[before],
      'the poll from the form',
    );
    const text = embedText(post.body);
    expect(text).toMatch(/Which queue\?/);
    for (const o of ['Celery', 'Asynq', 'Machinery']) expect(text).toContain(o);
    expect(buttonIds(post.body).filter((id) => id.startsWith('v1:poll:vote:'))).toHaveLength(3);
  });

  it('WHEN the form has one option THEN only the sender is told what to fix, and nothing is posted', async () => {
    const before = h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`)).length;
    const s = h.fake.submitModal(formId, {
      question: 'Q?',
      options: 'Only one',
      public: ['off'],
      duration: '',
    });
    const cb = await h.fake.waitForCallback(s.id);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(cb.body.data)).toMatch(/option/i);
    expect(h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))).toHaveLength(before);
  });
});

describe('the rest of the port', () => {
  it('WHEN the core posts into a thread, updates and uploads THEN the right REST calls are made', async () => {
    const reply: Reply = { visibility: 'channel', title: 'Hi', blocks: [{ type: 'text', text: 'in a thread' }] };
    const at = { workspaceId: IDS.guild, channelId: IDS.channel, threadId: IDS.thread };
    const ref = await h.adapter.port.post(at, reply);
    expect(ref).toMatchObject({ channelId: IDS.channel, threadId: IDS.thread });
    expect(v2Text(postsIn(h.fake, IDS.thread).at(-1))).toBe('### Hi\nin a thread');

    await h.adapter.port.update(
      { ...ref, workspaceId: IDS.guild },
      { ...reply, blocks: [{ type: 'text', text: 'edited' }] },
    );
    const patch = h.fake.rest.find('PATCH', new RegExp(`^/channels/${IDS.thread}/messages/${ref.messageId}$`));
    expect(v2Text(patch[0]?.body)).toBe('### Hi\nedited');

    const where = await h.adapter.port.upload!(
      { workspaceId: IDS.guild, channelId: IDS.channel },
      'poll-p1.csv',
      'user,option\nu1,Go\n',
    );
    const upload = h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`)).at(-1)!;
    expect(upload.files).toEqual([{ name: 'poll-p1.csv', content: 'user,option\nu1,Go\n' }]);
    expect(where).toEqual({
      channelId: IDS.channel,
      url: expect.stringMatching(/^https:\/\/cdn\.fake\/.+poll-p1\.csv$/),
    });
  });

  it('WHEN asked whether a user is an admin in a channel THEN Manage Messages / Manage Guild there decide', async () => {
    const here = { workspaceId: IDS.guild, channelId: IDS.channel };
    expect(await h.adapter.port.isAdmin!(here, IDS.admin)).toBe(true);
    expect(await h.adapter.port.isAdmin!(here, IDS.user)).toBe(false);
    expect(await h.adapter.port.isAdmin!(here, '1100000000000000098')).toBe(false); // unknown member: logged, false
    // A channel that is not the guild's gives no rights in it.
    expect(await h.adapter.port.isAdmin!({ workspaceId: IDS.guild, channelId: '1100000000000000097' }, IDS.admin)).toBe(
      false,
    );
  });
});
