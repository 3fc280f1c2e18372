import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn, serverLocale, startHarness } from '../fakes/discord-harness.js';

const QUESTION = 'how much memory do goroutines and threads use';

/**
 * The real discord.js client against the fake Discord: a server whose preferred locale is German, one channel
 * of which an admin switches to English (`/versus settings language:en`).
 */
describe('GIVEN a German Discord server with one channel set to English', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ before: serverLocale('de') });
  });
  afterAll(() => h.stop());

  const reply = async (i: Json) => embedText(((await h.fake.waitForCallback(i.id as string)).body as Json).data);

  it('WHEN a member tries to set it THEN refused in German; an admin sets it and is answered in English', async () => {
    expect(await reply(h.fake.slash('settings', { language: 'en' }, { userId: IDS.user }))).toContain(
      'Nur ein Server-Admin (Nachrichten verwalten oder Server verwalten) kann die Einstellungen dieses Channels ändern.',
    );
    expect(await reply(h.fake.slash('settings', { language: 'en' }, { userId: IDS.admin }))).toContain(
      'Done: Versus writes in English in this channel from now on.',
    );
  });

  it('WHEN a question is asked THEN the channel’s English beats the server’s German; the other channel stays German', async () => {
    const en = await reply(h.fake.slash('ask', { question: QUESTION }));
    expect(en).toMatch(/\d+ matching claims · answers come only from the indexed sources/);
    const de = await reply(h.fake.slash('ask', { question: QUESTION }, { channelId: IDS.otherChannel }));
    expect(de).toMatch(/\d+ passende Aussagen · Antworten stammen nur aus den indexierten Quellen/);
  });

  it('WHEN a poll there is voted on THEN the post and the redraw (no request in sight) are English', async () => {
    const create = h.fake.slash('poll');
    await h.fake.waitForCallback(create.id as string);
    const body = await h.fake.waitFor(() => postsIn(h.fake, IDS.channel).find((b) => buttonIds(b).length > 0));
    expect(embedText(body)).toMatch(/Poll p[\w-]+ · anonymous · closes/);
    const vote = buttonIds(body).find((id) => id.startsWith('v1:poll:vote:'))!;
    const click = h.fake.click(vote, { ...(body as Json), channelId: IDS.channel });
    expect(await reply(click)).toBe("You're on Team Go.");
    const redraw = await h.fake.waitFor(() =>
      h.fake.rest.find('PATCH', /^\/channels\/\d+\/messages\/\d+$/).find((r) => /1 vote\b/.test(embedText(r.body))),
    );
    expect(embedText(redraw.body)).toMatch(/Poll p[\w-]+ · anonymous/);
  });

  it('WHEN the settings are shown THEN they say English was chosen for the channel', async () => {
    expect(await reply(h.fake.slash('settings'))).toContain('Versus writes in English, as chosen for this channel');
  });
});
