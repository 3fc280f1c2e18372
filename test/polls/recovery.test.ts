import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import { TestClock } from '../../src/clock.js';
import { createCore } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { FIXTURE_KNOWLEDGE, tempDir } from '../helpers/core.js';

const ctx = (userId: string): ChatContext => ({
  platform: 'console',
  workspaceId: 'w',
  channelId: 'c1',
  userId,
  isAdmin: fixedAdmin(false),
});

/** Issue 11, item 7: messages left behind their state by a crash are redrawn at start, without a new vote. */
describe('recovery: stale poll and walk messages are redrawn at start', () => {
  const tmp = tempDir('versus-recover-');
  afterAll(() => tmp.cleanup());
  const open = async (port: RecordingPort) => {
    const core = await createCore({
      dbPath: join(tmp.dir, 'v.db'),
      knowledgeDir: FIXTURE_KNOWLEDGE,
      logger: createLogger('silent'),
      clock: new TestClock(),
      pollUpdateIntervalMs: 60_000, // no edit happens before the "crash"
    });
    core.registerPort(port);
    return core;
  };

  it('a vote and a walk answer that never reached their messages are shown after a restart', async () => {
    const before = new RecordingPort();
    const a = await open(before);
    const made = renderText(await a.handler.command('poll', ctx('ann')));
    const pollId = /Poll (p\w+)/.exec(made)![1]!;
    await a.handler.action(`v1:poll:vote:${pollId}:0`, ctx('bob'));
    await a.handler.command('matrix', ctx('lead'));
    const walkId = /v1:mx:answer:([^:]+)/.exec(JSON.stringify(before.posts.at(-1)!.reply))![1]!;
    await a.handler.action(`v1:mx:answer:${walkId}:0:yes`, ctx('bob'));
    expect(before.updates).toHaveLength(0);
    a.close(); // the process dies: pending edits are lost

    const after = new RecordingPort();
    const b = await open(after);
    expect(await b.redrawStale()).toEqual({ polls: 1, walks: 1 });
    await b.polls.renders.drain();
    await b.walks!.renders.drain();
    expect(after.updates.map((u) => renderText(u.reply)).join('\n')).toMatch(/\(1\)[\s\S]*yes 1/);
    expect(await b.redrawStale()).toEqual({ polls: 0, walks: 0 }); // now up to date
    b.close();
  });
});
