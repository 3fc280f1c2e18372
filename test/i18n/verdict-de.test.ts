import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness } from '../fakes/discord-harness.js';
import { EXAMPLE } from '../verdict/example.js';
import { germanServer } from './german-server.js';

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
    h = await germanServer();
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
