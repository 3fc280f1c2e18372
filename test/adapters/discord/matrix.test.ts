import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../fakes/discord-fake.js';
import { IDS } from '../../fakes/discord-fake.js';
import {
  buttonIds,
  embedText,
  type Harness,
  buttonLabelled as labelled,
  startHarness,
} from '../../fakes/discord-harness.js';

describe('decision-matrix walk on Discord (real discord.js, fake Discord, real core)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('walks three people through every step to a cited scorecard', async () => {
    const lead = '1300000000000000001';
    const start = h.fake.slash('matrix', {}, { userId: lead });
    await h.fake.waitForCallback(start.id);
    const post = await h.fake.waitFor(
      () =>
        h.fake.rest
          .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
          .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:mx:'))),
      'the first step',
    );
    expect(embedText(post.body)).toMatch(/Step 1\/3: High throughput[\s\S]*Why it matters/);
    let message: Json = post.body;
    const users = ['1300000000000000011', '1300000000000000012', '1300000000000000013'];
    const steps: [string[], RegExp][] = [
      [['Yes', 'Yes', 'No'], /^Next/],
      [['Yes', 'No', 'Not sure'], /^Next/],
      [['5', '4', '3'], /^Finish$/],
    ];
    for (const [answers, nav] of steps) {
      for (const [n, answer] of answers.entries()) {
        const click = h.fake.click(
          labelled(message, new RegExp(`^${answer}`)),
          { embeds: message.embeds, components: message.components },
          { userId: users[n] },
        );
        const cb = await h.fake.waitForCallback(click.id);
        expect(embedText(cb.body.data)).toMatch(/Recorded your answer/);
      }
      const next = h.fake.click(
        labelled(message, nav),
        { embeds: message.embeds, components: message.components },
        { userId: lead },
      );
      const cb = await h.fake.waitForCallback(next.id);
      expect(cb.body.type).toBe(7); // the step message is updated in place
      message = cb.body.data;
    }
    const card = embedText(message);
    // throughput yes → Go 3; io-bound tie (yes/no/not sure) → 0; hiring mean 4 → Python 2.25.
    expect(card).toMatch(/Scorecard/);
    expect(card).toMatch(/tie → Not sure/);
    expect(card).toMatch(/Verdict: Split it/);
    expect(card).toMatch(/↳/); // citations
  });

  it('refuses navigation by someone other than the starter, privately', async () => {
    const start = h.fake.slash('matrix', {}, { userId: '1300000000000000021', channelId: IDS.channel });
    await h.fake.waitForCallback(start.id);
    const post = await h.fake.waitFor(
      () =>
        h.fake.rest
          .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
          .filter((r) => buttonIds(r.body).some((id) => id.startsWith('v1:mx:')))
          .at(-1),
      'a step',
    );
    const click = h.fake.click(
      labelled(post.body, /^Next/),
      { embeds: post.body.embeds, components: post.body.components },
      { userId: '1300000000000000099' },
    );
    const cb = await h.fake.waitForCallback(click.id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(embedText(cb.body.data)).toMatch(/Only <@1300000000000000021>/);

    // A server admin (Manage Messages) may move someone else's walk on.
    const byAdmin = h.fake.click(
      labelled(post.body, /^Next/),
      { embeds: post.body.embeds, components: post.body.components },
      { userId: IDS.admin },
    );
    expect(embedText((await h.fake.waitForCallback(byAdmin.id)).body.data)).toMatch(/Step 2\//);
  });
});
