import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClock } from '../../src/clock.js';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn } from '../fakes/discord-harness.js';
import { germanServer, readable } from '../helpers/german-discord.js';

/** What a user reads of an interaction's reply. */
const replyText = (r: { body: unknown }) => readable((r.body as Json).data as Json);

/**
 * Issue 23, item 5, for polls beyond the poll message: `/versus schedule` and `/versus poll` mistakes and
 * replies, and a debate poll the scheduler posts with no request in sight, all in the language of a
 * Discord server whose preferred locale (guild_locale) is German.
 */
describe('GIVEN a Discord server whose locale is de', () => {
  let h: Harness;
  const slash = async (sub: string, options: Record<string, string> = {}) => {
    const i = h.fake.slash(sub, options);
    return replyText(await h.fake.waitForCallback(i.id as string));
  };
  beforeAll(async () => {
    h = await germanServer({
      core: { pollUpdateIntervalMs: 5 },
    });
  });
  afterAll(() => h.stop());

  it('WHEN a schedule is added, listed and removed THEN every reply is German', async () => {
    const added = await slash('schedule', { action: 'add', when: 'every monday at 10:00', timezone: 'Europe/Berlin' });
    const id = /`(s[\w-]+)`/.exec(added)![1]!;
    expect(added).toContain('🗓️ Streitfrage-Umfrage geplant');
    expect(added).toMatch(
      /every monday at 10:00 \(Europe\/Berlin\), Umfragen laufen 1d; nächste: Mo\., 12\. Jan\., 10:00\nJede Umfrage stellt ein Thema zur Debatte/,
    );
    const list = await slash('schedule', { action: 'list' });
    expect(list).toContain('Geplante Streitfrage-Umfragen');
    expect(list).toContain(`\`${id}\` every monday at 10:00 (Europe/Berlin), Umfragen laufen 1d`);
    expect(await slash('schedule', { action: 'remove', id })).toContain(`Zeitplan ${id} entfernt.`);
    expect(await slash('schedule', { action: 'list' })).toContain(
      'In diesem Channel sind keine Streitfrage-Umfragen geplant.',
    );
    for (const text of [added, list]) expect(text).not.toMatch(/Debate poll scheduled|polls last|next:/);
  });

  it('WHEN a schedule or a poll is written wrong THEN the mistake is explained in German', async () => {
    expect(await slash('schedule', { action: 'add', when: 'every monday' })).toContain(
      'Gib eine Uhrzeit an, z. B. `every monday at 10:00`',
    );
    expect(
      await slash('schedule', { action: 'add', when: 'every monday at 10:00', timezone: 'Mars/Olympus' }),
    ).toContain('Die Zeitzone „Mars/Olympus“ kenne ich nicht.');
    const poll = await slash('poll', { question: 'Welche Sprache?', options: 'Go' });
    expect(poll).toContain('Eine eigene Umfrage braucht 2 bis 10 Optionen; du hast 1 angegeben.');
    expect(poll).toContain('Nicht ganz');
    expect(poll).not.toMatch(/custom poll needs|you gave/);
  });

  it('WHEN the scheduler posts a debate poll THEN its question, options and frame are German', async () => {
    await slash('schedule', { action: 'add', when: 'every monday at 10:00' });
    const before = postsIn(h.fake, IDS.channel).length;
    (h.core.clock as TestClock).set('2026-01-05T10:00:30Z');
    expect((await h.core.scheduler.tick()).debatesPosted).toBe(1);
    const post = await h.fake.waitFor(() =>
      postsIn(h.fake, IDS.channel)
        .slice(before)
        .find((b) => buttonIds(b).length),
    );
    const text = embedText(post);
    expect(text).toMatch(/📊 Streitfrage: [^.]+\. Team Go oder Team Python\?/);
    expect(text).toMatch(/Umfrage p[\w-]+ · anonym · endet/);
    expect(JSON.stringify(post)).toContain('"label":"🤝 Kommt drauf an"');
    expect(text).not.toMatch(/Debate:|It depends|anonymous/);
  });
});
