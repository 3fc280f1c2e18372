import { describe, expect, it } from 'vitest';
import type { ChatContext, Platform } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { MINUTE_MS, TestClock } from '../../src/clock.js';
import { FeedbackStore } from '../../src/feedback/feedback-store.js';
import { HomeStore } from '../../src/home/home-store.js';
import { MatrixStore } from '../../src/matrix/matrix-store.js';
import { PollStore } from '../../src/polls/poll-store.js';
import { ScheduleStore } from '../../src/polls/schedule-store.js';
import { BACKENDS, useStore } from './backends.js';

/** Issue 15: the feedback report (a query rewritten to be portable) and the home's queries, on both backends. */

const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const SLACK_T1: ChatContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'UASK',
  isAdmin: fixedAdmin(false),
};
const at = (minutes: number) => new Date(T0 + minutes * MINUTE_MS).toISOString();

describe.each(BACKENDS)('FeedbackStore on $name', (backend) => {
  const store = useStore(backend);

  /** Logs with the clock moving a minute before each entry, so "latest" is always well defined. */
  const setup = () => {
    const clock = new TestClock(at(0));
    const f = new FeedbackStore(store().shared, clock);
    /** An answer as the answer features give it: logged with where it was asked, in one row. */
    const log = async (question: string, claimIds: string[] = [], where: Partial<ChatContext> = {}) => {
      clock.advance(MINUTE_MS);
      return f.log({ kind: 'ask', question, claimIds, given: { where: { ...SLACK_T1, ...where }, private: false } });
    };
    const vote = (id: string, user: string, helpful: boolean, platform: Platform = 'slack', workspaceId = 'T1') => {
      clock.advance(MINUTE_MS);
      return f.vote(id, { platform, workspaceId, userId: user }, helpful);
    };
    return { f, clock, log, vote };
  };

  it('stores an answer with its question tidied, its key and whether anything was found', async () => {
    const { log } = setup();
    const id = await log('  Is   Go\nfaster?? ', ['go-1', 'py-2']);
    const row = await store().shared.db.selectFrom('answer_log').selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({
      id,
      kind: 'ask',
      question: 'Is Go faster??',
      question_key: 'is go faster',
      claim_ids: '["go-1","py-2"]',
      found: 1,
      created_at: at(1),
      // Where it was given: the record Share, More and the workspace's report read (contract-answer-records).
      platform: 'slack',
      workspace_id: 'T1',
      channel_id: 'C1',
      user_id: 'UASK',
      private: 0,
      shared_at: null,
      more: null,
      share: null,
    });
  });

  it('groups unanswered questions by key, in their latest wording, most asked first, then most recent', async () => {
    const { f, log } = setup();
    await log('Is Go faster?'); // at(1)
    await log('Hiring: which is easier?'); // at(2)
    await log('is go   FASTER'); // at(3)
    await log('Typing?'); // at(4)
    await log('Hiring: Which is easier!'); // at(5)
    await log('answered, so not listed', ['go-1']); // at(6)
    await log('IS GO FASTER!!'); // at(7)
    await log('Typing.'); // at(8)
    const { unanswered } = await f.report();
    expect(unanswered).toEqual([
      { question: 'IS GO FASTER!!', count: 3, lastAt: at(7) },
      { question: 'Typing.', count: 2, lastAt: at(8) }, // ties with Hiring on count; asked more recently
      { question: 'Hiring: Which is easier!', count: 2, lastAt: at(5) },
    ]);
    expect((await f.report(2)).unanswered.map((r) => r.count)).toEqual([3, 2]);
  });

  it("counts not-helpful votes per question (a person's later vote replaces theirs), latest wording first", async () => {
    const { f, log, vote } = setup();
    const a1 = await log('Is Go faster?', ['go-1']);
    const a2 = await log('is go faster', ['go-2']);
    const b1 = await log('Which has better tooling?', ['py-1']);
    const b2 = await log('which has better tooling', ['py-1'], { platform: 'discord', workspaceId: 'G1' });
    const c1 = await log('Typing?', ['py-3']);
    expect(await vote(a1, 'U1', false)).toBe(true);
    expect(await vote(a2, 'U2', false)).toBe(true);
    expect(await vote(b1, 'U1', false)).toBe(true);
    expect(await vote(b2, 'U1', false, 'discord', 'G1')).toBe(true); // another platform's U1: another person
    expect(await vote(c1, 'U1', false)).toBe(true);
    expect(await vote(c1, 'U1', true)).toBe(true); // changed their mind: no longer counted
    expect(await vote(a1, 'U3', true)).toBe(true);
    expect(await vote('a-unknown', 'U1', false)).toBe(false);
    const { notHelpful } = await f.report();
    expect(notHelpful).toEqual([
      { question: 'which has better tooling', count: 2, lastAt: at(9) },
      { question: 'is go faster', count: 2, lastAt: at(7) },
    ]);
    // One workspace's report counts its own answers only, each in that workspace's latest wording.
    expect((await f.report(10, { platform: 'slack', workspaceId: 'T1' })).notHelpful).toEqual([
      { question: 'is go faster', count: 2, lastAt: at(7) },
      { question: 'Which has better tooling?', count: 1, lastAt: at(8) },
    ]);
    const votes = await store().shared.db.selectFrom('answer_feedback').selectAll().execute();
    expect(votes).toHaveLength(6); // one row per person and answer
  });

  it('counts people, not clicks: one person voting down every answer to the same question counts once', async () => {
    const { f, log, vote } = setup();
    for (let i = 0; i < 5; i++) expect(await vote(await log('Is Go faster?', ['go-1']), 'U1', false)).toBe(true);
    expect(await vote(await log('is go faster', ['go-1']), 'U2', false)).toBe(true);
    expect((await f.report()).notHelpful.map((r) => [r.question, r.count])).toEqual([['is go faster', 2]]);
  });

  it("refuses a vote on another workspace's answer, and leaves that workspace's questions out of this one's report", async () => {
    const { f, log, vote } = setup();
    const theirs = await log('Is Go faster?', [], { workspaceId: 'T2' });
    expect(await vote(theirs, 'U1', false, 'slack', 'T1')).toBe(false);
    expect(await vote(theirs, 'U1', false, 'discord', 'T2')).toBe(false);
    expect(await store().shared.db.selectFrom('answer_feedback').selectAll().execute()).toEqual([]);
    expect(await f.report(10, { platform: 'slack', workspaceId: 'T1' })).toEqual({ unanswered: [], notHelpful: [] });
    expect((await f.report(10, { platform: 'slack', workspaceId: 'T2' })).unanswered).toEqual([
      { question: 'Is Go faster?', count: 1, lastAt: at(1) },
    ]);
  });

  it('reports nothing when nothing went wrong', async () => {
    const { f, log, vote } = setup();
    await vote(await log('Is Go faster?', ['go-1']), 'U1', true);
    expect(await f.report()).toEqual({ unanswered: [], notHelpful: [] });
  });
});

describe.each(BACKENDS)('HomeStore on $name', (backend) => {
  const store = useStore(backend);

  it("lists one person's open polls (created or voted in), soonest end first, in their workspace only", async () => {
    const polls = new PollStore(store().shared);
    const poll = (id: string, creatorId: string, closesAt: string, over: { workspaceId?: string } = {}) =>
      polls.create({
        id,
        platform: 'slack',
        workspaceId: 'T1',
        channelId: `C-${id}`,
        creatorId,
        question: `${id}?`,
        kind: 'custom',
        anonymous: false,
        createdAt: at(0),
        closesAt,
        options: ['Go', 'Python'],
        ...over,
      });
    await poll('mine', 'Ume', at(50));
    await poll('voted', 'Uother', at(40));
    await poll('retracted', 'Uother', at(30));
    await poll('untouched', 'Uother', at(20));
    await poll('closed', 'Ume', at(60));
    await poll('ended', 'Ume', at(5));
    await poll('other-workspace', 'Ume', at(60), { workspaceId: 'T2' });
    await polls.vote('voted', 'Ume', 0, at(1));
    await polls.vote('retracted', 'Ume', 0, at(1));
    await polls.vote('retracted', 'Ume', 0, at(2));
    await polls.close('closed', at(3), 'Ume');
    const home = new HomeStore(store().shared);
    expect(await home.openPolls('slack', 'T1', 'Ume', at(10))).toEqual([
      { id: 'voted', question: 'voted?', channelId: 'C-voted', closesAt: at(40) },
      { id: 'mine', question: 'mine?', channelId: 'C-mine', closesAt: at(50) },
    ]);
    expect(await home.openPolls('discord', 'T1', 'Ume', at(10))).toEqual([]);
  });

  it("lists one person's open walks (started or answered), most recently active first", async () => {
    const m = new MatrixStore(store().shared);
    const walk = (id: string, starterId: string, channelId: string, mode: 'channel' | 'solo' = 'channel') =>
      m.create({
        id,
        platform: 'slack',
        workspaceId: 'T1',
        channelId,
        ownerKey: mode === 'solo' ? starterId : channelId,
        mode,
        starterId,
        createdAt: at(0),
        updatedAt: at(0),
      });
    await walk('started', 'Ume', 'C1', 'solo');
    await walk('answered', 'Uother', 'C2');
    await walk('untouched', 'Uother', 'C3');
    await walk('finished', 'Ume', 'C4');
    await m.answer('answered', 0, 'Ume', 'yes', at(5));
    await m.move('answered', 0, 1, at(6));
    await m.setStatus('finished', 'finished', at(7));
    const home = new HomeStore(store().shared);
    expect(await home.openWalks('slack', 'T1', 'Ume')).toEqual([
      { id: 'answered', channelId: 'C2', mode: 'channel', step: 1 },
      { id: 'started', channelId: 'C1', mode: 'solo', step: 0 },
    ]);
    expect(await home.openWalks('slack', 'T2', 'Ume')).toEqual([]);
  });

  it("lists the schedules a person created, next run first, and finds a schedule's channel", async () => {
    const s = new ScheduleStore(store().shared);
    const schedule = (id: string, createdBy: string, nextRunAt: string) =>
      s.insert({
        id,
        platform: 'slack',
        workspaceId: 'T1',
        channelId: `C-${id}`,
        spec: `spec ${id}`,
        cron: '0 10 * * 1',
        everyWeeks: 1,
        timezone: 'UTC',
        durationMs: 3_600_000,
        createdBy,
        createdAt: at(0),
        nextRunAt,
      });
    await schedule('later', 'Ume', at(90));
    await schedule('sooner', 'Ume', at(30));
    await schedule('theirs', 'Uother', at(10));
    const home = new HomeStore(store().shared);
    expect(await home.schedules('slack', 'T1', 'Ume')).toEqual([
      { id: 'sooner', channelId: 'C-sooner', spec: 'spec sooner', nextRunAt: at(30) },
      { id: 'later', channelId: 'C-later', spec: 'spec later', nextRunAt: at(90) },
    ]);
  });
});
