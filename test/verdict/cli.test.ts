import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import type { Reply } from '../../src/chat/reply.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { REAL_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';
import { EXAMPLE } from './example.js';

const BIN = join(resolve(import.meta.dirname, '../..'), 'bin/versus.js');
const run = promisify(execFile);
const tmp = tempDir();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  VERSUS_DB: join(tmp.dir, 'cli.db'),
  KNOWLEDGE_DIR: REAL_KNOWLEDGE,
  LOG_LEVEL: 'warn',
};
for (const k of Object.keys(env)) if (/^(SLACK_|DISCORD_|DATABASE_URL)/.test(k)) delete env[k];
const versus = (...args: string[]) => run(process.execPath, [BIN, ...args], { env });

describe('versus verdict and versus adr (real process)', () => {
  afterAll(() => tmp.cleanup());

  it('verdict --json prints the documented shape: verdict, factors with value, inferred and quote, deciding claims, open factors', async () => {
    const out = JSON.parse((await versus('verdict', '--json', EXAMPLE)).stdout);
    expect(out).toMatchObject({ verdict: 'python', kind: 'strong-python', score: { go: 0, python: 6 } });
    expect(out.factors).toHaveLength(14);
    expect(out.factors[0]).toEqual({
      id: 'prototype-speed',
      title: 'Shipping a first version fast',
      value: 'yes',
      inferred: true,
      quote: 'we must ship an MVP by spring',
      pull: { go: 0, python: 3 },
    });
    expect(out.factors.find((f: { id: string }) => f.id === 'ml-data')).toMatchObject({ value: 2, inferred: true });
    expect(out.factors.find((f: { id: string }) => f.id === 'hiring')).toMatchObject({ value: null, inferred: false });
    expect(out.deciding.map((d: { id: string }) => d.id)).toEqual(['prototype-speed', 'io-bound', 'ml-data']);
    expect(out.deciding[0].claims[0]).toMatchObject({
      id: expect.stringMatching(/:/),
      source: { path: expect.any(String) },
    });
    expect(out.open).toHaveLength(10);
    // How long it took is reported, not judged here: the verdict's time is a target in `npm run bench`.
    expect(out.ms).toBeGreaterThanOrEqual(0);
  });

  it('adr --verdict prints the record; adr <walk-id> prints a finished walk’s record as its next revision', async () => {
    const draft = (await versus('adr', '--verdict', EXAMPLE)).stdout;
    expect(draft).toMatch(/^# Use Python for this backend\n\n\* Status: proposed/);
    // A walk finished in the bot, on the same database.
    const core = await testCore(REAL_KNOWLEDGE, env.VERSUS_DB);
    const port = new RecordingPort();
    core.registerPort(port);
    const where: ChatContext = {
      platform: 'console',
      workspaceId: 'local',
      channelId: 'console',
      userId: 'ana',
      isAdmin: fixedAdmin(false),
    };
    await core.handler.command('matrix', where);
    const step = port.posts.at(-1)!.reply as Reply;
    await core.handler.action(step.buttons!.find((b) => b.label === 'Yes')!.actionId, where);
    const card = (await core.handler.action(step.buttons!.find((b) => b.label === 'Finish now')!.actionId, where))
      .update!;
    const walkId = card
      .buttons!.find((b) => /Export/.test(b.label))!
      .actionId.split(':')
      .at(-1)!;
    await core.close();
    const record = (await versus('adr', walkId)).stdout;
    expect(record).toMatch(/^# Use Python for this backend\n\n\* Status: accepted\n\* Deciders: @ana\n/);
    expect(record).toContain(`* Record: ${walkId}, revision 1`);
    const missing = await versus('adr', 'wnope').catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/There is no walk wnope here/) });
  });
});
