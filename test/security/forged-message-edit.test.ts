import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

const actionIds = (blocks: unknown) => JSON.stringify(blocks).match(/v1:[a-z]+:[^"]+/g) ?? [];

/**
 * Issue 20, item 4: Share, More, Home and solo-walk clicks answer with an edit of the message the button
 * was on. The payload names that message (container.channel_id / message_ts), and a forged payload can
 * name any Versus message — here a live poll. The edit must reach only the message the click came from:
 * through the click's own response_url (replace_original), never chat.update on a ts the payload names.
 * The real Bolt app over signed HTTP, the real core on SQLite, the fake Slack.
 */
describe('forged message edits (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  let pollTs: string;
  beforeAll(async () => {
    rig = await slackRig({ knowledgeDir: REAL_KNOWLEDGE });
    await rig.command('poll', 'UPOLLSTER');
    const post = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').find((c) => c.result));
    pollTs = String(post.result!.ts);
  });
  afterAll(() => rig.close());

  /** A click by U1 whose payload says it sits on the live poll (a public message in C1). */
  async function forgedOnPoll(actionId: string) {
    const responseUrl = rig.fake.responseUrl();
    const res = await rig.send.action(actionId, { user: 'U1', channel: 'C1', messageTs: pollTs, responseUrl });
    expect(res.status).toBe(200);
    await rig.adapter.idle();
    expect(pollEdits()).toEqual([]);
    return rig.fake.responses.find((r) => r.path === new URL(responseUrl).pathname)?.body;
  }
  const pollEdits = () => rig.fake.callsOf('chat.update').filter((c) => c.body.ts === pollTs);

  it('Share and More on a private answer edit the answer through its response_url, not the poll', async () => {
    const answer = await rig.command('ask how much memory do goroutines and threads use');
    const ids = actionIds(answer.body.blocks);
    const share = ids.find((id) => id.startsWith('v1:share:'))!;
    const more = ids.find((id) => id.startsWith('v1:more:'))!;
    expect(await forgedOnPoll(more)).toMatchObject({ replace_original: true });
    expect(await forgedOnPoll(share)).toMatchObject({ replace_original: true });
  });

  it('a Remove on /versus home edits the home message, not the poll', async () => {
    await rig.command('schedule add every monday at 10:00');
    const home = await rig.command('home');
    const remove = actionIds(home.body.blocks).find((id) => id.startsWith('v1:home:rmsched:'))!;
    expect(JSON.stringify(await forgedOnPoll(remove))).toMatch(/Schedule s\w+ removed/);
  });

  it('an answer in a solo walk edits the walk step, not the poll', async () => {
    const walk = await rig.command('matrix solo');
    const answer = actionIds(walk.body.blocks).find((id) => id.startsWith('v1:mx:answer:'))!;
    expect(await forgedOnPoll(answer)).toMatchObject({ replace_original: true });
  });
});
