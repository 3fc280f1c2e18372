import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Core } from '../../src/core.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';

// The words the adapters add around the core's replies come from the catalogue too (chat/strings/platform-*.ts).
describe('GIVEN Versus set to German (VERSUS_LOCALE=de)', () => {
  let rig: SlackRig;
  let core: Core;
  beforeAll(async () => {
    rig = await slackRig({ core: { locale: 'de' } });
    core = await testCore(REAL_KNOWLEDGE, ':memory:', { locale: 'de' });
  });
  afterAll(async () => {
    await rig.close();
    await core.close();
  });

  it('WHEN a Slack assistant thread opens and a question is asked THEN prompts, title and status are German', async () => {
    const thread = '1700002000.000100';
    await rig.send.event(
      {
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'U1', channel_id: 'D2', thread_ts: thread, context: { channel_id: 'C1' } },
        event_ts: '1700002000.000200',
      },
      { eventId: 'EvDe1' },
    );
    const prompts = await rig.fake.waitFor(() => rig.fake.callsOf('assistant.threads.setSuggestedPrompts')[0]);
    expect(prompts.body.title).toBe('Go oder Python? Frag die Quellen');
    expect((prompts.body.prompts as { title: string }[]).map((p) => p.title)).toEqual([
      'Eine Zahl aus den Quellen',
      'Ein Thema vergleichen',
      'Ein Urteil für eure Lage',
      'Die Entscheidungsmatrix starten',
    ]);
    const dm = { type: 'message', channel: 'D2', channel_type: 'im', user: 'U1', thread_ts: thread };
    await rig.send.event(
      { ...dm, text: 'Wie viel Speicher braucht eine Goroutine?', ts: '1700002001.000100' },
      {
        eventId: 'EvDe2',
      },
    );
    const status = await rig.fake.waitFor(() => rig.fake.callsOf('assistant.threads.setStatus')[0]);
    expect(status.body.status).toBe('Ich durchsuche die Quellen…');
  });

  it('WHEN compare shows where the sources disagree and figures side by side THEN the heading and each row’s verdict are German', async () => {
    const text = renderText(
      await core.handler.command('compare performance', {
        platform: 'console',
        workspaceId: 'local',
        channelId: 'console',
        userId: 'you',
        isAdmin: async () => true,
      }),
    );
    expect(text).toContain('⚠️ Wo sich die Quellen widersprechen');
    expect(text).not.toContain('Where the sources disagree');
    expect(text).toMatch(/→ (Go|Python) [\d.,]+× (höher|niedriger)/);
    expect(text).not.toMatch(/× (higher|lower)|about the same|favors (Go|Python)/);
  });

  it('WHEN the console prints a private reply THEN it is marked in German', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c) => {
      printed += String(c);
    });
    const console = new ConsoleAdapter({ handler: core.handler, output });
    await console.handleLine('help');
    expect(printed).toContain('(nur du siehst das)\n');
    expect(printed).not.toContain('only you can see this');
  });
});
