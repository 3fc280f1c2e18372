import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v2Size } from '../../../src/adapters/discord/v2.js';
import { IDS, type Json } from '../../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, startHarness, v2Text } from '../../fakes/discord-harness.js';
import { REAL_KNOWLEDGE } from '../../helpers/core.js';

// The real discord.js client (the adapter) against a fake Discord (REST + gateway on 127.0.0.1), answering
// from the real core on a real SQLite database. Assertions are on what "Discord" received.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Answers in this channel are public (an admin's setting); private answers with Share: share.test.ts.
  h.core.settings.setAnswers(
    { platform: 'discord', workspaceId: IDS.guild, channelId: IDS.channel, userId: IDS.admin },
    'public',
  );
});
afterAll(async () => h?.stop());

describe('GIVEN the adapter connected to the gateway', () => {
  it('THEN it identified with Guilds, GuildMessages and MessageContent and is ready', () => {
    const intents = h.fake.gateway.identifies[0]!.intents;
    expect(intents & GatewayIntentBits.Guilds).toBeTruthy();
    expect(intents & GatewayIntentBits.GuildMessages).toBeTruthy();
    expect(intents & GatewayIntentBits.MessageContent).toBeTruthy();
    expect(h.adapter.ready()).toBe(true);
    expect(h.adapter.hasMessageContent()).toBe(true);
  });
});

describe('/versus compare with autocomplete', () => {
  it('WHEN the user types a topic prefix THEN autocomplete (type 8) offers matching topics, at most 25', async () => {
    const i = h.fake.autocomplete('compare', 'topic', 'con');
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain('concurrency');
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(cb.headers.authorization).toBeUndefined(); // interaction callbacks carry no bot token
  });

  it('WHEN the picked topic is submitted THEN a public reply (type 4) shows both sides, figures and disagreements, cited', async () => {
    // Performance: the fixture's only topic with a Go figure and a Python figure of one benchmark.
    const i = h.fake.slash('compare', { topic: 'performance' });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(4);
    expect((cb.body.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const text = embedText(cb.body.data);
    expect(v2Text(cb.body.data)).toMatch(/^### Go vs Python: Performance\n/);
    expect(cb.body.data.flags & MessageFlags.IsComponentsV2).toBe(MessageFlags.IsComponentsV2);
    expect(text).toContain('🐹 Go side');
    expect(text).toContain('🐍 Python side');
    expect(text).toContain('[Alpha Article › Speed](https://example.com/alpha)'); // linked citation
    expect(text).toContain('Beta Essay › Performance'); // no url → plain citation
    expect(text).toContain('Go 2.7× higher'); // the figure row's verdict
    expect(text).toContain('⚠️');
    // Each block is a container with its side's accent colour; the whole message stays within V2's limits.
    const containers = (cb.body.data.components as Json[]).filter((c) => c.type === 17);
    expect(containers.length).toBeGreaterThanOrEqual(4); // title, Go side, Python side, figures, disagreements
    expect(containers.map((c) => c.accent_color)).toEqual(expect.arrayContaining([0x00add8, 0xf0b232]));
    expect(v2Size(cb.body.data).components).toBeLessThanOrEqual(40);
    expect(v2Size(cb.body.data).chars).toBeLessThanOrEqual(4000);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('user-installed, in a DM with the bot', () => {
  it('WHEN /versus ask is used in a DM THEN it is answered there', async () => {
    const i = h.fake.slash('ask', { question: 'how much memory does a goroutine start with' }, { dm: true });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(4);
    expect(embedText(cb.body.data)).toMatch(/2 KB/);
  });

  it('WHEN /versus poll is used where Versus is not installed on a server THEN it says where it works, privately', async () => {
    const i = h.fake.slash('poll', {}, { dm: true });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(cb.body.data)).toMatch(/works in servers where Versus is installed/);
  });
});

describe('/versus ask', () => {
  let answer: Json;
  // Paging needs more matching claims than the fixture has: this part runs on the real knowledge folder.
  let real: Harness;
  beforeAll(async () => {
    real = await startHarness({ knowledgeDir: REAL_KNOWLEDGE });
    real.core.settings.setAnswers(
      { platform: 'discord', workspaceId: IDS.guild, channelId: IDS.channel, userId: IDS.admin },
      'public',
    );
  });
  afterAll(() => real.stop());
  it('WHEN asked a question THEN the reply leads with the answer, lists cited claims, with More sources and Compare buttons', async () => {
    const i = real.fake.slash('ask', { question: 'how much memory do goroutines and threads use' });
    const cb = await real.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(4);
    answer = cb.body.data;
    // Components V2: the question as the first container's title, the answer in bold below it.
    expect(v2Text(answer)).toMatch(/^### “how much memory do goroutines and threads use”\n\*\*.+\*\*\n-# ↳ /);
    expect(embedText(answer)).toMatch(/\*\*1\.\*\* .+\n-# ↳ /);
    const ids = buttonIds(answer);
    expect(ids.some((id) => id.startsWith('v1:more:'))).toBe(true);
    expect(ids).toContain('v1:cmp:concurrency');
  });

  it('WHEN "More sources" is clicked THEN the same message is updated (type 7) with the next claims', async () => {
    const more = buttonIds(answer).find((id) => id.startsWith('v1:more:'))!;
    const click = real.fake.click(more, { components: answer.components, flags: answer.flags });
    const cb = await real.fake.waitForCallback(click.id);
    expect(cb.body.type).toBe(7);
    expect(embedText(cb.body.data)).toMatch(/from #6/);
  });

  it('WHEN "Compare concurrency" is clicked THEN a new public reply (type 4) compares the topic', async () => {
    const click = real.fake.click('v1:cmp:concurrency', { components: answer.components, flags: answer.flags });
    const cb = await real.fake.waitForCallback(click.id);
    expect(cb.body.type).toBe(4);
    expect(v2Text(cb.body.data)).toMatch(/^### Go vs Python: Concurrency\n/);
  });

  it('WHEN the same interaction is delivered twice THEN it is answered once', async () => {
    const i = h.fake.slash('sources');
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    await h.fake.waitForCallback(i.id);
    const marker = h.fake.slash('help');
    await h.fake.waitForCallback(marker.id);
    expect(h.fake.rest.find('POST', new RegExp(`^/interactions/${i.id}/`))).toHaveLength(1);
  });
});

describe('usage errors and help are private (flag 64)', () => {
  it.each([
    ['compare', { topic: 'x' }, /Name a topic/],
    ['compare', { topic: 'quantum' }, /no topic “quantum”/],
    ['ask', { question: 'hi' }, /Ask a question/],
    ['help', {}, /\/versus compare <topic>/],
  ] as const)('/versus %s %o → ephemeral', async (sub, options, expected) => {
    const i = h.fake.slash(sub, options);
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(cb.body.data)).toMatch(expected);
  });
});

describe('who is an admin', () => {
  it("WHEN a member with Manage Messages closes someone else's poll THEN it closes; a plain member may not", async () => {
    const create = h.fake.slash('poll', {}, { userId: IDS.user });
    await h.fake.waitForCallback(create.id);
    const posted = await h.fake.waitFor(
      () =>
        h.fake.rest
          .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
          .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:poll:close:'))),
      'the poll message',
    );
    const closeId = buttonIds(posted.body).find((id) => id.startsWith('v1:poll:close:'))!;
    const pollId = closeId.split(':')[3]!;

    const byOther = h.fake.slash('poll', { manage: 'close', id: pollId }, { userId: '1100000000000000099' });
    const denied = await h.fake.waitForCallback(byOther.id);
    expect(denied.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(denied.body.data)).toMatch(/creator|admin/i);

    const byAdmin = h.fake.slash('poll', { manage: 'close', id: pollId }, { userId: IDS.admin });
    const closed = await h.fake.waitForCallback(byAdmin.id);
    expect(embedText(closed.body.data)).toMatch(new RegExp(`Poll ${pollId} is closed`));
  });
  it("WHEN a server admin removes someone else's schedule THEN it is removed; a plain member may not", async () => {
    const add = h.fake.slash('schedule', { action: 'add', when: 'every monday at 10:00' }, { userId: IDS.user });
    const added = embedText((await h.fake.waitForCallback(add.id)).body.data);
    const id = /`(s[\w-]+)`/.exec(added)?.[1] ?? '';
    expect(id).not.toBe('');

    const byOther = h.fake.slash('schedule', { action: 'remove', id }, { userId: '1100000000000000099' });
    const denied = await h.fake.waitForCallback(byOther.id);
    expect(denied.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(denied.body.data)).toMatch(/Only the person who added this schedule or a server admin/);

    const byAdmin = h.fake.slash('schedule', { action: 'remove', id }, { userId: IDS.admin });
    expect(embedText((await h.fake.waitForCallback(byAdmin.id)).body.data)).toMatch(`Schedule ${id} removed.`);
  });
});
