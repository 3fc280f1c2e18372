import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Core } from '../../src/core.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { portCtx } from '../helpers/chat.js';
import { REAL_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';

const port = new RecordingPort('slack');
port.admins.add('UADMIN');
const at = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
const ana: ChatContext = portCtx(port, { ...at, userId: 'UANA' });
const admin: ChatContext = portCtx(port, { ...at, userId: 'UADMIN' });
const shareId = (r: Reply) => r.buttons?.find((b) => b.label === 'Share with channel')?.actionId ?? '';

describe('private answers with Share, and the channel setting (real core, SQLite file)', () => {
  const tmp = tempDir();
  const dbPath = join(tmp.dir, 'share.db');
  let core: Core;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE, dbPath);
    core.registerPort(port);
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('GIVEN /versus ask in a channel nobody configured THEN only the asker sees it, with Share first and feedback', async () => {
    const r = await core.handler.command('ask how much memory does a goroutine start with', ana);
    expect(r.visibility).toBe('ephemeral');
    expect(r.buttons?.map((b) => b.label)).toEqual([
      'Share with channel',
      'More sources',
      expect.stringMatching(/^Compare /),
      '👍 Helpful',
      '👎 Not helpful',
    ]);
  });

  it('GIVEN Share is clicked THEN the same answer goes to the channel attributed to the sharer, and the private copy says so', async () => {
    const r = await core.handler.command('ask how much memory does a goroutine start with', ana);
    const out = await core.handler.action(shareId(r), ana);
    expect(out.reply?.visibility).toBe('channel');
    expect(out.reply?.blocks.slice(0, -1)).toEqual(r.blocks);
    expect(renderText(out.reply!)).toMatch(/\(Shared by @UANA\)\n/);
    expect(out.reply?.buttons?.map((b) => b.label)).not.toContain('Share with channel');
    expect(out.reply?.buttons?.map((b) => b.label)).toContain('👍 Helpful');
    expect(out.update?.visibility).toBe('ephemeral');
    expect(renderText(out.update!)).toMatch(/You shared this with the channel/);
  });

  it('GIVEN "More sources" on a private answer THEN the next page is private too, with its own Share', async () => {
    const r = await core.handler.command('ask how much memory do goroutines and threads use', ana);
    const more = r.buttons?.find((b) => b.label === 'More sources')?.actionId ?? '';
    const page = await core.handler.action(more, ana);
    expect(page.update?.visibility).toBe('ephemeral');
    expect(shareId(page.update!)).not.toBe(shareId(r));
    expect(renderText(page.update!)).toMatch(/from #6/);
  });

  it('GIVEN a mention in a thread THEN the answer stays public', async () => {
    const r = await core.handler.mention('how much memory does a goroutine start with', { ...ana, threadId: 't1' });
    expect(r.visibility).toBe('channel');
    expect(shareId(r)).toBe('');
  });

  it('GIVEN a non-admin changes the setting THEN refused; bad values get the zod message', async () => {
    expect(renderText(await core.handler.command('settings answers public', ana))).toMatch(/Only a workspace admin/);
    expect(renderText(await core.handler.command('settings answers loud', admin))).toMatch(
      /Answers are `public` or `private`/,
    );
    expect(renderText(await core.handler.command('settings colour blue', admin))).toMatch(
      /The settings are `answers` and `language`/,
    );
    expect(renderText(await core.handler.command('settings answers public now', admin))).toMatch(/one setting/);
    expect(renderText(await core.handler.command('settings language klingon', admin))).toMatch(
      /The language is `de`, `en` or `default`/,
    );
  });

  it('GIVEN an admin makes the channel public THEN ask and compare post in the channel, also after a restart; other channels stay private', async () => {
    const done = await core.handler.command('settings answers public', admin);
    expect(done.visibility).toBe('ephemeral');
    expect(renderText(done)).toMatch(/are posted in the channel/);
    await core.close();
    core = await testCore(REAL_KNOWLEDGE, dbPath);
    core.registerPort(port);
    const r = await core.handler.command('compare concurrency', ana);
    expect(r.visibility).toBe('channel');
    expect(shareId(r)).toBe('');
    expect(renderText(await core.handler.command('settings', ana))).toMatch(/are posted in the channel/);
    const elsewhere = await core.handler.command('compare concurrency', { ...ana, channelId: 'C2' });
    expect(elsewhere.visibility).toBe('ephemeral');
    await core.handler.command('settings answers private', admin);
    expect((await core.handler.command('compare concurrency', ana)).visibility).toBe('ephemeral');
  });

  it('GIVEN the channel setting THEN where a command will answer is known before it is composed', async () => {
    const here = portCtx(port, { ...at, userId: 'UANA', channelId: 'CSHOWN' });
    const commands = ['ask is go faster', 'compare memory', 'verdict a small team', 'help', 'settings', 'report'];
    const shown = () =>
      Promise.all([...commands, 'poll "Q?" "A" "B"', 'nosuch'].map((c) => core.handler.visibility(c, here)));
    expect(await shown()).toEqual([...commands.map(() => 'ephemeral'), 'channel', 'ephemeral']);
    await core.handler.command(
      'settings answers public',
      portCtx(port, { ...at, userId: 'UADMIN', channelId: 'CSHOWN' }),
    );
    expect(await shown()).toEqual([
      ...['channel', 'channel', 'channel', 'ephemeral', 'ephemeral', 'ephemeral'],
      'channel',
      'ephemeral',
    ]);
  });

  it('GIVEN a forged or expired Share button THEN a short private note', async () => {
    const r = await core.handler.action('v1:share:nope', ana);
    expect(r.reply?.visibility).toBe('ephemeral');
    expect(renderText(r.reply!)).toMatch(/too old to share/);
  });
});
