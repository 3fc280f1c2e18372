import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn, serverLocale, startHarness } from '../fakes/discord-harness.js';
import { type SlackRig, slackRig, slackText } from '../fakes/slack-harness.js';

const QUESTION = 'how much memory do goroutines and threads use';

/**
 * Issue 23, item 5: German proves the mechanism end to end. Slack takes it from VERSUS_LOCALE (the core's
 * `locale`), Discord from the server's preferred locale (guild_locale). Claims stay in English, their
 * sources' language; the frame around them is German.
 */
describe('GIVEN the German catalogue', () => {
  describe('on Slack with VERSUS_LOCALE=de', () => {
    let rig: SlackRig;
    beforeAll(async () => {
      rig = await slackRig({ core: { locale: 'de' } });
    });
    afterAll(() => rig.close());

    it('WHEN a poll is started THEN its frame, buttons and tally are German', async () => {
      await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), channel: 'CDE' });
      const post = await rig.fake.waitFor(() =>
        rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CDE' && c.result?.ok),
      );
      const text = slackText(post.body);
      expect(text).toMatch(/Umfrage p[\w-]+ · anonym · endet \d{4}-\d\d-\d\d \d\d:\d\d UTC · erneut auf deine Option/);
      expect(text).toContain('_0 Stimmen_');
      expect(text).toContain('Umfrage schließen');
      expect(text).not.toMatch(/Close poll|votes|anonymous/);
      const vote = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+/)![0];
      await rig.send.action(vote, {
        user: 'U7',
        channel: 'CDE',
        messageTs: String(post.result!.ts),
        responseUrl: rig.fake.responseUrl(),
      });
      const confirm = await rig.fake.waitFor(() =>
        rig.fake.callsOf('chat.postEphemeral').find((c) => c.body.user === 'U7'),
      );
      expect(confirm.body.text).toBe('Du bist in Team Go.');
    });

    it('WHEN a question is asked THEN the answer’s headings, buttons and footer are German, its claims English', async () => {
      const { body } = await rig.command(`ask ${QUESTION}`);
      const text = slackText(body);
      expect(text).toMatch(/Außerdem aus den Quellen|Die passendsten Aussagen der Quellen/);
      expect(text).toMatch(/\d+ passende Aussagen · Antworten stammen nur aus den indexierten Quellen/);
      expect(text).toMatch(/goroutine/i);
      expect(text).not.toMatch(/Also from the sources|matching claims/);
    });

    it('WHEN a command is mistyped THEN the error reply is German', async () => {
      const { body } = await rig.command('frobnicate');
      expect(JSON.stringify(body)).toMatch(/Nicht ganz/);
    });
  });

  describe('on Discord in a server whose preferred locale is de', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ before: serverLocale('de') });
    });
    afterAll(() => h.stop());

    it('WHEN a poll is started and voted on THEN the posted poll and its redraw are German', async () => {
      const create = h.fake.slash('poll');
      await h.fake.waitForCallback(create.id as string);
      const body = await h.fake.waitFor(() => postsIn(h.fake, IDS.channel).find((b) => buttonIds(b).length > 0));
      expect(embedText(body)).toMatch(/Umfrage p[\w-]+ · anonym · endet/);
      expect(embedText(body)).toContain('0 Stimmen');
      const vote = buttonIds(body).find((id) => id.startsWith('v1:poll:vote:'))!;
      const click = h.fake.click(vote, { ...(body as Json), channelId: IDS.channel });
      const answer = await h.fake.waitForCallback(click.id as string);
      expect(embedText((answer.body as Json).data)).toBe('Du bist in Team Go.');
      // The redraw runs on the scheduler's coalescer, with no request in sight: the server's locale still holds.
      const redraw = await h.fake.waitFor(() =>
        h.fake.rest.find('PATCH', /^\/channels\/\d+\/messages\/\d+$/).find((r) => /1 Stimme\b/.test(embedText(r.body))),
      );
      expect(embedText(redraw.body)).toMatch(/Umfrage p[\w-]+ · anonym/);
      expect(JSON.stringify(body)).toContain('Umfrage schließen');
    });

    it('WHEN a question is asked THEN the answer’s frame is German and its claims English', async () => {
      const ask = h.fake.slash('ask', { question: QUESTION });
      const reply = await h.fake.waitForCallback(ask.id as string);
      const text = embedText((reply.body as Json).data);
      expect(text).toMatch(/Außerdem aus den Quellen|Die passendsten Aussagen der Quellen/);
      expect(text).toMatch(/passende Aussagen · Antworten stammen nur aus den indexierten Quellen/);
      expect(text).toMatch(/goroutine/i);
      const buttons = JSON.stringify(reply.body);
      expect(buttons).toMatch(/"label":"\w+ vergleichen"/);
      expect(buttons).toContain('"label":"Im Channel teilen"');
      expect(buttons).toContain('"label":"👍 Hilfreich"');
    });
  });
});
