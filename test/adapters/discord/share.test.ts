import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, startHarness } from '../../fakes/discord-harness.js';

// The real discord.js client against the fake Discord (REST + gateway), the real core on SQLite.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const isEphemeral = (data: Json) => ((data.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

describe('Discord: private answers with Share, feedback, channel settings', () => {
  let answer: Json;
  it('WHEN /versus ask THEN an ephemeral reply (flag 64) with Share and feedback buttons', async () => {
    const i = h.fake.slash('ask', { question: 'how much memory does a goroutine start with' });
    const cb = await h.fake.waitForCallback(i.id);
    expect(cb.body.type).toBe(4);
    answer = cb.body.data;
    expect(isEphemeral(answer)).toBe(true);
    const ids = buttonIds(answer);
    expect(ids[0]).toMatch(/^v1:share:/);
    expect(ids.filter((id) => id.startsWith('v1:fb:'))).toHaveLength(2);
  });

  it('WHEN Share is clicked THEN the private message is updated (type 7) and a public follow-up says who shared it', async () => {
    const share = buttonIds(answer)[0]!;
    const click = h.fake.click(share, {
      embeds: answer.embeds,
      components: answer.components,
      flags: MessageFlags.Ephemeral,
    });
    const cb = await h.fake.waitForCallback(click.id);
    expect(cb.body.type).toBe(7);
    expect(embedText(cb.body.data)).toContain('You shared this with the channel.');
    const followUp = await h.fake.waitFor(
      () => h.fake.webhook(click.token).find((r) => r.method === 'POST'),
      'the public follow-up',
    );
    expect(isEphemeral(followUp.body)).toBe(false);
    expect(embedText(followUp.body)).toContain(`Shared by <@${IDS.user}>`);
    expect(embedText(followUp.body)).toContain('2 KB');
    expect(followUp.body.allowed_mentions).toEqual({ parse: [] }); // attributed, nobody pinged
    expect(buttonIds(followUp.body).some((id) => id.startsWith('v1:share:'))).toBe(false);
  });

  it('WHEN Not helpful is clicked THEN an ephemeral thanks, and one stored vote per user', async () => {
    const down = buttonIds(answer).find((id) => id.endsWith(':down'))!;
    for (let n = 0; n < 2; n++) {
      const click = h.fake.click(down, { embeds: answer.embeds, components: answer.components });
      const cb = await h.fake.waitForCallback(click.id);
      expect(isEphemeral(cb.body.data)).toBe(true);
      expect(embedText(cb.body.data)).toMatch(/noted as not helpful/);
    }
    expect(h.core.db.prepare('SELECT count(*) AS n FROM answer_feedback WHERE helpful = 0').get()).toEqual({ n: 1 });
  });

  it('WHEN a server admin sets answers public THEN /versus compare replies publicly; a member may not', async () => {
    const denied = h.fake.slash('settings', { answers: 'public' }, { userId: IDS.user });
    expect(embedText((await h.fake.waitForCallback(denied.id)).body.data)).toMatch(/Only a server admin/);
    const set = h.fake.slash('settings', { answers: 'public' }, { userId: IDS.admin });
    expect(isEphemeral((await h.fake.waitForCallback(set.id)).body.data)).toBe(true);
    const i = h.fake.slash('compare', { topic: 'performance' });
    const cb = await h.fake.waitForCallback(i.id);
    expect(isEphemeral(cb.body.data)).toBe(false);
    expect(buttonIds(cb.body.data).some((id) => id.startsWith('v1:share:'))).toBe(false);
  });
});
