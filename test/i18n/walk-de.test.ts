import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, buttonLabelled as labelled } from '../fakes/discord-harness.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';
import { germanServer } from '../helpers/german-discord.js';

/** English frame phrases the walk used to write; none may be left in a German server's walk. */
const ENGLISH =
  /Step \d|Why it matters|Answers so far|Anyone here can answer|Not sure|Scorecard|Deciding factors|Verdict:|Recorded your answer|Export decision record|no answers yet/;

/**
 * Issue 23, item 5, for the decision-matrix walk: in a server whose preferred locale is German, a walk's
 * steps, buttons, redraws (made by the coalescer, with no request in sight) and scorecard are German, the
 * factors' questions too; the claims cited under them stay English, the language of their sources.
 */
describe('GIVEN a Discord server whose preferred locale is de', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await germanServer({ knowledgeDir: REAL_KNOWLEDGE });
  });
  afterAll(() => h.stop());

  it('WHEN three people walk three steps and the starter finishes THEN every step, redraw and the scorecard are German', async () => {
    const lead = '1300000000000000001';
    const users = ['1300000000000000011', '1300000000000000012', '1300000000000000013'];
    const start = h.fake.slash('matrix', {}, { userId: lead });
    const started = await h.fake.waitForCallback(start.id);
    expect(embedText(started.body.data)).toBe(
      'Ein Durchgang durch die Entscheidungsmatrix mit 14 Schritten hat begonnen. Antworte mit den Buttons; mit Weiter geht es zum nächsten Schritt.',
    );
    const post = await h.fake.waitFor(
      () =>
        h.fake.rest
          .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
          .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:mx:'))),
      'the first step',
    );
    const first = embedText(post.body);
    expect(first).toContain('🧭 Schritt 1/14: Schnell eine erste Version liefern');
    expect(first).toContain(
      'Müsst ihr schnell eine erste Version oder einen Prototyp liefern, bevor das Produkt sich bewährt hat?',
    );
    expect(first).toContain('Warum das wichtig ist');
    expect(first).toContain('Bisherige Antworten: noch keine Antworten');
    expect(first).toContain(
      `Alle hier können antworten (und ihre Antwort ändern); <@${lead}> oder ein Admin geht weiter.`,
    );
    expect(JSON.stringify(post.body.components)).toMatch(
      /"label":"Ja".*"label":"Nein".*"label":"Weiß nicht".*"label":"Überspringen".*"label":"Weiter ▶".*"label":"Jetzt abschließen"/,
    );
    let message: Json = post.body;
    const steps: [string[], string][] = [
      [['Ja', 'Nein', 'Weiß nicht'], 'Schnell eine erste Version liefern'],
      [['5', '4', '3'], 'ML und Datenarbeit'],
      [['Ja', 'Ja', 'Nein'], 'Sehr hohe Anfrageraten'],
    ];
    for (const [i, [answers, title]] of steps.entries()) {
      expect(embedText(message)).toContain(`🧭 Schritt ${i + 1}/14: ${title}`);
      for (const [n, answer] of answers.entries()) {
        const click = h.fake.click(
          labelled(message, new RegExp(`^${answer}( ·|$)`)),
          { embeds: message.embeds, components: message.components },
          { userId: users[n] },
        );
        const cb = await h.fake.waitForCallback(click.id);
        expect(embedText(cb.body.data)).toBe(
          `Deine Antwort zu „${title}“ ist gespeichert. Klick eine andere, um sie zu ändern.`,
        );
      }
      if (i === 0) {
        // Another user's click redraws the step through the coalescer: no request carries a locale there.
        const redraw = await h.fake.waitFor(() =>
          h.fake.rest
            .find('PATCH', /^\/channels\/\d+\/messages\/\d+$/)
            .find((r) => embedText(r.body).includes('Ja 1 · Nein 1 · weiß nicht 1')),
        );
        expect(embedText(redraw.body)).toContain(
          'Bisherige Antworten: Gleichstand → Weiß nicht (Ja 1 · Nein 1 · weiß nicht 1)',
        );
      }
      const nav = h.fake.click(
        labelled(message, i < 2 ? /^Weiter/ : /^Jetzt abschließen$/),
        { embeds: message.embeds, components: message.components },
        { userId: lead },
      );
      const cb = await h.fake.waitForCallback(nav.id);
      expect(cb.body.type).toBe(7); // the step message is updated in place
      message = cb.body.data;
    }
    const card = embedText(message);
    // Prototype tie → 0; ML mean 4 → Python 3; throughput yes → Go 4: hard pulls both ways, Split it.
    expect(card).toContain('🧭 Auswertung — Aufteilen');
    expect(card).toContain('Gesamt');
    expect(card).toMatch(
      /Schnell eine erste Version liefern — Gleichstand → Weiß nicht \(Ja 1 · Nein 1 · weiß nicht 1\)/,
    );
    expect(card).toMatch(/ML und Datenarbeit — Wichtigkeit 4 von 5 aus 3 Antworten/);
    expect(card).toMatch(/Knapper Speicher — noch keine Antworten/);
    expect(card).toContain('Entscheidende Faktoren: Sehr hohe Anfrageraten (Go), ML und Datenarbeit (Python)');
    expect(card).toContain(
      'Urteil: Aufteilen: Go für die Teile, die von „Sehr hohe Anfrageraten“ bestimmt werden, Python für die Teile, die von „ML und Datenarbeit“ bestimmt werden — die Mischform, die die Quellen beschreiben.',
    );
    expect(card).toContain('Warum: die Belege hinter den entscheidenden Faktoren');
    expect(card).toMatch(/requests per second|RPS|req\/s/i); // a cited claim, in its source's English
    expect(JSON.stringify(message.components)).toContain('"label":"📝 Entscheidungseintrag exportieren"');
    expect(card).not.toMatch(ENGLISH);
    expect(first).not.toMatch(ENGLISH);
  });

  it('WHEN a weight is mistyped THEN the usage mistake is explained in German', async () => {
    const cmd = h.fake.slash('matrix', { mode: 'weights', factor: 'hiring', weight: 'lots' }, { userId: IDS.admin });
    const text = embedText((await h.fake.waitForCallback(cmd.id)).body.data);
    expect(text).toContain('Nicht ganz');
    expect(text).toContain('zeigt die Gewichte dieses Channels; Admins:');
    expect(text).toContain('Verwendung: `/versus matrix [solo|status|cancel|weights]` — z. B. `/versus matrix`');
    expect(text).not.toMatch(/shows this channel's weights|Usage:/);
  });

  it('WHEN the weights are listed THEN factors and lines are German', async () => {
    const cmd = h.fake.slash('matrix', { mode: 'weights' }, { userId: IDS.admin });
    const text = embedText((await h.fake.waitForCallback(cmd.id)).body.data);
    expect(text).toContain('Gewichte der Matrix hier');
    expect(text).toContain('• Einstellen aus einem großen Pool (`hiring`): ×1, das Gewicht der Quellen');
    expect(text).not.toMatch(/the sources' weight|Matrix weights/);
  });

  it('WHEN a walk status is asked with none open THEN the answer is German', async () => {
    const cmd = h.fake.slash('matrix', { mode: 'status' }, { userId: '1300000000000000044', channelId: IDS.channel });
    const text = embedText((await h.fake.waitForCallback(cmd.id)).body.data);
    expect(text).toMatch(
      /^Dein Solo-Durchgang|^Der Channel-Durchgang|^Hier ist kein Durchgang offen\. Starte einen mit/,
    );
  });

  it('WHEN an admin changes a weight THEN the confirmation lists it in German, with a German weight', async () => {
    const cmd = h.fake.slash('matrix', { mode: 'weights', factor: 'hiring', weight: '1.5' }, { userId: IDS.admin });
    const text = embedText((await h.fake.waitForCallback(cmd.id)).body.data);
    expect(text).toContain('Gewichte der Matrix hier geändert');
    expect(text).toMatch(
      new RegExp(
        `• \\*\\*Einstellen aus einem großen Pool\\*\\* \\(\`hiring\`\\): ×1,5 — geändert von <@${IDS.admin}> am \\d{4}-\\d\\d-\\d\\d`,
      ),
    );
  });
});
