import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../fakes/discord-fake.js';
import { embedText, type Harness, startHarness } from '../fakes/discord-harness.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/**
 * Issue 20, item 11: a port returns data (the channel an export went to, the file's address), and the core
 * renders it with its own channel span — not platform markup that the reply's escaping then shows as
 * "uploaded to &lt;#C1&gt;". The real Bolt app over signed HTTP; the real discord.js client.
 */
describe('export confirmation markup', () => {
  describe('Slack (real Bolt over signed HTTP)', () => {
    let rig: SlackRig;
    beforeAll(async () => {
      rig = await slackRig();
    });
    afterAll(() => rig.close());

    it('names the channel as a channel link, not as escaped markup', async () => {
      const made = JSON.stringify((await rig.command('poll')).body);
      const id = /Poll (p\w+) is up/.exec(made)![1]!;
      const text = JSON.stringify((await rig.command(`poll export ${id}`)).body.blocks);
      expect(text).toContain(`poll-${id}.csv in <#C1>`);
      expect(text).not.toContain('&lt;');
    });
  });

  describe('Discord (real discord.js)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h.stop());

    it('links the attachment and names the channel as a channel mention', async () => {
      const made = embedText((await h.fake.waitForCallback(h.fake.slash('poll', {}).id)).body.data);
      const id = /Poll (p\w+) is up/.exec(made)![1]!;
      const cb = await h.fake.waitForCallback(h.fake.slash('poll', { manage: 'export', id }).id);
      expect(embedText(cb.body.data)).toMatch(
        new RegExp(
          `\\[poll-${id}\\.csv\\]\\(https://cdn\\.fake/attachments/${IDS.channel}/0/poll-${id}\\.csv\\) in <#${IDS.channel}>`,
        ),
      );
    });
  });
});
