import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import type { Reply } from '../../src/chat/reply.js';
import { HOUR_MS, TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { pollAction } from '../../src/polls/poll-action.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { portCtx } from '../helpers/chat.js';
import { FIXTURE_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';

const ctx = (userId: string, extra: Partial<ChatContext> = {}): ChatContext => ({
  platform: 'console',
  workspaceId: 'w',
  channelId: 'c1',
  userId,
  isAdmin: fixedAdmin(false),
  ...extra,
});
const text = (r: Reply | undefined) => (r ? renderText(r) : '');
const pollIdOf = (r: Reply) => /Poll (p\w+)/.exec(text(r))![1]!;
const barsOf = (r: Reply | undefined) => r?.blocks.find((b) => b.type === 'bars');

describe('polls through the core (real SQLite)', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function start(dbPath: string, clock: TestClock, port = new RecordingPort()) {
    const core = await testCore(FIXTURE_KNOWLEDGE, dbPath, { clock, pollUpdateIntervalMs: 5 });
    core.registerPort(port);
    cleanups.push(() => core.close());
    return { core, port };
  }
  const file = () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return join(t.dir, 'polls.db');
  };
  const vote = (core: Core, pollId: string, option: number, user: string) =>
    core.handler.action(pollAction.encode({ op: 'vote', pollId, option }), ctx(user));

  it('counts 1,000 concurrent voters exactly, with 100 changing and 50 retracting, and the last render shows the tally', async () => {
    const { core, port } = await start(':memory:', new TestClock());
    const pollId = pollIdOf(await core.handler.command('poll', ctx('creator')));
    const users = Array.from({ length: 1000 }, (_, i) => `u${i}`);
    await Promise.all(users.map((u, i) => vote(core, pollId, i % 3, u)));
    await Promise.all(users.slice(0, 100).map((u, i) => vote(core, pollId, ((i % 3) + 1) % 3, u))); // change
    await Promise.all(users.slice(100, 150).map((u, i) => vote(core, pollId, (100 + i) % 3, u))); // same option again: retract
    const expected = [0, 0, 0];
    users.forEach((_, i) => {
      if (i >= 100 && i < 150) return;
      expected[i < 100 ? ((i % 3) + 1) % 3 : i % 3]! += 1;
    });
    await core.polls.renders.drain();
    const last = barsOf(port.latest(port.posts[0]!.ref.messageId));
    expect(last && last.type === 'bars' && last.bars.map((b) => b.count)).toEqual(expected);
    expect(last && last.type === 'bars' && last.total).toBe(950);
    // Coalesced: far fewer edits than votes.
    expect(port.updates.length).toBeLessThan(100);
  });

  it('confirms a vote privately and refuses votes once closed', async () => {
    const { core } = await start(':memory:', new TestClock());
    const pollId = pollIdOf(await core.handler.command('poll', ctx('creator')));
    const first = await vote(core, pollId, 0, 'ann');
    expect(first.reply).toMatchObject({ visibility: 'ephemeral' });
    expect(text(first.reply)).toMatch(/You're on Team Go/);
    expect(text((await vote(core, pollId, 0, 'ann')).reply)).toMatch(/withdrawn/);
    await core.handler.command(`poll close ${pollId}`, ctx('creator'));
    const late = await vote(core, pollId, 1, 'bob');
    expect(late.reply?.visibility).toBe('ephemeral');
    expect(text(late.reply)).toMatch(/closed/);
  });

  it('refuses a vote from another channel or workspace as if the poll were unknown, also once the poll is cached', async () => {
    const { core } = await start(':memory:', new TestClock());
    const pollId = pollIdOf(await core.handler.command('poll', ctx('creator')));
    const click = (c: ChatContext) => core.handler.action(pollAction.encode({ op: 'vote', pollId, option: 0 }), c);
    const elsewhere = [ctx('eve', { channelId: 'c2' }), ctx('eve', { workspaceId: 'w2' })];
    const before = await Promise.all(elsewhere.map(click));
    expect(text((await vote(core, pollId, 0, 'ann')).reply)).toMatch(/You're on Team Go/); // now cached
    const after = await Promise.all(elsewhere.map(click));
    for (const r of [...before, ...after]) expect(text(r.reply)).toBe(text(before[0]!.reply));
    expect(text(before[0]!.reply)).not.toMatch(/Team|voted/);
    expect((await core.polls.find(pollId))?.version).toBe(1);
  });

  it('lets only the creator or an admin close a poll', async () => {
    const { core, port } = await start(':memory:', new TestClock());
    const pollId = pollIdOf(await core.handler.command('poll', ctx('creator')));
    expect(text(await core.handler.command(`poll close ${pollId}`, ctx('mallory')))).toMatch(
      /Only the person who started this poll or an admin/,
    );
    port.admins.add('boss'); // e.g. Slack's admin flag, looked up through the port
    const boss = portCtx(port, { platform: 'console', workspaceId: 'w', channelId: 'c1', userId: 'boss' });
    expect(text(await core.handler.command(`poll close ${pollId}`, boss))).toMatch(/is closed/);
  });

  it('shows the result and, for Team Go vs Team Python, the strongest cited claim of each side when closed', async () => {
    const { core, port } = await start(':memory:', new TestClock());
    const pollId = pollIdOf(await core.handler.command('poll', ctx('creator')));
    await vote(core, pollId, 1, 'ann');
    await core.handler.action(pollAction.encode({ op: 'close', pollId }), ctx('creator'));
    await core.polls.renders.drain();
    const final = text(port.latest(port.posts[0]!.ref.messageId));
    expect(final).toMatch(
      /Closed:[\s\S]*Python wins with 1 of 1[\s\S]*Strongest cited claim for 🐹 Go[\s\S]*— [\s\S]*Strongest cited claim for 🐍 Python/,
    );
  });

  it('keeps votes, end time and message id across a restart, and closes a poll whose time passed while down', async () => {
    const path = file();
    const clock = new TestClock('2026-03-02T09:00:00Z');
    const a = await start(path, clock);
    const pollId = pollIdOf(await a.core.handler.command('poll for 2h', ctx('creator')));
    await vote(a.core, pollId, 0, 'ann');
    await vote(a.core, pollId, 1, 'bob');
    await a.core.polls.renders.drain();
    const before = await a.core.polls.find(pollId);
    await a.core.close();

    clock.advance(3 * HOUR_MS); // the bot was down past the end time
    const b = await start(path, clock);
    const after = (await b.core.polls.find(pollId))!;
    expect(after).toMatchObject({ messageId: before!.messageId, closesAt: before!.closesAt });
    expect((await b.core.scheduler.tick()).pollsClosed).toBe(1);
    await b.core.polls.renders.drain();
    const final = b.port.latest(before!.messageId!);
    expect(final?.title).toMatch(/Closed/);
    const bars = barsOf(final);
    expect(bars && bars.type === 'bars' && bars.bars.map((x) => x.count)).toEqual([1, 1, 0]);
  });

  it('exports votes as CSV; an anonymous poll only as totals per option (no ids, times or order)', async () => {
    const { core, port } = await start(':memory:', new TestClock());
    const anon = pollIdOf(await core.handler.command('poll', ctx('creator')));
    const pub = pollIdOf(await core.handler.command('poll "Tabs or spaces?" "Tabs" "Spaces" public', ctx('creator')));
    await vote(core, anon, 0, 'ann');
    await vote(core, anon, 1, 'bob');
    await vote(core, anon, 0, 'cy');
    await vote(core, pub, 1, 'ann');
    await core.handler.command(`poll export ${anon}`, ctx('creator'));
    await core.handler.command(`poll export ${pub}`, ctx('creator'));
    expect(port.uploads[0]!.content).toMatch(/^"option","votes"\n"🐹 Go",2\n"🐍 Python",1\n/);
    expect(port.uploads[0]!.content).not.toMatch(/ann|bob|cy|\d{4}-\d\d-\d\dT/);
    expect(port.uploads[1]!.content).toMatch(/^"user_id","option","voted_at"\n"ann","Spaces",/);
  });

  it('answers bad poll input with a usage note only the sender sees', async () => {
    const { core, port } = await start(':memory:', new TestClock());
    for (const bad of [
      'poll "Only a question?"',
      'poll for 3dd',
      `poll "Q?!" ${Array.from({ length: 11 }, (_, i) => `"${i}"`).join(' ')}`,
    ]) {
      const r = await core.handler.command(bad, ctx('u'));
      expect(r.visibility).toBe('ephemeral');
      expect(text(r)).toMatch(/Usage: `\/versus poll/);
    }
    expect(port.posts).toHaveLength(0);
  });
});
