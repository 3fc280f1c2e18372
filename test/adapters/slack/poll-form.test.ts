import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_FIELD } from '../../../src/adapters/slack/forms.js';
import { NEW_POLL_CALLBACK } from '../../../src/adapters/slack/shortcuts.js';
import { fixedAdmin } from '../../../src/chat/manage.js';
import { renderText } from '../../../src/chat/render-text.js';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';

type Modal = {
  type: string;
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id: string; optional?: boolean; element: { type: string; multiline?: boolean } }[];
};

// The real Bolt app over signed HTTP, the real core on SQLite, a fake Web API: views.open, view_submission.
describe('Slack poll form: /versus poll new → modal → view_submission', () => {
  let rig: SlackRig;
  let modal: Modal;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => rig.close());

  it('WHEN /versus poll new THEN a modal opens with the trigger_id: question, options, public, duration', async () => {
    await rig.send.command('poll new', { responseUrl: rig.fake.responseUrl() });
    const open = await rig.fake.waitFor(() => rig.fake.callsOf('views.open')[0]);
    expect(String(open.body.trigger_id)).toMatch(/^trig\./);
    modal = open.body.view as Modal;
    expect(modal.type).toBe('modal');
    expect(modal.blocks.map((b) => [b.block_id, b.element.type, b.optional ?? false])).toEqual([
      ['question', 'plain_text_input', false],
      ['options', 'plain_text_input', false],
      ['public', 'checkboxes', true],
      ['duration', 'plain_text_input', true],
    ]);
    // Only a reference: who opened it, in which team and channel, is kept by Versus.
    expect(modal.private_metadata).toMatch(/^[\w-]{8,}$/);
  });

  it('WHEN submitted with mistakes THEN the same rules as the command answer on each field (response_action errors)', async () => {
    const res = await rig.send.viewSubmission(modal, {
      question: 'Go?',
      options: 'Go\n',
      public: false,
      duration: '3 weeks',
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['duration', 'options']);
    expect(body.errors.options).toMatch(/needs 2 to 10 options; you gave 1/);
    expect(body.errors.duration).toMatch(/not a duration/);
    const dup = JSON.parse(
      (await rig.send.viewSubmission(modal, { question: 'Which one?', options: 'Go\ngo', public: false })).body,
    ) as { errors: Record<string, string> };
    expect(dup.errors).toEqual({ options: 'Two options are the same; make each option different.' });
    expect(rig.core.db.prepare('SELECT count(*) AS n FROM polls').get()).toEqual({ n: 0 });
  });

  it('WHEN submitted correctly THEN the form closes, the poll is posted in the channel and the user is told privately', async () => {
    const posts = rig.fake.callsOf('chat.postMessage').length;
    const res = await rig.send.viewSubmission(modal, {
      question: 'Which for billing?',
      options: 'Go\nPython\nRust',
      public: true,
      duration: '2h',
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const poll = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[posts]);
    expect(poll.body.channel).toBe('C1');
    expect(JSON.stringify(poll.body.blocks)).toMatch(/Which for billing\?.*Rust/);
    const told = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postEphemeral').at(-1));
    expect(String(told.body.text)).toMatch(/Poll p\w+ is up; it closes in 2 h/);
    expect(rig.core.db.prepare('SELECT anonymous FROM polls').get()).toEqual({ anonymous: 0 });
  });

  it('WHEN the console (no forms) asks for the poll form THEN it says how to write the poll as a command', async () => {
    const reply = await rig.core.handler.command('poll new', {
      platform: 'console',
      workspaceId: 'local',
      channelId: 'console',
      userId: 'you',
      isAdmin: fixedAdmin(true),
    });
    expect(renderText(reply)).toMatch(/\/versus poll "Which for billing\?" "Go" "Python" public for 2h/);
  });

  it('WHEN "New poll" is clicked on the Home tab or the global shortcut is used THEN the form asks for a channel, and the poll goes there', async () => {
    await rig.send.event(
      { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' },
      { eventId: 'EvFormHome' },
    );
    const home = await rig.fake.waitFor(() => rig.fake.callsOf('views.publish')[0]);
    const newPoll = JSON.stringify(home.body.view).match(/"action_id":"(v1:home:newpoll)"/)?.[1];
    expect(newPoll).toBe('v1:home:newpoll');
    const opened = rig.fake.callsOf('views.open').length;
    await rig.send.action(newPoll!, { user: 'U1', responseUrl: '', home: true });
    const fromHome = (await rig.fake.waitFor(() => rig.fake.callsOf('views.open')[opened])).body.view as Modal;
    expect(fromHome.blocks[0]).toMatchObject({ block_id: CHANNEL_FIELD, element: { type: 'conversations_select' } });

    await rig.send.globalShortcut(NEW_POLL_CALLBACK);
    const fromMenu = (await rig.fake.waitFor(() => rig.fake.callsOf('views.open')[opened + 1])).body.view as Modal;
    expect(fromMenu.blocks[0]?.block_id).toBe(CHANNEL_FIELD);

    const valid = { question: 'Which queue?', options: 'NATS\nRabbitMQ', public: false };
    const missing = JSON.parse((await rig.send.viewSubmission(fromMenu, { ...valid, [CHANNEL_FIELD]: '' })).body);
    expect(missing).toEqual({ response_action: 'errors', errors: { [CHANNEL_FIELD]: 'Pick a channel.' } });
    const posts = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.viewSubmission(fromMenu, { ...valid, [CHANNEL_FIELD]: 'C7' });
    const poll = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[posts]);
    expect(poll.body.channel).toBe('C7');
    expect(JSON.stringify(poll.body.blocks)).toMatch(/Which queue\?/);
  });
});
