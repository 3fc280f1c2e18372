import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

const user = { id: 'U1', username: 'ann', team_id: 'T0FAKE' };
const team = { id: 'T0FAKE', domain: 'fake' };
const click = (extra: Record<string, unknown>) => ({
  type: 'block_actions',
  user,
  team,
  api_app_id: 'A1',
  trigger_id: 'trig.1',
  channel: { id: 'C1', name: 'backend' },
  response_url: 'http://127.0.0.1:9/response/x',
  actions: [{ type: 'button', action_id: 'v1:poll:vote:p_x:0', block_id: 'b1', action_ts: '1.1' }],
  ...extra,
});
const submit = (values: unknown) => ({
  type: 'view_submission',
  user,
  team,
  trigger_id: 'trig.2',
  view: { id: 'V1', type: 'modal', callback_id: 'vform:poll-new', private_metadata: 'abcdefghijk', state: { values } },
});
const event = (ev: Record<string, unknown>) => ({
  token: 'deprecated',
  team_id: 'T0FAKE',
  api_app_id: 'A1',
  type: 'event_callback',
  event_id: `Ev${Math.random()}`,
  event_time: 1,
  event: ev,
});

/** Signed, so they pass the signature check, and malformed in the ways an attacker (or a Slack change) might send. */
const MALFORMED: [string, 'interaction' | 'event', unknown][] = [
  ['block_actions without container', 'interaction', click({})],
  ['block_actions with container: null', 'interaction', click({ container: null })],
  [
    'block_actions with a message container but no channel',
    'interaction',
    click({ channel: undefined, container: { type: 'message', message_ts: '1.2', channel_id: 'C1' } }),
  ],
  [
    'block_actions with an action_id that is not a string',
    'interaction',
    click({ container: { type: 'message', message_ts: '1.2', channel_id: 'C1' }, actions: [{ action_id: 7 }] }),
  ],
  ['a form with values.question: null', 'interaction', submit({ question: null })],
  [
    'a form without state',
    'interaction',
    { ...submit({}), view: { callback_id: 'vform:poll-new', private_metadata: 'x' } },
  ],
  [
    'a message shortcut without its message',
    'interaction',
    {
      type: 'message_action',
      callback_id: 'ask_versus_about_this',
      trigger_id: 't',
      response_url: 'http://127.0.0.1:9/r',
      user,
      team,
      channel: { id: 'C1' },
    },
  ],
  [
    'app_home_opened with an object as user',
    'event',
    event({ type: 'app_home_opened', user: { id: 'U1' }, tab: 'home', channel: 'D1' }),
  ],
  [
    'app_mention whose text is a number',
    'event',
    event({ type: 'app_mention', user: 'U1', text: 42, ts: '1.1', channel: 'C1' }),
  ],
  [
    'a thread message whose channel is missing',
    'event',
    event({ type: 'message', user: 'U1', text: 'hi', ts: '1.2', thread_ts: '1.1' }),
  ],
];

/**
 * Issue 20, item 10: every Slack payload shape is checked with zod at the edge. A signed but malformed
 * payload is answered 400 at once — never a 404 after Bolt's 3-second wait, a 500, or a stack in the
 * log — and nothing reaches Slack. The real Bolt app behind the request gate, over signed HTTP.
 */
describe('malformed signed payloads (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(() => rig.close());

  const send = (kind: 'interaction' | 'event', body: unknown) =>
    kind === 'event'
      ? rig.send.send(JSON.stringify(body), 'application/json')
      : rig.send.send(
          new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
          'application/x-www-form-urlencoded',
        );

  it.each(MALFORMED)('%s: 400 at once, nothing sent to Slack, no stack in the log', async (_what, kind, body) => {
    const calls = rig.fake.calls.length;
    const logs = rig.logs.length;
    const res = await send(kind, body);
    await rig.adapter.idle();
    expect(res.status).toBe(400);
    expect(rig.fake.calls.length).toBe(calls);
    const logged = rig.logs.slice(logs).join('');
    expect(logged).not.toMatch(/"stack"|"level":50/);
    expect(logged).toMatch(/slack: request refused/);
  });

  it('an interactive payload Versus does not use (a closed modal) is acknowledged 200 at once', async () => {
    const res = await send('interaction', {
      type: 'view_closed',
      user,
      team,
      view: { id: 'V1', callback_id: 'vform:poll-new' },
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(2000); // not Bolt's 3-second "unhandled request" wait
  });
});
