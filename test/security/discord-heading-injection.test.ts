import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { type Harness, startHarness, v2Text } from '../fakes/discord-harness.js';

/** Everything a heading must not do in the bot's voice: ping, link under false text, hide text, start a heading. */
const HOSTILE = `@everyone <@&${IDS.adminRole}> <@${IDS.admin}> [click](https://evil.example) ||spoiler||`;
const ESCAPED = `@\u200Beveryone \\<@&${IDS.adminRole}\\> \\<@${IDS.admin}\\> \\[click\\](https://evil.example) \\|\\|spoiler\\|\\|`;

/**
 * Issue 20, item 3: a poll question or a quoted question is a Components V2 heading (`### …`). It is
 * escaped like body text, and it is one line: a form's newlines cannot start a heading of their own. The
 * real discord.js client against the fake Discord, which checks every message as Discord would.
 */
describe('markdown and mention injection in Discord headings (real discord.js)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const posted = (before: number) =>
    h.fake.waitFor(
      () => h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))[before],
      'the poll message',
    );
  const postsNow = () => h.fake.rest.find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`)).length;
  const headings = (body: Json) =>
    v2Text(body)
      .split('\n')
      .filter((l) => /^\s*#/.test(l));

  it('a poll question with mentions, a masked link and a spoiler is shown literally in its heading', async () => {
    const before = postsNow();
    h.fake.slash('poll', { question: HOSTILE, options: 'Go | Python' });
    const post = await posted(before);
    expect(headings(post.body)).toEqual([`### 📊 ${ESCAPED}`]);
    expect(post.body.allowed_mentions).toEqual({ parse: [] }); // and nobody is pinged, as before
  });

  it("a form's newlines cannot add headings or a masked link line: the question is one line", async () => {
    const opened = await h.fake.waitForCallback(h.fake.slash('poll', { manage: 'new' }).id);
    const before = postsNow();
    h.fake.submitModal(opened.body.data.custom_id as string, {
      question: 'Which one?\n# Official notice\n[Claim your prize](https://evil.example)',
      options: 'Go\nPython',
      public: ['off'],
      duration: '',
    });
    const post = await posted(before);
    expect(headings(post.body)).toEqual([
      '### 📊 Which one? # Official notice \\[Claim your prize\\](https://evil.example)',
    ]);
    expect(h.core.db.prepare("SELECT question FROM polls WHERE question LIKE 'Which one?%'").all()).toEqual([
      { question: 'Which one? # Official notice [Claim your prize](https://evil.example)' },
    ]);
  });

  it('a question quoted in the title of its answer is escaped the same way', async () => {
    const question = '@everyone [x](https://evil.example) ||s|| gil?';
    const cb = await h.fake.waitForCallback(h.fake.slash('ask', { question }).id);
    expect(headings(cb.body.data)[0]).toBe('### “@\u200Beveryone \\[x\\](https://evil.example) \\|\\|s\\|\\| gil?”');
  });
});
