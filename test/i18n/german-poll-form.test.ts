import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

type Modal = Parameters<SlackRig['send']['viewSubmission']>[0] & { title: { text: string }; submit: { text: string } };

/** Issue 23, item 5, for the poll form: its labels, each field's mistake and the confirmation, in German. */
describe('GIVEN Slack with VERSUS_LOCALE=de WHEN /versus poll new', () => {
  let rig: SlackRig;
  let modal: Modal;
  beforeAll(async () => {
    rig = await slackRig({ core: { locale: 'de' } });
    await rig.send.command('poll new', { responseUrl: rig.fake.responseUrl() });
    modal = (await rig.fake.waitFor(() => rig.fake.callsOf('views.open')[0])).body.view as Modal;
  });
  afterAll(() => rig.close());

  it('THEN the modal’s title, labels, hint and placeholders are German', () => {
    const text = JSON.stringify(modal);
    expect(modal.title.text).toBe('Neue Umfrage');
    expect(modal.submit.text).toBe('Umfrage posten');
    for (const words of [
      '"text":"Frage"',
      '"text":"Optionen"',
      'Eine pro Zeile, 2 bis 10.',
      'Welche Sprache für den Billing-Service?',
      'Anzeigen, wer wofür gestimmt hat (sonst anonym)',
      '"text":"Offen für"',
      '24h (30m, 2h, 3d; höchstens 30d)',
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/Question|Options|Open for|Post poll/);
  });

  it('THEN mistakes are shown on their fields in German, and a good submit is confirmed in German', async () => {
    const res = await rig.send.viewSubmission(modal, { question: 'Go', options: 'Go\ngo', duration: '3 weeks' });
    expect((JSON.parse(res.body) as { errors: Record<string, string> }).errors).toEqual({
      question: 'Die Frage ist zu kurz.',
      options: 'Zwei Optionen sind gleich; jede Option muss anders sein.',
      duration: '„3 weeks“ ist keine Dauer. Schreib sie als `30m`, `2h` oder `3d` (höchstens 30d).',
    });
    await rig.send.viewSubmission(modal, { question: 'Was für Billing?', options: 'Go\nPython', duration: '2h' });
    const told = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postEphemeral').at(-1));
    expect(String(told.body.text)).toMatch(
      /^Umfrage p[\w-]+ läuft; sie endet in 2 h\. Vorher schließen mit .\/versus poll close p[\w-]+.\.$/,
    );
  });
});
