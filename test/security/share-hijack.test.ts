import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

const shareId = (blocks: unknown) => JSON.stringify(blocks).match(/v1:share:[^"]+/)![0];

/**
 * Issue 20, item 6: Share posts a private answer to the channel it was asked in, attributed to the person
 * who asked, once. Anyone else holding the button id, a payload naming another channel, and a second
 * click are all refused, and nothing is posted. The real Bolt app over signed HTTP, the real core.
 */
describe('Share hijack (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig({ knowledgeDir: REAL_KNOWLEDGE });
  });
  afterAll(() => rig.close());

  let seen = 0;
  let seenPrivate = 0;
  beforeEach(() => {
    seen = rig.fake.callsOf('chat.postMessage').length;
    seenPrivate = rig.fake.callsOf('chat.postEphemeral').length;
  });
  /** Posts of a shared answer since the test began. */
  const sharedPosts = () =>
    rig.fake
      .callsOf('chat.postMessage')
      .slice(seen)
      .filter((c) => /Shared by/.test(JSON.stringify(c.body)));
  async function click(id: string, who: { user: string; channel?: string }) {
    await rig.send.action(id, { ...who, responseUrl: rig.fake.responseUrl(), ephemeral: true });
    await rig.adapter.idle();
  }
  const toldPrivately = (user: string) =>
    rig.fake
      .callsOf('chat.postEphemeral')
      .slice(seenPrivate)
      .filter((c) => c.body.user === user)
      .map((c) => String(c.body.text));

  it('another user holding the Share id cannot post the answer as shared by themselves', async () => {
    const id = shareId((await rig.command('ask how much memory does a goroutine start with', 'UASKER')).body.blocks);
    await click(id, { user: 'UTHIEF' });
    expect(sharedPosts()).toEqual([]);
    expect(toldPrivately('UTHIEF')).toEqual(['Not quite: That answer is too old to share. Ask again.']);
  });

  it('the asker cannot send it into another channel by naming one in the payload', async () => {
    const id = shareId((await rig.command('ask how much memory does a goroutine start with', 'UASKER')).body.blocks);
    await click(id, { user: 'UASKER', channel: 'CELSEWHERE' });
    expect(sharedPosts()).toEqual([]);
  });

  it('five clicks on Share post the answer once, in the channel it was asked in', async () => {
    const id = shareId((await rig.command('ask how much memory does a goroutine start with', 'UASKER')).body.blocks);
    for (let i = 0; i < 5; i++) await click(id, { user: 'UASKER' });
    expect(sharedPosts().map((c) => c.body.channel)).toEqual(['C1']);
    expect(JSON.stringify(sharedPosts()[0]!.body.blocks)).toContain('Shared by <@UASKER>');
    expect(toldPrivately('UASKER')).toEqual(Array(4).fill('You already shared this answer with the channel.'));
  });

  it("another user cannot page someone's private answer with its More id; once shared, anyone there can", async () => {
    const answer = await rig.command('ask how much memory do goroutines and threads use', 'UASKER');
    const more = JSON.stringify(answer.body.blocks).match(/v1:more:[^"]+/)![0];
    const page = async (user: string) => {
      const responseUrl = rig.fake.responseUrl();
      await rig.send.action(more, { user, responseUrl, ephemeral: true });
      await rig.adapter.idle();
      return JSON.stringify(rig.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body ?? '');
    };
    expect(await page('UTHIEF')).toBe('""');
    expect(toldPrivately('UTHIEF')).toEqual(['Not quite: That answer is too old to page. Ask again.']);
    expect(await page('UASKER')).toMatch(/from #6/);
    await click(shareId(answer.body.blocks), { user: 'UASKER' });
    expect(await page('UTHIEF')).toMatch(/from #6/);
  });
});
