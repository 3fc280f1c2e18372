import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn } from '../fakes/discord-harness.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';
import { germanServer } from '../helpers/german-discord.js';
import { EXAMPLE } from '../verdict/example.js';

/** English frame phrases the verdict used to write; none may be left in a German server's verdict. */
const ENGLISH =
  /Verdict:|Score:|Decided by|Read from your words|Left open|Read wrong|Refine|Export decision record|you said|open factor/;

/**
 * Issue 23, item 5, for `/versus verdict`: in a server whose preferred locale is German the verdict's
 * frame, the factors it names, how firm it is and its buttons are German; the situation's words it quotes
 * back and the claims it cites stay as they were written.
 */
describe('GIVEN a Discord server whose preferred locale is de', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await germanServer({ knowledgeDir: REAL_KNOWLEDGE });
  });
  afterAll(() => h.stop());

  it('WHEN a situation is described THEN the verdict, its factors and its buttons are German', async () => {
    const cmd = h.fake.slash('verdict', { situation: EXAMPLE });
    const message: Json = (await h.fake.waitForCallback(cmd.id)).body.data;
    const text = embedText(message);
    expect(text).toContain('🧭 Urteil: Klar Python');
    expect(text).toMatch(
      /Punkte: Go [\d.]+ · Python [\d.]+, aus den \d+ von 14 Faktoren, die aus deiner Situation gelesen wurden\. Entschieden durch:/,
    );
    expect(text).toContain('Schnell eine erste Version liefern → Python +3 — du hast gesagt „');
    expect(text).toContain('Aus deinen Worten gelesen');
    expect(text).toContain('• Schnell eine erste Version liefern: **Ja** — „we must ship an MVP by spring“');
    expect(text).toContain(
      '• ML und Datenarbeit: **2 von 5** — „a B2B CRUD SaaS with a reporting module … some pandas“',
    );
    expect(text).toMatch(
      /Offen \(10\): Sehr hohe Anfrageraten, CPU-lastige Arbeit in Anfragen, .*, Wissenschaftliches Rechnen oder Scraping\./,
    );
    expect(text).toContain(
      'Nicht entschieden: Antworten zu den 10 offenen Faktoren könnten es noch zu Go oder einer Aufteilung bewegen.',
    );
    expect(text).toContain('Falsch gelesen? Schreib es in die Situation und frag noch einmal.');
    const buttons = JSON.stringify(message.components);
    expect(buttons).toContain('"label":"🧭 Verfeinern"');
    expect(buttons).toContain('"label":"📝 Entscheidungseintrag exportieren"');
    expect(buttons).toContain('"label":"Im Channel teilen"');
    expect(buttons).toContain('"label":"👍 Hilfreich"');
    expect(`${text}\n${buttons}`).not.toMatch(ENGLISH);
    expect(buttonIds(message).some((id) => /^v1:vr:[\w-]+:solo$/.test(id))).toBe(true);

    // Export decision record: the reply and the uploaded ADR are German; the claims it links stay English.
    const exportId = buttonIds(message).find((id) => id.startsWith('v1:adr:v:'))!;
    const before = postsIn(h.fake, IDS.channel).length;
    const click = h.fake.click(exportId, { components: message.components, flags: 64 });
    const done = embedText((await h.fake.waitForCallback(click.id)).body.data);
    expect(done).toMatch(
      /^### Entscheidungseintrag\n📝 Entscheidungseintrag d\w+ exportiert: .*decision-d\w+-r1\.md.* in <#\d+>\.$/,
    );
    const upload = h.fake.rest
      .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
      .slice(before)
      .find((r) => r.files.length)!;
    const adr = upload.files[0]!.content as string;
    expect(adr).toMatch(
      /^# Python für dieses Backend verwenden\n\n\* Stand: vorgeschlagen\n\* Entschieden von: @\d+\n\* Datum: \d{4}-\d\d-\d\d\n\* Eintrag: d\w+, Revision 1\n/,
    );
    for (const heading of [
      '## Kontext und Fragestellung',
      '## Entscheidungstreiber',
      '## Betrachtete Optionen',
      '## Entscheidung',
      '### Folgen',
      '## Revisionen',
    ])
      expect(adr).toContain(`\n${heading}\n`);
    expect(adr).toContain('| Faktor | Antwort |');
    expect(adr).toContain('| Schnell eine erste Version liefern | Ja (aus der Situation gelesen) |');
    expect(adr).toContain(
      '* **Schnell eine erste Version liefern**: Ja (aus der Situation gelesen), aus „we must ship an MVP by spring“ → Python +3 (das Gewicht der Quellen; Ja: Python +3; Nein: Go +1)',
    );
    expect(adr).toContain('Gewählte Option: „Python“, weil die entscheidenden Faktoren');
    expect(adr).toMatch(/\(Aussage `python-vs-go-2025:ea6a4003d489`\)/);
    expect(adr).toContain('* Revision 1, ');
    expect(adr).not.toMatch(
      /Context and Problem|Decision Drivers|Considered Options|Chosen option|read from the situation|Status: /,
    );
  });

  it('WHEN the situation is too short THEN the mistake is explained in German', async () => {
    const cmd = h.fake.slash('verdict', { situation: 'go' });
    const text = embedText((await h.fake.waitForCallback(cmd.id)).body.data);
    expect(text).toContain('Nicht ganz');
    expect(text).toContain(
      'Beschreib deine Situation, z. B. `/versus verdict four of us, a CRUD SaaS, MVP by spring`.',
    );
    expect(text).not.toMatch(/Describe your situation|Usage:/);
  });
});
