import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Reply } from '../../src/chat/reply.js';
import { TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { parseWeight } from '../../src/matrix/matrix-args.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { buttonOf, portCtx } from '../helpers/chat.js';
import { FIXTURE_KNOWLEDGE, testCore } from '../helpers/core.js';

const port = new RecordingPort('slack');
port.admins.add('Uadmin'); // a Slack admin: the event never says, the platform does
const ctx = (userId: string, extra: Partial<Omit<ChatContext, 'isAdmin'>> = {}): ChatContext =>
  portCtx(port, { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId, ...extra });
const text = (r: Reply) => renderText(r);
const button = buttonOf;

describe('/versus matrix weights (fixture matrix: throughput, io-bound, hiring)', () => {
  let core: Core;
  beforeAll(async () => {
    core = await testCore(FIXTURE_KNOWLEDGE, ':memory:', { clock: new TestClock('2026-03-01T10:00:00Z') });
    core.registerPort(port);
  });
  afterAll(async () => core.close());

  it('reads weights as multipliers, percentages, off, on and reset, from 0 to 3', () => {
    expect(['2', '×1.5', 'x0.5', '150%', 'off', 'on', 'reset', '0', '3'].map(parseWeight)).toEqual([
      200, 150, 50, 150, 0, 100, 100, 0, 300,
    ]);
    expect(['3.5', '-1', 'lots', '400%'].map(parseWeight)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('lets everyone see the weights and only an admin change them', async () => {
    expect(text(await core.handler.command('matrix weights', ctx('Uann')))).toMatch(
      /High throughput \(`throughput`\): ×1, the sources' weight/,
    );
    const refused = await core.handler.command('matrix weights hiring 2', ctx('Uann'));
    expect(text(refused)).toMatch(/Only a workspace admin can change the matrix's weights/);
    const done = await core.handler.command('matrix weights hiring 2', ctx('Uadmin'));
    expect(done.title).toBe('Matrix weights changed here');
    expect(text(done)).toMatch(/Hiring budget \(`hiring`\): ×2 — changed by @Uadmin on 2026-03-01/);
    expect(text(await core.handler.command('matrix weights nope 2', ctx('Uadmin')))).toMatch(
      /There is no factor “nope”/,
    );
    expect(text(await core.handler.command('matrix weights hiring lots', ctx('Uadmin')))).toMatch(/weight from 0 to 3/);
  });

  it('scopes weights to the platform, workspace and channel they were set in', async () => {
    await core.handler.command('matrix weights throughput off', ctx('Uadmin'));
    for (const elsewhere of [
      ctx('Uann', { channelId: 'C2' }),
      ctx('Uann', { workspaceId: 'T2' }),
      ctx('Uann', { platform: 'discord' }),
    ])
      expect(text(await core.handler.command('matrix weights', elsewhere))).not.toMatch(/changed by/);
  });

  it('leaves a switched-off factor out of the walk, and shows the weights on its scorecard', async () => {
    // C1 now: throughput off, hiring ×2. The walk asks io-bound and hiring only.
    expect(text(await core.handler.command('matrix', ctx('Ulead')))).toMatch(/Started a 2-step decision-matrix walk/);
    let step = port.posts.at(-1)!.reply;
    expect(step.title).toBe('🧭 Step 1/2: Mostly I/O-bound');
    step = (await core.handler.action(button(step, /^Next/), ctx('Ulead'))).update!;
    expect(step.title).toBe('🧭 Step 2/2: Hiring budget');
    await core.handler.action(button(step, /^5/), ctx('Uann'));
    const card = (await core.handler.action(button(step, /^Finish$/), ctx('Ulead'))).update!;
    expect(text(card)).toContain('High throughput — switched off in this channel');
    expect(text(card)).toContain('Total: 🐹 0 | 🐍 6'); // hiring 5 → Python 3, doubled
    expect(text(card)).toMatch(/Weights changed in this channel: High throughput off, Hiring budget ×2 — by @Uadmin/);
  });

  it('goes back to the sources’ weights with reset', async () => {
    await core.handler.command('matrix weights reset', ctx('Uadmin'));
    expect(text(await core.handler.command('matrix weights', ctx('Uann')))).not.toMatch(/changed by/);
  });
});
