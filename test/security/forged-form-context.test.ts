import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

const VALID = { question: 'Which queue?', options: 'NATS\nRabbitMQ', public: false };

/**
 * Issue 20, item 7: where a submitted poll form posts (team, channel, thread) and who may submit it are
 * kept by Versus when the form opens, not read back from the view's private_metadata, which the submit
 * payload carries and anyone can craft. The real Bolt app over signed HTTP, the real core on SQLite.
 */
describe('forged poll-form context (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  let modal: { callback_id: string; private_metadata: string };
  beforeAll(async () => {
    rig = await slackRig();
    await rig.send.command('poll new', { responseUrl: rig.fake.responseUrl(), user: 'U1', channel: 'C1' });
    modal = (await rig.fake.waitFor(() => rig.fake.callsOf('views.open')[0])).body.view as typeof modal;
  });
  afterAll(() => rig.close());

  let posts = 0;
  beforeEach(() => {
    posts = rig.fake.callsOf('chat.postMessage').length;
  });
  const posted = async () => {
    await rig.adapter.idle();
    return rig.fake.callsOf('chat.postMessage').slice(posts);
  };
  const polls = () => rig.core.db.prepare('SELECT workspace_id, channel_id, thread_id FROM polls').all();
  const submit = (metadata: string, user = 'U1') =>
    rig.send.viewSubmission({ callback_id: modal.callback_id, private_metadata: metadata }, VALID, { user });

  it('crafted metadata naming another channel, another team or a thread posts nothing', async () => {
    const answers = [];
    for (const crafted of [
      { team: 'T0FAKE', channel: 'CSECRET' },
      { team: 'T2', channel: 'C1' },
      { team: 'T0FAKE', channel: 'C1', thread: '1700000000.999999' },
    ])
      answers.push(await submit(JSON.stringify(crafted)));
    expect(await posted()).toEqual([]);
    expect(polls()).toEqual([]);
    for (const res of answers) expect([res.status, res.body]).toEqual([200, expect.stringMatching(/"update"/)]);
  });

  it('another user submitting the form someone else opened posts nothing', async () => {
    const res = await submit(modal.private_metadata, 'U2');
    expect(await posted()).toEqual([]);
    expect(res.body).toMatch(/"response_action":"update"/);
  });

  it('the person who opened it posts the poll where they opened it', async () => {
    expect((await submit(modal.private_metadata)).body).toBe('');
    expect((await posted()).map((c) => [c.body.channel, c.body.thread_ts])).toEqual([['C1', undefined]]);
    expect(polls()).toEqual([{ workspace_id: 'T0FAKE', channel_id: 'C1', thread_id: null }]);
  });
});
