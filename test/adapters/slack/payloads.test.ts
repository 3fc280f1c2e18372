import { describe, expect, it } from 'vitest';
import { checkBody } from '../../../src/adapters/slack/payloads.js';

/** The zod shapes the request gate checks (and, in Socket Mode, a Bolt middleware on the parsed body). */
describe('Slack payload shapes (Socket Mode: parsed bodies)', () => {
  const user = { id: 'U1' };
  it('passes a slash command, a mention event and a click on a message', () => {
    const command = {
      command: '/versus',
      text: 'help',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      response_url: 'https://hooks.slack.com/x',
    };
    const mention = {
      type: 'event_callback',
      event: { type: 'app_mention', user: 'U1', text: 'hi', ts: '1.1', channel: 'C1' },
    };
    const click = {
      type: 'block_actions',
      user,
      trigger_id: 't',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1' },
      channel: { id: 'C1' },
      response_url: 'https://hooks.slack.com/actions/x',
      actions: [{ action_id: 'v1:poll:vote:p1:0' }],
    };
    for (const body of [command, mention, click]) expect(checkBody(body)).toEqual({ ok: true });
  });

  it('refuses a click without its container, a command without its channel, and drops what Versus does not use', () => {
    expect(checkBody({ type: 'block_actions', user, trigger_id: 't', actions: [{ action_id: 'x' }] })).toMatchObject({
      ok: false,
    });
    expect(checkBody({ command: '/versus', team_id: 'T1', user_id: 'U1', response_url: 'https://x' })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/channel_id/),
    });
    expect(checkBody({ type: 'view_closed', user })).toMatchObject({ ok: 'ignore' });
  });
});
