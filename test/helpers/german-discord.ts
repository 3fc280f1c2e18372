import type { Json } from '../fakes/discord-fake.js';
import { embedText, type Harness, serverLocale, startHarness } from '../fakes/discord-harness.js';

/** The real Discord adapter and core against the fake, in a server whose preferred locale is German (guild_locale de). */
export function germanServer(opts: Omit<Parameters<typeof startHarness>[0] & object, 'before'> = {}): Promise<Harness> {
  return startHarness({ ...opts, before: serverLocale('de') });
}

/** What a user reads of a message body: its text and its buttons' labels. */
export const readable = (body: Json) =>
  [embedText(body), ...(JSON.stringify(body).match(/"label":"[^"]*"/g) ?? [])].join('\n');
