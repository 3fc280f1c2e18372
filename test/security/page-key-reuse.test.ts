import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/reply.js';
import type { CitedClaim } from '../../src/knowledge/types.js';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, postsIn, startHarness } from '../fakes/discord-harness.js';

const claim = (n: number): CitedClaim => ({
  id: `c${n}`,
  text: `Claim number ${n}: ${'goroutines and the GIL compared at length. '.repeat(6)}`,
  side: 'go',
  kind: 'fact',
  topics: [],
  figures: [],
  citation: { documentId: 'd', title: 'Long Article', section: `Part ${n}` },
});
const LONG: Reply = {
  visibility: 'channel',
  title: 'Long',
  blocks: [{ type: 'claims', claims: Array.from({ length: 40 }, (_, i) => claim(i)) }],
};

/**
 * Issue 20, item 1 (pages): the later pages of a long reply are looked up by the key in its ◀ / ▶ buttons
 * only where the reply was shown — its channel, and for a private reply its reader. The same key clicked
 * from another channel is answered like a page that is gone. The real discord.js client, fake Discord.
 */
describe('a page key reused from another channel (Discord, real discord.js)', () => {
  let h: Harness;
  let next: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.adapter.port.post({ workspaceId: IDS.guild, channelId: IDS.channel }, LONG);
    next = buttonIds(postsIn(h.fake, IDS.channel).at(-1) as Json).find((id) => id.startsWith('dc:page:2:'))!;
  });
  afterAll(() => h.stop());

  const clickFrom = async (channelId: string) =>
    (await h.fake.waitForCallback(h.fake.click(next, { channelId }).id)).body;

  it('is answered as a page that is gone, privately, in another channel', async () => {
    const cb = await clickFrom(IDS.otherChannel);
    expect(cb.type).toBe(4);
    expect(cb.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(embedText(cb.data)).toMatch(/Run the command again/);
  });

  it('is served in the channel the reply was posted in', async () => {
    const cb = await clickFrom(IDS.channel);
    expect(cb.type).toBe(7);
    expect(embedText(cb.data)).toMatch(/Claim number \d+/);
  });
});
