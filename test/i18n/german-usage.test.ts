import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../fakes/discord-fake.js';
import { embedText, type Harness } from '../fakes/discord-harness.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { germanServer } from '../helpers/german-discord.js';

/** Every text a Slack reply's blocks show, joined. */
const slackText = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? body.text ?? '');

/**
 * Issue 23, item 5, for mistakes: a command, a quote, a button or a question written wrong is explained in
 * the place's language (Slack: VERSUS_LOCALE, Discord: the server's locale), naming what to type as typed.
 */
describe('GIVEN the German catalogue', () => {
  describe('on Slack with VERSUS_LOCALE=de', () => {
    let rig: SlackRig;
    beforeAll(async () => {
      rig = await slackRig({ core: { locale: 'de' } });
    });
    afterAll(() => rig.close());

    it('WHEN a command is unknown THEN the reply says so in German, with a did-you-mean', async () => {
      const { body } = await rig.command('comapre gil');
      expect(slackText(body)).toContain(
        'Den Befehl „comapre“ kenne ich nicht. Meintest du `/versus compare`? Versuch `/versus help`.',
      );
    });

    it('WHEN a quote is left open THEN the reply says where, in German', async () => {
      const { body } = await rig.command('poll "Tabs or spaces? "Tabs" "Spaces');
      expect(slackText(body)).toContain('ist ein Anführungszeichen nicht geschlossen.');
      expect(slackText(body)).not.toContain('A quote is not closed');
    });

    it('WHEN a button of another version is clicked THEN the reply is German', async () => {
      await rig.send.action('v0:poll:vote:p1:0', { user: 'U7', channel: 'CDE', responseUrl: rig.fake.responseUrl() });
      const reply = await rig.fake.waitFor(() =>
        rig.fake.callsOf('chat.postEphemeral').find((c) => c.body.user === 'U7'),
      );
      expect(JSON.stringify(reply.body)).toContain(
        'Dieser Button stammt aus einer anderen Version von Versus. Führ den Befehl noch einmal aus.',
      );
    });
  });

  describe('on Discord in a server whose locale is de', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await germanServer();
    });
    afterAll(() => h.stop());

    it('WHEN ask or compare get too little THEN the mistake and the usage line are German', async () => {
      const ask = h.fake.slash('ask', { question: 'go' });
      const asked = embedText(((await h.fake.waitForCallback(ask.id as string)).body as Json).data as Json);
      expect(asked).toContain('Stell eine Frage, z. B. `/versus ask how much memory does a goroutine start with?`');
      expect(asked).toMatch(/Verwendung: `\/versus ask <question>` — z\. B\. `/);
      const compare = h.fake.slash('compare', { topic: 'x' });
      const compared = embedText(((await h.fake.waitForCallback(compare.id as string)).body as Json).data as Json);
      expect(compared).toContain('Nenn ein Thema, z. B. `/versus compare concurrency`.');
      expect(`${asked}\n${compared}`).not.toMatch(/Ask a question|Name a topic|Usage:/);
    });
  });
});
