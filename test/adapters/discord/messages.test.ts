import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../../fakes/discord-fake.js';
import { embedText, type Harness, postsIn, startHarness } from '../../fakes/discord-harness.js';

// @mentions, threads and follow-ups, with the real discord.js client, the real core and a fake Discord.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const threadsStarted = () => h.fake.rest.find('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/);

describe('an @mention in a channel', () => {
  let threadId: string;

  it('THEN a thread is started from the message and the answer is posted in it', async () => {
    const m = h.fake.say('how much memory does a goroutine start with?', { mention: true });
    const start = await h.fake.waitFor(
      () => threadsStarted().find((r) => r.path === `/channels/${IDS.channel}/messages/${m.id}/threads`),
      'the thread',
    );
    expect(start.body.name).toBe('how much memory does a goroutine start with?');
    threadId = m.id; // the fake, like Discord, gives a thread started from a message that message's id
    const [answer] = await h.fake.waitFor(
      () => postsIn(h.fake, threadId).length > 0 && postsIn(h.fake, threadId),
      'the answer in the thread',
    );
    expect(embedText(answer)).toContain('A goroutine starts with about 2 KB of stack memory.');
    expect(embedText(answer)).toContain('[Alpha Article › Speed](https://example.com/alpha)');
    expect(postsIn(h.fake, IDS.channel)).toHaveLength(0); // nothing in the channel itself
  });

  it('WHEN someone follows up in that thread without a mention THEN it is answered there, with the earlier question as context', async () => {
    h.fake.say('and what about the GIL in python?', { channelId: threadId });
    const posts = await h.fake.waitFor(
      () => postsIn(h.fake, threadId).length >= 2 && postsIn(h.fake, threadId),
      'the follow-up answer',
    );
    expect(embedText(posts[1])).toMatch(/GIL/);
  });

  it('WHEN the same message is delivered twice THEN only one thread is started', async () => {
    const m = h.fake.say('is go faster than python for web servers?', { mention: true });
    h.fake.gateway.dispatch('MESSAGE_CREATE', m);
    await h.fake.waitFor(() => postsIn(h.fake, m.id).length > 0, 'the answer');
    const marker = h.fake.say('what about hiring go developers?', { mention: true });
    await h.fake.waitFor(() => postsIn(h.fake, marker.id).length > 0, 'the marker answer');
    expect(threadsStarted().filter((r) => r.path.endsWith(`/${m.id}/threads`))).toHaveLength(1);
    expect(postsIn(h.fake, m.id)).toHaveLength(1);
  });
});

describe('messages Versus must not answer', () => {
  it('WHEN a bot mentions Versus, or someone talks in a thread Versus was never asked in THEN nothing is posted', async () => {
    const fromBot = h.fake.say('what about memory?', { mention: true, userId: IDS.otherBot, bot: true });
    h.fake.say('just chatting about lunch here', { channelId: IDS.thread });
    // A marker answered afterwards proves the two earlier events were handled (events are handled in order).
    h.fake.say('does python have a GIL?', { channelId: IDS.thread, mention: true });
    await h.fake.waitFor(() => postsIn(h.fake, IDS.thread).length > 0, 'the marker answer');
    expect(postsIn(h.fake, IDS.thread)).toHaveLength(1);
    expect(threadsStarted().filter((r) => r.path.endsWith(`/${fromBot.id}/threads`))).toHaveLength(0);
  });
});

describe('an @mention inside an existing thread', () => {
  it('THEN it is answered in that thread (no new thread)', async () => {
    const before = threadsStarted().length;
    h.fake.say('compare memory', { channelId: IDS.thread, mention: true });
    const posts = await h.fake.waitFor(
      () => postsIn(h.fake, IDS.thread).length >= 2 && postsIn(h.fake, IDS.thread),
      'the answer in the thread',
    );
    expect(embedText(posts[1])).toMatch(/Go vs Python: Memory/);
    expect(threadsStarted()).toHaveLength(before);
  });

  it("WHEN the thread is not in discord.js's cache THEN the adapter fetches it and answers there", async () => {
    const id = h.fake.nextId();
    h.fake.state.channels.set(id, { ...h.fake.state.channels.get(IDS.thread), id, name: 'made while Versus was away' });
    h.fake.say('does a goroutine use much memory?', { channelId: id, mention: true, channelType: 11 });
    await h.fake.waitFor(() => postsIn(h.fake, id).length > 0, 'the answer in the uncached thread');
    expect(h.fake.rest.find('GET', new RegExp(`^/channels/${id}$`))).toHaveLength(1);
  });
});

describe('rate limits', () => {
  it('WHEN Discord answers 429 to a post THEN the REST client waits Retry-After and the retry succeeds', async () => {
    h.fake.rest.failNext('POST', new RegExp(`^/channels/${IDS.thread}/messages$`), { retryAfter: 0.2 });
    h.fake.say('how many requests per second does go handle?', { channelId: IDS.thread, mention: true });
    const attempts = await h.fake.waitFor(() => {
      const all = h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.thread}/messages$`));
      const limited = all.findIndex((r) => r.status === 429);
      return limited >= 0 && all.length > limited + 1 && { first: all[limited]!, retry: all[limited + 1]! };
    }, 'the 429 and its retry');
    expect(attempts.retry.status).toBe(200);
    expect(attempts.retry.body).toEqual(attempts.first.body);
    expect(attempts.retry.at - attempts.first.at).toBeGreaterThanOrEqual(190);
    expect(h.logs.some((l) => l.level === 40 && /rate limited/.test(l.msg))).toBe(true);
  });

  it('WHEN an interaction callback gets a 429 THEN it is retried and still delivered', async () => {
    h.fake.rest.failNext('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, { retryAfter: 0.05 });
    const i = h.fake.slash('sources');
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(4);
    expect(h.fake.rest.find('POST', new RegExp(`^/interactions/${i.id}/`)).map((r) => r.status)).toEqual([429, 204]);
  });
});
