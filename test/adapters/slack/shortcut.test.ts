import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASK_ABOUT_CALLBACK, slackPlainText } from '../../../src/adapters/slack/shortcuts.js';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';

type Blocks = { type: string; elements?: { action_id?: string; text?: { text: string } }[] }[];
const share = (blocks: unknown) =>
  (blocks as Blocks)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.text?.text === 'Share with channel')?.action_id;

describe('Slack message shortcut "Ask Versus about this" (real Bolt app, fake Web API)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => rig.close());

  it('reads a message as a person does: mentions dropped, links to their label, entities decoded', () => {
    expect(slackPlainText('<@U123> how much memory does a <https://go.dev|goroutine> use &amp; why?')).toBe(
      'how much memory does a goroutine use & why?',
    );
  });

  it('WHEN used on a message THEN its text is answered only to the user, with Share, even where answers are public', async () => {
    rig.core.settings.setAnswers(
      { platform: 'slack', workspaceId: 'T0FAKE', channelId: 'C1', userId: 'UADM' },
      'public',
    );
    const url = rig.fake.responseUrl();
    const sent = await rig.send.messageShortcut(ASK_ABOUT_CALLBACK, {
      text: '<@U5> how much memory does a goroutine start with?',
      responseUrl: url,
    });
    expect(sent.status).toBe(200);
    const res = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    expect(res.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(res.body.blocks)).toContain('2 KB');
    const shareId = share(res.body.blocks);
    expect(shareId).toMatch(/^v1:share:/);

    const before = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.action(shareId!, { responseUrl: rig.fake.responseUrl(), ephemeral: true });
    const posted = await rig.fake.waitFor(() => rig.fake.callsOf('chat.postMessage')[before]);
    expect(JSON.stringify(posted.body.blocks)).toContain('Shared by <@U1>');
  });

  it('WHEN the message is too short to be a question THEN a short private note', async () => {
    const url = rig.fake.responseUrl();
    await rig.send.messageShortcut(ASK_ABOUT_CALLBACK, { text: '<@U5> ok', responseUrl: url });
    const res = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
    expect(res.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(res.body.blocks)).toMatch(/Ask a question/);
  });
});
