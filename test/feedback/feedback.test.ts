import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { ask } from '../../src/answers/ask.js';
import type { ChatContext } from '../../src/chat/context.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Core } from '../../src/core.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { portCtx } from '../helpers/chat.js';
import { tempDir, testCore } from '../helpers/core.js';

const port = new RecordingPort('slack');
port.admins.add('UADMIN');
const ctx = (userId: string): ChatContext =>
  portCtx(port, { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId });
const buttonId = (r: Reply, label: RegExp) => r.buttons?.find((b) => label.test(b.label))?.actionId ?? '';
const QUESTION = 'how much memory does a goroutine start with';

describe('feedback on answers (real core, SQLite file)', () => {
  const tmp = tempDir();
  const dbPath = join(tmp.dir, 'feedback.db');
  let core: Core;
  beforeAll(async () => {
    core = await testCore(undefined, dbPath);
    core.registerPort(port);
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('GIVEN an answer to /versus ask, a mention or /versus compare THEN it ends with Helpful and Not helpful', async () => {
    const asked = await core.handler.command(`ask ${QUESTION}`, ctx('U1'));
    expect(asked.buttons?.slice(-2).map((b) => b.label)).toEqual(['👍 Helpful', '👎 Not helpful']);
    const mentioned = await core.handler.mention(QUESTION, { ...ctx('U1'), threadId: 't1' });
    expect(buttonId(mentioned, /Not helpful/)).toMatch(/^v1:fb:a\w+:down$/);
    const compared = await core.handler.command('compare concurrency', ctx('U1'));
    expect(buttonId(compared, /Helpful/)).toMatch(/^v1:fb:a\w+:up$/);
  });

  it('GIVEN one user clicks Helpful then Not helpful THEN one vote is kept (the last); another user adds a second', async () => {
    const answer = await core.handler.command(`ask ${QUESTION}`, ctx('U1'));
    const up = await core.handler.action(buttonId(answer, /^👍/), ctx('U1'));
    expect(renderText(up.reply!)).toMatch(/noted as helpful/);
    expect(up.reply?.visibility).toBe('ephemeral');
    await core.handler.action(buttonId(answer, /Not helpful/), ctx('U1'));
    await core.handler.action(buttonId(answer, /Not helpful/), ctx('U2'));
    const answerId = buttonId(answer, /^👍/).split(':')[2];
    const votes = core.db
      .prepare('SELECT user_id, helpful FROM answer_feedback WHERE answer_id = ? ORDER BY user_id')
      .all(answerId);
    expect(votes).toEqual([
      { user_id: 'U1', helpful: 0 },
      { user_id: 'U2', helpful: 0 },
    ]);
    const logged = core.db.prepare('SELECT question, claim_ids FROM answer_log WHERE id = ?').get(answerId) as {
      question: string;
      claim_ids: string;
    };
    expect(logged.question).toBe(QUESTION);
    expect(JSON.parse(logged.claim_ids).length).toBeGreaterThan(0);
  });

  it('GIVEN many "not helpful" votes THEN the ranking of that question is unchanged', async () => {
    const before = ask(core.answers, core.taxonomy, QUESTION).claims.map((c) => c.id);
    const answer = await core.handler.command(`ask ${QUESTION}`, ctx('U1'));
    for (const u of ['U3', 'U4', 'U5', 'U6']) await core.handler.action(buttonId(answer, /Not helpful/), ctx(u));
    expect(ask(core.answers, core.taxonomy, QUESTION).claims.map((c) => c.id)).toEqual(before);
  });

  it('GIVEN a forged or unknown answer id THEN a short private note, nothing stored', async () => {
    const forged = await core.handler.action('v1:fb:a!!:up', ctx('U1'));
    expect(forged.reply?.visibility).toBe('ephemeral');
    const unknown = await core.handler.action('v1:fb:anotthere:up', ctx('U1'));
    expect(renderText(unknown.reply!)).toMatch(/too old to rate/);
  });

  it('GIVEN questions nothing was found for THEN /versus report lists them by frequency, for admins only, after a restart', async () => {
    await core.handler.command('ask what is the best sci-fi book of all time', ctx('U1'));
    await core.handler.command('ask What is the best sci-fi book of all time?', ctx('U2'));
    await core.handler.command('ask which rust web framework should we pick today', ctx('U2'));
    const denied = await core.handler.command('report', ctx('U1'));
    expect(renderText(denied)).toMatch(/Only a workspace admin/);
    await core.close();
    core = await testCore(undefined, dbPath);
    core.registerPort(port);
    const report = renderText(await core.handler.command('report', ctx('UADMIN')));
    expect(report).toMatch(
      /Asked, but nothing found\n1\. what is the best sci-fi book of all time\?? — 2 times\n2\. which rust/i,
    );
    expect(report).toMatch(/Answers voted not helpful\n1\. how much memory does a goroutine start with — 6 votes/);
  });

  it('GIVEN the console THEN typing the button number votes', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c) => (printed += String(c)));
    const console = new ConsoleAdapter({ handler: core.handler, output });
    await console.handleLine(`/versus ask ${QUESTION}`);
    const n = /\[(\d)\] 👍 Helpful/.exec(printed)?.[1];
    expect(n).toBeDefined();
    await console.handleLine(n!);
    expect(printed).toMatch(/\(only you can see this\)\nThanks: noted as helpful\./);
    expect(core.db.prepare("SELECT count(*) AS n FROM answer_feedback WHERE platform = 'console'").get()).toEqual({
      n: 1,
    });
  });
});
