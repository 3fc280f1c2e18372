import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../src/chat/strings-en.js';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';

// The real Bolt app (with Bolt's Assistant) over signed HTTP, the real core on SQLite, a fake Web API
// recording the assistant.threads.* calls.
describe('Slack assistant pane', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => rig.close());

  const dm = (text: string, ts: string) => ({
    type: 'message',
    channel: 'D1',
    channel_type: 'im',
    user: 'U1',
    text,
    ts,
    thread_ts: '1700001000.000100',
  });

  it('WHEN a user opens a new assistant thread THEN it suggests a figure question, a compare and the decision matrix', async () => {
    await rig.send.event(
      {
        type: 'assistant_thread_started',
        assistant_thread: {
          user_id: 'U1',
          channel_id: 'D1',
          thread_ts: '1700001000.000100',
          context: { channel_id: 'C1', team_id: 'T0FAKE' },
        },
        event_ts: '1700001000.000200',
      },
      { eventId: 'EvAssist1' },
    );
    const call = await rig.fake.waitFor(() => rig.fake.callsOf('assistant.threads.setSuggestedPrompts')[0]);
    expect(call.body).toMatchObject({ channel_id: 'D1', thread_ts: '1700001000.000100' });
    expect(call.body.prompts).toEqual(en.platform.assistant.prompts);
  });

  it('WHEN the user asks THEN the thread is titled with the question, the status shows while searching, and the answer is posted in the thread', async () => {
    await rig.send.event(dm('How much memory does a goroutine start with?', '1700001001.000100'), {
      eventId: 'EvAssist2',
    });
    const answer = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[0]);
    expect(answer.body).toMatchObject({ channel: 'D1', thread_ts: '1700001000.000100' });
    expect(JSON.stringify(answer.body.blocks)).toContain('2 KB');
    expect(rig.fake.callsOf('assistant.threads.setTitle').map((c) => c.body.title)).toEqual([
      'How much memory does a goroutine start with?',
    ]);
    expect(rig.fake.callsOf('assistant.threads.setStatus')[0]?.body).toMatchObject({
      channel_id: 'D1',
      thread_ts: '1700001000.000100',
      status: en.platform.assistant.searching,
    });
    // The status is set before the answer is posted.
    const order = rig.fake.calls.map((c) => c.method);
    expect(order.indexOf('assistant.threads.setStatus')).toBeLessThan(order.indexOf('chat.postMessage'));
  });

  it('WHEN the user follows up THEN the answer keeps the earlier question as context, is posted once, and the title stays', async () => {
    await rig.send.event(dm('and python?', '1700001002.000100'), { eventId: 'EvAssist3' });
    const follow = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[1]);
    // "and python?" alone names no claim: the goroutine figure comes from the thread's earlier question.
    expect(JSON.stringify(follow.body.blocks)).toMatch(/“and python\?”.*2 KB/);
    await rig.adapter.idle();
    expect(rig.fake.callsOf('chat.postMessage')).toHaveLength(2); // not answered again by the thread listener
    expect(rig.fake.callsOf('assistant.threads.setTitle')).toHaveLength(1);
  });

  it('WHEN Slack retries a message event THEN it is answered once', async () => {
    await rig.send.event(dm('compare concurrency', '1700001003.000100'), { eventId: 'EvAssist4' });
    await rig.send.event(dm('compare concurrency', '1700001003.000100'), { eventId: 'EvAssist4', retryNum: 1 });
    await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[2]);
    await rig.adapter.idle();
    expect(rig.fake.callsOf('chat.postMessage')).toHaveLength(3);
    expect(JSON.stringify(rig.fake.callsOf('chat.postMessage')[2]?.body.blocks)).toMatch(/Go side/);
  });
});
