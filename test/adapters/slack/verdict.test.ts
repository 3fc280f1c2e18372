import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';
import { slackButton } from '../../helpers/chat.js';
import { REAL_KNOWLEDGE } from '../../helpers/core.js';
import { EXAMPLE } from '../../verdict/example.js';

const button = slackButton;

// The real Bolt app over signed HTTP, the real core on SQLite with the real knowledge, a fake Slack Web API.
describe('Slack: /versus verdict and its decision record', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig({ knowledgeDir: REAL_KNOWLEDGE });
  });
  afterAll(async () => rig.close());

  it('WHEN /versus verdict THEN only the sender sees the verdict, with Refine, Export, Share and feedback', async () => {
    const res = await rig.command(`verdict ${EXAMPLE}`);
    expect(res.body.response_type).toBe('ephemeral');
    const text = JSON.stringify(res.body.blocks);
    expect(text).toContain('Verdict: Strong Python');
    expect(text).toContain('Shipping a first version fast → Python +3');
    expect(button(res.body.blocks, /Refine/)).toMatch(/^v1:vr:[\w-]+:solo$/);
    expect(button(res.body.blocks, /Share with channel/)).toMatch(/^v1:share:/);
    expect(button(res.body.blocks, /Helpful/)).toMatch(/^v1:fb:/);
  });

  it('WHEN Export decision record is clicked THEN the Markdown ADR is uploaded to the channel as a file', async () => {
    const res = await rig.command(`verdict ${EXAMPLE}`);
    const responseUrl = rig.fake.responseUrl();
    await rig.send.action(button(res.body.blocks, /Export decision record/), { responseUrl, ephemeral: true });
    const done = await rig.fake.waitFor(() => rig.fake.callsOf('files.completeUploadExternal')[0]);
    expect(done.body.channel_id).toBe('C1');
    const upload = rig.fake.uploads.at(-1)!; // the multipart body Slack's upload URL receives
    expect(upload.content).toContain('# Use Python for this backend\n');
    expect(upload.content).toContain('## Decision Drivers');
    const said = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postEphemeral').at(-1));
    expect(said.body).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(JSON.stringify(said.body)).toMatch(/Exported the decision record d\w+: .*decision-d\w+-r1\.md.* in <#C1>\./);
  });

  it('WHEN the assistant pane is asked "Go or Python for …" about a situation THEN the thread gets a verdict', async () => {
    // The pane's thread starts first: Versus answers only in a thread it saw begin (issue 20, item 12).
    await rig.send.event(
      {
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'U1', channel_id: 'D1', thread_ts: '1700002000.000100', context: {} },
        event_ts: '1700002000.000200',
      },
      { eventId: 'EvVerdictStart' },
    );
    await rig.adapter.idle();
    const before = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.event(
      {
        type: 'message',
        channel: 'D1',
        channel_type: 'im',
        user: 'U1',
        text: 'Go or Python for our chat backend? 20k concurrent websocket connections, and we are all Python devs',
        ts: '1700002001.000100',
        thread_ts: '1700002000.000100',
      },
      { eventId: 'EvVerdictAssist' },
    );
    const posted = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before]);
    expect(posted.body).toMatchObject({ channel: 'D1', thread_ts: '1700002000.000100' });
    expect(JSON.stringify(posted.body.blocks)).toMatch(/Verdict: .*A Python-experienced team: \*Yes\*/);
  });
});
