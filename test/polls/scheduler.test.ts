import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import { DAY_MS, TestClock, WEEK_MS } from '../../src/clock.js';
import { motionCandidates } from '../../src/polls/motions.js';
import type { SharedDb } from '../../src/store/shared-db.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { FIXTURE_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';

const ctx: ChatContext = {
  platform: 'console',
  workspaceId: 'w',
  channelId: 'debates',
  userId: 'lead',
  isAdmin: fixedAdmin(false),
};

describe('scheduled debate polls', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function bot(dbPath: string, clock: TestClock, shared?: SharedDb) {
    const port = new RecordingPort();
    const core = await testCore(FIXTURE_KNOWLEDGE, dbPath, { clock, pollUpdateIntervalMs: 5, shared });
    core.registerPort(port);
    cleanups.push(() => core.close());
    return { core, port };
  }
  function dbFile() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return join(t.dir, 'sched.db');
  }

  // Two cores in one process stand for two replicas on one shared store (real processes and PostgreSQL:
  // test/replicas/). They share its connection: two SQLite connections in one thread would wait on each other.
  it('posts exactly once per occurrence with two bots on one shared store', async () => {
    const path = dbFile();
    const clock = new TestClock('2026-03-02T08:00:00Z'); // a Monday
    const a = await bot(path, clock);
    const b = await bot(path, clock, a.core.shared);
    expect(renderText(await a.core.handler.command('schedule add every monday at 10:00', ctx))).toMatch(/scheduled/);
    for (let week = 0; week < 3; week++) {
      clock.set(new Date(Date.parse('2026-03-02T10:00:30Z') + week * WEEK_MS));
      await Promise.all([
        a.core.scheduler.tick(),
        b.core.scheduler.tick(),
        a.core.scheduler.tick(),
        b.core.scheduler.tick(),
      ]);
    }
    expect(a.port.posts.length + b.port.posts.length).toBe(3);
  });

  it('after downtime posts a missed occurrence once, not once per missed occurrence', async () => {
    const path = dbFile();
    const clock = new TestClock('2026-03-02T08:00:00Z');
    const a = await bot(path, clock);
    await a.core.handler.command('schedule add daily at 9:00', ctx);
    await a.core.close();
    clock.set('2026-03-06T12:00:00Z'); // four 9:00 occurrences missed
    const b = await bot(path, clock);
    expect((await b.core.scheduler.tick()).debatesPosted).toBe(1);
    expect((await b.core.scheduler.tick()).debatesPosted).toBe(0);
    clock.set('2026-03-07T09:00:01Z');
    expect((await b.core.scheduler.tick()).debatesPosted).toBe(1);
  });

  it('carries a debate motion with a cited claim for each side, rotating topics without repeats', async () => {
    const clock = new TestClock('2026-03-02T08:00:00Z');
    const { core, port } = await bot(dbFile(), clock);
    await core.handler.command('schedule add daily at 9:00 --duration 2h', ctx);
    const topics: string[] = [];
    for (let day = 0; day < 4; day++) {
      clock.set(new Date(Date.parse('2026-03-02T09:00:01Z') + day * DAY_MS));
      await core.scheduler.tick();
      const poll = port.posts.at(-1)!.reply;
      topics.push(poll.title!);
      if (day === 0)
        expect(renderText(poll)).toMatch(/Debate motion[\s\S]*The case for 🐹 Go[\s\S]*—[\s\S]*The case for 🐍 Python/);
    }
    // Every candidate topic is debated once before the rotation starts over.
    const n = motionCandidates(core.answers, core.taxonomy).length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(new Set(topics.slice(0, n)).size).toBe(n);
    expect(topics[n]).toBe(topics[0]);
  });

  it('lists and removes schedules; only the creator or an admin may remove one', async () => {
    const { core } = await bot(':memory:', new TestClock());
    const added = renderText(await core.handler.command('schedule add weekdays 9:30 --tz Europe/Berlin', ctx));
    const id = /`(s\w+)`/.exec(added)![1]!;
    expect(renderText(await core.handler.command('schedule list', ctx))).toContain(id);
    expect(renderText(await core.handler.command(`schedule remove ${id}`, { ...ctx, userId: 'someone' }))).toMatch(
      /Only the person/,
    );
    expect(renderText(await core.handler.command(`schedule remove ${id}`, ctx))).toMatch(/removed/);
    expect(renderText(await core.handler.command('schedule list', ctx))).toMatch(/No debate polls/);
  });

  it('explains bad schedules: 7-field cron, unknown time zone, no time', async () => {
    const { core } = await bot(':memory:', new TestClock());
    for (const [input, msg] of [
      ['schedule add 0 0 10 * * 1 2027', /exactly 5 fields/],
      ['schedule add every monday at 10:00 --tz Nowhere/City', /Unknown time zone/],
      ['schedule add every monday', /Add a time/],
    ] as const) {
      const r = await core.handler.command(input, ctx);
      expect(r.visibility).toBe('ephemeral');
      expect(renderText(r)).toMatch(msg);
    }
  });
});
