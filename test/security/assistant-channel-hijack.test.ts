import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

const THREAD = '1700002000.000100';

/**
 * Issue 20, item 12: the assistant pane answers with chat.postMessage in the channel the event names. An
 * event naming a public channel (or another user, or a thread that never started) must get no answer:
 * Versus answers only in the assistant thread's own IM channel, for its user, as stored when it started.
 * The real Bolt app (with Bolt's Assistant) over signed HTTP, the real core on SQLite.
 */
describe('assistant pane answering in a forged channel (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
    await rig.send.event(
      {
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'U1', channel_id: 'D1', thread_ts: THREAD, context: {} },
        event_ts: '1700002000.000200',
      },
      { eventId: 'EvStart' },
    );
    await rig.adapter.idle();
  });
  afterAll(() => rig.close());

  let n = 0;
  async function message(where: { channel: string; user: string; thread?: string }) {
    const posts = rig.fake.callsOf('chat.postMessage').length;
    const ts = `1700002001.${String(++n).padStart(6, '0')}`;
    const event = { type: 'message', channel_type: 'im', text: 'How much memory does a goroutine start with?', ts };
    await rig.send.event(
      { ...event, channel: where.channel, user: where.user, thread_ts: where.thread ?? THREAD },
      { eventId: `EvMsg${n}` },
    );
    await rig.adapter.idle();
    return rig.fake.callsOf('chat.postMessage').slice(posts);
  }

  it('a message naming a public channel with the real thread gets no answer there', async () => {
    expect(await message({ channel: 'C1', user: 'U1' })).toEqual([]);
  });

  it('another user, or a thread that never started, gets no answer', async () => {
    expect(await message({ channel: 'D1', user: 'U2' })).toEqual([]);
    expect(await message({ channel: 'D9', user: 'U9', thread: '1700002999.000100' })).toEqual([]);
  });

  it("the thread's own user in its own IM channel is answered there", async () => {
    const posts = await message({ channel: 'D1', user: 'U1' });
    expect(posts.map((c) => [c.body.channel, c.body.thread_ts])).toEqual([['D1', THREAD]]);
  });
});
