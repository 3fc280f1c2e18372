import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../fakes/discord-fake.js';
import { IDS } from '../../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn, startHarness } from '../../fakes/discord-harness.js';
import { REAL_KNOWLEDGE } from '../../helpers/core.js';
import { EXAMPLE } from '../../verdict/example.js';

describe('/versus verdict on Discord (real discord.js, fake Discord, real core and knowledge)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ knowledgeDir: REAL_KNOWLEDGE });
  });
  afterAll(async () => h.stop());

  it('answers the slash command privately with the verdict and its buttons; Export attaches the ADR in the channel', async () => {
    const cmd = h.fake.slash('verdict', { situation: EXAMPLE });
    const cb = await h.fake.waitForCallback(cmd.id);
    const message: Json = cb.body.data;
    expect(message.flags & 64).toBe(64); // ephemeral
    expect(embedText(message)).toMatch(/Verdict: Strong Python[\s\S]*Shipping a first version fast → Python \+3/);
    const ids = buttonIds(message);
    expect(ids.some((id) => /^v1:vr:[\w-]+:solo$/.test(id))).toBe(true);
    const exportId = ids.find((id) => id.startsWith('v1:adr:v:'))!;
    const before = postsIn(h.fake, IDS.channel).length;
    const click = h.fake.click(exportId, { components: message.components, flags: 64 });
    const done = await h.fake.waitForCallback(click.id);
    expect(embedText(done.body.data)).toMatch(
      /Exported the decision record d\w+: .*decision-d\w+-r1\.md.* in <#\d+>\./,
    );
    const upload = h.fake.rest
      .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
      .slice(before)
      .find((r) => r.files.length)!;
    expect(upload.files[0]!.name).toMatch(/^decision-d\w+-r1\.md$/);
    expect(upload.files[0]!.content).toMatch(/^# Use Python for this backend\n/);
  });

  it('answers an @mention that asks "should we use Go for …" about a situation with a verdict in its thread', async () => {
    const m = h.fake.say('should we use Go for an ad-tech bidder? ~80k rps per node, processes stay up for weeks', {
      mention: true,
    });
    const [answer] = await h.fake.waitFor(
      () => postsIn(h.fake, m.id).length > 0 && postsIn(h.fake, m.id),
      'the verdict',
    );
    expect(embedText(answer)).toMatch(/Verdict: Strong Go[\s\S]*Very high request rates → Go \+4/);
  });
});
