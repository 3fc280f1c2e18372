import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness } from '../fakes/discord-harness.js';
import { germanServer, readable } from '../helpers/german-discord.js';

/**
 * Issue 23, item 5, for `/versus home`, the 👍/👎 confirmations and `/versus report`, in the language of a
 * Discord server whose locale is German. Questions and poll questions stay as people typed them.
 */
describe('GIVEN a Discord server whose locale is de', () => {
  let h: Harness;
  const slash = async (sub: string, options: Record<string, string> = {}, userId?: string) => {
    const i = h.fake.slash(sub, options, userId ? { userId } : {});
    return ((await h.fake.waitForCallback(i.id as string)).body as Json).data as Json;
  };
  beforeAll(async () => {
    h = await germanServer();
  });
  afterAll(() => h.stop());

  it('WHEN an answer is rated THEN the confirmation is German, and the report lists it in German', async () => {
    const answer = await slash('ask', { question: 'how much memory do goroutines and threads use' }, IDS.admin);
    const down = buttonIds(answer).find((id) => id.startsWith('v1:fb:') && id.endsWith(':down'))!;
    const click = h.fake.click(down, { ...answer, channelId: IDS.channel }, { userId: IDS.admin });
    const thanks = ((await h.fake.waitForCallback(click.id as string)).body as Json).data as Json;
    expect(embedText(thanks)).toBe(
      'Danke: als nicht hilfreich vermerkt. Admins sehen das in `/versus report` und ergänzen Quellen dafür.',
    );
    await slash('ask', { question: 'what is the best sci-fi book of all time' }, IDS.admin);
    const report = embedText(await slash('report', {}, IDS.admin));
    expect(report).toMatch(/^### Was dem Wissensordner fehlt/);
    expect(report).toContain(
      '**Gefragt, aber nichts gefunden**\n1\\. what is the best sci-fi book of all time — 1-mal',
    );
    expect(report).toContain(
      '**Als nicht hilfreich bewertete Antworten**\n1\\. how much memory do goroutines and threads use — 1 Stimme',
    );
    expect(report).toContain('Bewertungen ändern nie, wie Antworten sortiert werden');
    expect(report).not.toMatch(/nothing found|voted not helpful|— \d+ times?/);
  });

  it('WHEN someone who is not an admin asks for the report THEN the refusal is German', async () => {
    expect(embedText(await slash('report'))).toContain(
      'Den Bericht kann nur ein Server-Admin (Nachrichten verwalten oder Server verwalten) sehen.',
    );
  });

  it('WHEN the home is opened THEN its lists, sources and buttons are German', async () => {
    await slash('poll', { question: 'Welche Sprache für Billing?', options: 'Go | Python' }, IDS.admin);
    await slash('schedule', { action: 'add', when: 'every monday at 10:00' }, IDS.admin);
    const home = readable(await slash('home', {}, IDS.admin));
    expect(home).toMatch(
      new RegExp(
        `\\*\\*Deine offenen Umfragen\\*\\*\\n• „Welche Sprache für Billing\\?“ in <#${IDS.channel}> — endet \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(\`p`,
      ),
    );
    expect(home).toContain(
      '**Deine Durchgänge durch die Entscheidungsmatrix**\nKeine. Starte einen mit `/versus matrix`.',
    );
    expect(home).toMatch(
      new RegExp(
        `\\*\\*Deine geplanten Streitfrage-Umfragen\\*\\*\\n• every monday at 10:00 in <#${IDS.channel}> — nächste `,
      ),
    );
    expect(home).toContain('• **Alpha Article** — 6 Aussagen (`alpha.md`, indexiert ');
    expect(home).toContain('**Gefragt, aber nichts gefunden**');
    expect(home).toContain('"label":"Neue Umfrage"');
    expect(home).toMatch(/"label":"Zeitplan s[\w-]+ entfernen"/);
    expect(home).not.toMatch(/Your open polls|New poll|Remove schedule|closes|next /);
  });
});
