import { IDS } from '../fakes/discord-fake.js';
import { type Harness, startHarness } from '../fakes/discord-harness.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

/** Real discord.js against the fake, the real knowledge folder, and a server whose preferred locale is German. */
export function germanServer(): Promise<Harness> {
  return startHarness({
    knowledgeDir: REAL_KNOWLEDGE,
    before: (fake) => {
      fake.state.guilds.get(IDS.guild)!.preferred_locale = 'de';
    },
  });
}
