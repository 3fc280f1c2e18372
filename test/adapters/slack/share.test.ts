import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';
import { slackButton } from '../../helpers/chat.js';

const button = slackButton;

// The real Bolt app over signed HTTP, the real core on SQLite, a fake Slack Web API.
describe('Slack: private answers with Share, feedback, channel settings', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => rig.close());

  const ask = (text: string, user?: string) => rig.command(text, user);

  it('WHEN /versus ask THEN the answer goes only to the asker (response_url, ephemeral) with Share and feedback buttons', async () => {
    const res = await ask('ask how much memory does a goroutine start with');
    expect(res.body.response_type).toBe('ephemeral');
    expect(button(res.body.blocks, /^Share with channel$/)).toMatch(/^v1:share:/);
    expect(button(res.body.blocks, /Helpful/)).toMatch(/^v1:fb:/);
  });

  it('WHEN Share is clicked THEN chat.postMessage posts the answer with "Shared by <@U1>", and the private copy is replaced', async () => {
    const res = await ask('ask how much memory does a goroutine start with');
    const before = rig.fake.callsOf('chat.postMessage').length;
    const privateUrl = rig.fake.responseUrl();
    await rig.send.action(button(res.body.blocks, /^Share/), { responseUrl: privateUrl, ephemeral: true });
    const posted = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before]);
    expect(posted.body.channel).toBe('C1');
    const text = JSON.stringify(posted.body.blocks);
    expect(text).toContain('Shared by <@U1>');
    expect(text).toContain('2 KB');
    expect(button(posted.body.blocks, /^Share/)).toBe('');
    const replaced = await rig.fake.waitFor(() =>
      rig.fake.responses.find((r) => r.path === new URL(privateUrl).pathname),
    );
    expect(replaced.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(replaced.body.blocks)).toContain('You shared this with the channel.');
  });

  it('WHEN Helpful is clicked on a mention answer in a thread THEN the vote is stored and thanked privately', async () => {
    const before = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.event(
      { type: 'app_mention', user: 'U2', text: '<@UBOT> does the GIL matter?', ts: '1700000500.000100', channel: 'C1' },
      { eventId: 'EvShare1' },
    );
    const answer = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before]);
    expect(answer.body.thread_ts).toBe('1700000500.000100'); // mentions stay public, in the thread
    const helpful = button(answer.body.blocks, /Helpful/);
    const thanksBefore = rig.fake.callsOf('chat.postEphemeral').length;
    await rig.send.action(helpful, {
      user: 'U2',
      responseUrl: rig.fake.responseUrl(),
      messageTs: String(answer.result?.ts),
      threadTs: '1700000500.000100',
    });
    const thanks = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postEphemeral')[thanksBefore]);
    expect(thanks.body).toMatchObject({ channel: 'C1', user: 'U2' });
    expect(String(thanks.body.text)).toMatch(/noted as helpful/);
    const stored = rig.core.db.prepare("SELECT helpful FROM answer_feedback WHERE user_id = 'U2'").all();
    expect(stored).toEqual([{ helpful: 1 }]);
  });

  it('WHEN a workspace admin sets answers public THEN /versus compare answers in the channel; a member may not change it', async () => {
    const denied = await ask('settings answers public', 'U7');
    expect(JSON.stringify(denied.body.blocks)).toMatch(/Only a workspace admin/);
    rig.fake.admins.add('UADM');
    const done = await ask('settings answers public', 'UADM');
    expect(done.body.response_type).toBe('ephemeral');
    const res = await ask('compare concurrency');
    expect(res.body.response_type).toBe('in_channel');
    expect(button(res.body.blocks, /^Share/)).toBe('');
  });
});
