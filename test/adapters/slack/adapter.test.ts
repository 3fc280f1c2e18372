import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';
import { REAL_KNOWLEDGE } from '../../helpers/core.js';

type Blocks = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; text?: string | { text: string } }[];
  fields?: { text: string }[];
}[];
const textOf = (blocks: unknown) => JSON.stringify(blocks);
const buttons = (blocks: unknown) =>
  (blocks as Blocks).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('Slack adapter: real Bolt app over HTTP with signed requests', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
    // Answers in C1 are public (an admin's setting); private answers with Share: share.test.ts.
    rig.core.settings.setAnswers(
      { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C1', userId: 'UADMIN' },
      'public',
    );
  });
  afterAll(async () => {
    await rig.close();
  });

  it('acknowledges /versus compare at once and answers in the channel with both sides, citations and a disagreement', async () => {
    const url = rig.fake.responseUrl();
    const sent = await rig.send.command('compare concurrency', { responseUrl: url });
    expect(sent.status).toBe(200);
    const res = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    expect(res.body.response_type).toBe('in_channel');
    const text = textOf(res.body.blocks);
    expect(text).toMatch(/🐹 Go side[\s\S]*🐍 Python side/);
    expect(text).toMatch(/📄 <https:\/\/example.com\/alpha\|Alpha Article › /); // the citation links to the article
    expect(text).toMatch(/Where the sources disagree/);
    expect(res.body.text).toMatch(/Go vs Python: Concurrency/);
  });

  it('answers a usage error only to the sender, with the usage', async () => {
    const url = rig.fake.responseUrl();
    await rig.send.command('compare', { responseUrl: url });
    const res = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    expect(res.body.response_type).toBe('ephemeral');
    expect(textOf(res.body.blocks)).toMatch(/Usage: `\/versus compare &lt;topic&gt;`/); // mrkdwn-escaped
  });

  it('answers an @mention in a new thread and a follow-up in that thread with the earlier question as context', async () => {
    const before = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.event(
      {
        type: 'app_mention',
        user: 'U2',
        text: '<@UBOT> does the GIL matter for backends?',
        ts: '1700000100.000100',
        channel: 'C9',
      },
      { eventId: 'Ev100' },
    );
    const answer = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before]);
    expect(answer.body).toMatchObject({ channel: 'C9', thread_ts: '1700000100.000100' });
    expect(textOf(answer.body.blocks)).toMatch(/GIL/);

    await rig.send.event(
      {
        type: 'message',
        user: 'U2',
        text: 'and python?',
        ts: '1700000101.000100',
        thread_ts: '1700000100.000100',
        channel: 'C9',
      },
      { eventId: 'Ev101' },
    );
    const follow = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before + 1]);
    expect(follow.body).toMatchObject({ channel: 'C9', thread_ts: '1700000100.000100' });
    expect(textOf(follow.body.blocks)).toMatch(/🐍[^"]*GIL/);
  });

  it('ignores messages in threads it was never mentioned in, bot messages and its own', async () => {
    const before = rig.fake.calls.length;
    await rig.send.event(
      { type: 'message', user: 'U3', text: 'unrelated chatter', ts: '1.2', thread_ts: '1.1', channel: 'C9' },
      { eventId: 'Ev200' },
    );
    await rig.send.event(
      { type: 'message', bot_id: 'B9', text: 'a bot', ts: '1.3', thread_ts: '1700000100.000100', channel: 'C9' },
      { eventId: 'Ev201' },
    );
    await rig.send.event(
      {
        type: 'message',
        user: 'UBOT',
        text: 'my own answer',
        ts: '1.4',
        thread_ts: '1700000100.000100',
        channel: 'C9',
      },
      { eventId: 'Ev202' },
    );
    await rig.adapter.idle();
    expect(rig.fake.calls.slice(before).filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    const before = rig.fake.callsOf('chat.postMessage').length;
    const event = {
      type: 'app_mention',
      user: 'U2',
      text: '<@UBOT> how much memory does a goroutine start with?',
      ts: '1700000200.000100',
      channel: 'C9',
    };
    await rig.send.event(event, { eventId: 'Ev300' });
    await rig.send.event(event, { eventId: 'Ev300', retryNum: 1 });
    await rig.send.event(event, { eventId: 'Ev300', retryNum: 2 });
    await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').length > before);
    await rig.adapter.idle();
    expect(rig.fake.callsOf('chat.postMessage').length).toBe(before + 1);
  });

  it('serves "More sources" by replacing the message, and "Compare" with a new message', async () => {
    const rig = await slackRig({ knowledgeDir: REAL_KNOWLEDGE });
    rig.core.settings.setAnswers(
      { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C1', userId: 'UADMIN' },
      'public',
    );
    const url = rig.fake.responseUrl();
    await rig.send.command('ask how much memory do goroutines and threads use', { responseUrl: url });
    const first = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    const more = buttons(first.body.blocks).find((b) => /More sources/.test(JSON.stringify(b.text)));
    expect(more?.action_id).toMatch(/^v1:more:/);
    const pageUrl = rig.fake.responseUrl();
    const clicked = await rig.send.action(more!.action_id!, { responseUrl: pageUrl, messageTs: '1700000300.000100' });
    expect(clicked.status).toBe(200);
    // The message the button is on is replaced through the click's response_url (never chat.update on a payload's ts).
    const update = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(pageUrl).pathname));
    expect(update.body.replace_original).toBe(true);
    expect(textOf(update.body.blocks)).toMatch(/from #6/);

    const compare = buttons(first.body.blocks).find((b) => /Compare/.test(JSON.stringify(b.text)));
    const before = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.action(compare!.action_id!, { responseUrl: rig.fake.responseUrl(), messageTs: '1700000300.000100' });
    const posted = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before]);
    expect(textOf(posted.body.blocks)).toMatch(/Go side/);
    await rig.close();
  });

  it('rejects a wrong signature and a timestamp older than 5 minutes with 401, posting nothing', async () => {
    const before = rig.fake.calls.length;
    const bad = await rig.send.command(
      'compare concurrency',
      { responseUrl: rig.fake.responseUrl() },
      { secret: 'not-the-secret' },
    );
    const stale = await rig.send.command(
      'compare concurrency',
      { responseUrl: rig.fake.responseUrl() },
      { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    );
    const staleEvent = await rig.send.event(
      { type: 'app_mention', user: 'U2', text: '<@UBOT> hi there friend', ts: '9.9', channel: 'C9' },
      { eventId: 'Ev900' },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect([bad.status, stale.status, staleEvent.status]).toEqual([401, 401, 401]);
    await rig.adapter.idle();
    expect(rig.fake.calls.length).toBe(before);
    expect(rig.fake.responses.filter((r) => r.body.response_type)).not.toContainEqual(
      expect.objectContaining({ path: expect.stringContaining('9.9') }),
    );
  });

  it('refuses a replayed request (the same signed bytes sent again within the 5-minute window) with 401, changing nothing', async () => {
    const first = await rig.send.command('poll', {
      responseUrl: rig.fake.responseUrl(),
      channel: 'CREPLAY',
      user: 'UREPLAY',
    });
    expect(first.status).toBe(200);
    await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CREPLAY'));
    const replayed = await rig.send.replayLast();
    expect(replayed.status).toBe(401);
    await rig.adapter.idle();
    expect(rig.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CREPLAY')).toHaveLength(1);
  });

  it('logs a Web API error (channel_not_found) without crashing, then keeps serving', async () => {
    rig.fake.inject('chat.postMessage', { error: 'channel_not_found' });
    await rig.send.event(
      {
        type: 'app_mention',
        user: 'U2',
        text: '<@UBOT> does the GIL matter for backends?',
        ts: '1700000400.000100',
        channel: 'CGONE',
      },
      { eventId: 'Ev400' },
    );
    const failure = (l: string) => /channel_not_found/.test(l) && /answer mention failed/.test(l);
    await rig.fake.waitFor(() => rig.logs.some(failure));
    await rig.adapter.idle();
    expect(rig.logs.filter(failure)).toHaveLength(1);
    // A platform error is final: tried once, not retried.
    expect(rig.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'CGONE')).toHaveLength(1);
    const url = rig.fake.responseUrl();
    expect((await rig.send.command('sources', { responseUrl: url })).status).toBe(200);
    const answered = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    expect(JSON.stringify(answered.body)).toMatch(/Sources/);
  });

  it('waits out an HTTP 429 with Retry-After and retries the call', async () => {
    rig.fake.inject('chat.postMessage', { status: 429, retryAfter: 1 });
    const before = rig.fake.callsOf('chat.postMessage').length;
    const started = Date.now();
    await rig.send.event(
      {
        type: 'app_mention',
        user: 'U2',
        text: '<@UBOT> is go faster than python?',
        ts: '1700000500.000100',
        channel: 'C9',
      },
      { eventId: 'Ev500' },
    );
    await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage').length >= before + 2, 8000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(rig.fake.callsOf('chat.postMessage').at(-1)!.body.thread_ts).toBe('1700000500.000100');
  });

  it('serves /healthz and /readyz on the same port', async () => {
    const base = rig.endpoint.replace('/slack/events', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
  });
});
