import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, type Json } from '../fakes/discord-fake.js';
import { buttonIds, embedText, type Harness, startHarness } from '../fakes/discord-harness.js';

const SERVER_ONLY = /works in servers where Versus is installed/;

/**
 * Issue 20, item 8: polls, schedules and walks work only where Versus is installed on the server.
 * `/versus poll` in a DM was refused, but a poll form submitted and buttons clicked from the same DM
 * were not: the rule now holds for every kind of interaction. The real discord.js client, fake Discord.
 */
describe('server-only rule bypass from a DM (real discord.js)', () => {
  let h: Harness;
  let pollPost: Json;
  beforeAll(async () => {
    h = await startHarness();
    h.fake.slash('poll', {});
    pollPost = await h.fake.waitFor(
      () =>
        h.fake.rest
          .find('POST', new RegExp(`^/channels/${IDS.channel}/messages$`))
          .find((r) => buttonIds(r.body).some((id) => id.startsWith('v1:poll:vote:'))),
      'the poll',
    );
  });
  afterAll(() => h.stop());

  const counts = () =>
    h.core.db.prepare('SELECT (SELECT count(*) FROM polls) AS polls, (SELECT count(*) FROM votes) AS votes').get();
  const privately = async (interaction: Json) => {
    const cb = await h.fake.waitForCallback(interaction.id);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    return embedText(cb.body.data);
  };
  const dmClick = (customId: string) => h.fake.click(customId, { channelId: `${IDS.channel}9` }, { dm: true });

  it('a poll form submitted from a DM posts no poll', async () => {
    const before = counts();
    expect(
      await privately(h.fake.submitModal('dc:form:poll-new', { question: 'DM poll?', options: 'A\nB' }, { dm: true })),
    ).not.toMatch(/is up/);
    expect(counts()).toEqual(before);
  });

  it('poll, walk and Home buttons clicked in a DM are refused as server-only, changing nothing', async () => {
    const before = counts();
    const vote = buttonIds(pollPost.body).find((id) => id.startsWith('v1:poll:vote:'))!;
    for (const id of [vote, 'v1:mx:answer:w_unknown1:0:yes', 'v1:home:newpoll', 'v1:home:rmsched:s_unknown1'])
      expect(await privately(dmClick(id))).toMatch(SERVER_ONLY);
    expect(counts()).toEqual(before);
  });
});
