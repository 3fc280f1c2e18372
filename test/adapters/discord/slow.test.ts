import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../../src/chat/context.js';
import type { VersusHandler } from '../../../src/chat/handler.js';
import { IDS } from '../../fakes/discord-fake.js';
import { embedText, type Harness, startHarness } from '../../fakes/discord-harness.js';

// When the core is slow, the adapter must still acknowledge within Discord's 3 s: it defers (type 5 / 6)
// and edits the answer in later. The real core answers; a gate in front of it decides when.

let h: Harness;
let gate: { open(): void; wait: Promise<void> } | undefined;
const newGate = () => {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  gate = { open, wait };
  return gate;
};

const seen: { text: string; ctx: ChatContext }[] = [];

/** The real handler, except that command() and action() wait for the current gate (if any) and record what they got. */
function gated(real: VersusHandler): VersusHandler {
  return {
    command: async (text, ctx) => {
      seen.push({ text, ctx });
      await gate?.wait;
      return real.command(text, ctx);
    },
    action: async (id, ctx) => {
      seen.push({ text: id, ctx });
      await gate?.wait;
      return real.action(id, ctx);
    },
    visibility: (text, ctx) => real.visibility(text, ctx),
    keepsRequestKey: (id) => real.keepsRequestKey(id),
    mention: (text, ctx) => real.mention(text, ctx),
    askAbout: (text, ctx) => real.askAbout(text, ctx),
    openForm: (id, ctx) => real.openForm(id, ctx),
    submit: (ref, values, ctx) => real.submit(ref, values, ctx),
    addSource: (file, ctx) => real.addSource(file, ctx),
    threadMessage: (text, ctx) => real.threadMessage(text, ctx),
    firstDelivery: (p, id) => real.firstDelivery(p, id),
    privateThreadStarted: (ctx) => real.privateThreadStarted(ctx),
    inPrivateThread: (ctx) => real.inPrivateThread(ctx),
    words: (ctx) => real.words(ctx),
    autocomplete: (o, p) => real.autocomplete(o, p),
    names: real.names,
  };
}

beforeAll(async () => {
  h = await startHarness({ wrap: gated, adapter: { deferAfterMs: 30 } });
  // These tests are about deferring a public answer: the channel's answers are public.
  h.core.settings.setAnswers(
    { platform: 'discord', workspaceId: IDS.guild, channelId: IDS.channel, userId: IDS.admin },
    'public',
  );
});
afterAll(async () => {
  gate?.open();
  await h?.stop();
});

describe('GIVEN a core slower than the deferral threshold', () => {
  it('WHEN /versus compare runs THEN the adapter defers publicly (type 5) and then edits the original with the answer', async () => {
    const g = newGate();
    const i = h.fake.slash('compare', { topic: 'memory' });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(5);
    expect((cb.body.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    g.open();
    const edit = await h.fake.waitFor(
      () => h.fake.webhook(i.token).find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original')),
      'the edit',
    );
    expect(embedText(edit.body)).toContain('Go vs Python: Memory');
  });

  it('WHEN the slow answer turns out private (usage error) THEN the public placeholder is deleted and the answer follows up with flag 64', async () => {
    const g = newGate();
    const i = h.fake.slash('compare', { topic: 'x' });
    expect((await h.fake.waitForCallback(i.id)).body.type).toBe(5);
    g.open();
    const follow = await h.fake.waitFor(
      () => h.fake.webhook(i.token).find((r) => r.method === 'POST'),
      'the private follow-up',
    );
    expect(follow.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(follow.body)).toMatch(/Name a topic/);
    const del = h.fake.webhook(i.token).find((r) => r.method === 'DELETE');
    expect(del?.path).toMatch(/\/messages\/@original$/);
    expect(del!.at).toBeLessThanOrEqual(follow.at);
  });

  it('WHEN /versus compare is slow where answers are private THEN the deferral is private and the answer edits it in place', async () => {
    const g = newGate();
    const i = h.fake.slash('compare', { topic: 'memory' }, { channelId: IDS.otherChannel });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(5);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    g.open();
    const edit = await h.fake.waitFor(
      () => h.fake.webhook(i.token).find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original')),
      'the edit',
    );
    expect(embedText(edit.body)).toContain('Go vs Python: Memory');
    // Nothing was shown to the channel first: no placeholder to delete, no private follow-up.
    expect(h.fake.webhook(i.token).map((r) => r.method)).toEqual(['PATCH']);
  });

  it('WHEN /versus help is slow THEN the deferral is already private', async () => {
    const g = newGate();
    const i = h.fake.slash('help');
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(5);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    g.open();
    await h.fake.waitFor(() => h.fake.webhook(i.token).find((r) => r.method === 'PATCH'), 'the edit');
  });

  it("WHEN a button's action is slow THEN the click is deferred (type 6) and the reply follows up", async () => {
    const g = newGate();
    const click = h.fake.click('v1:cmp:memory', {});
    expect((await h.fake.waitForCallback(click.id)).body.type).toBe(6);
    g.open();
    const follow = await h.fake.waitFor(
      () => h.fake.webhook(click.token).find((r) => r.method === 'POST'),
      'the follow-up',
    );
    expect(embedText(follow.body)).toContain('Go vs Python: Memory');
  });

  it('WHEN the core answers in time THEN there is no deferral', async () => {
    gate = undefined;
    const i = h.fake.slash('sources');
    expect((await h.fake.waitForCallback(i.id)).body.type).toBe(4);
  });

  it('passes the core who and where: guild, channel (parent of a thread), user, admin, and the clicked message', async () => {
    gate = undefined;
    const inThread = h.fake.slash('compare', { topic: 'typing' }, { channelId: IDS.thread, userId: IDS.admin });
    await h.fake.waitForCallback(inThread.id);
    const { isAdmin, ...asked } = seen.find((s) => s.text === 'compare typing')!.ctx;
    expect(asked).toEqual({
      platform: 'discord',
      workspaceId: IDS.guild,
      channelId: IDS.channel,
      threadId: IDS.thread,
      userId: IDS.admin,
      userName: 'user22',
      serverInstall: true,
      // The server's locale (guild_locale), which picks the language of Versus' own words.
      locale: 'en-US',
    });
    // The interaction's own permissions say so: Discord is not asked again for this channel.
    expect(await isAdmin()).toBe(true);
    const click = h.fake.click('v1:cmp:typing', { id: '1200000000000000777' });
    await h.fake.waitForCallback(click.id);
    const clicked = seen.find((s) => s.text === 'v1:cmp:typing')!.ctx;
    expect(clicked).toMatchObject({ channelId: IDS.channel, userId: IDS.user, messageId: '1200000000000000777' });
    expect(await clicked.isAdmin()).toBe(false);
  });

  it('WHEN the adapter is stopped while an answer is in flight THEN stop() waits for it to be delivered, then disconnects', async () => {
    const g = newGate();
    const i = h.fake.slash('compare', { topic: 'concurrency' });
    expect((await h.fake.waitForCallback(i.id)).body.type).toBe(5);
    let stopped = false;
    const stopping = h.adapter.stop().then(() => (stopped = true));
    expect(stopped).toBe(false);
    g.open();
    await stopping;
    expect(h.fake.webhook(i.token).find((r) => r.method === 'PATCH')).toBeDefined();
    await h.fake.waitFor(() => h.fake.gateway.connections === 0, 'the gateway connection to close');
    expect(h.adapter.ready()).toBe(false);
  });
});
