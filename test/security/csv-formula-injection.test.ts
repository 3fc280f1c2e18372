import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Poll } from '../../src/polls/poll-store.js';
import { votesCsv } from '../../src/polls/render-poll.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/** Poll options a spreadsheet would run as formulas if they were written as they are. */
const EVIL = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)'];

/**
 * Issue 20, item 2: a poll's options are exported as text a spreadsheet shows, never as live formulas,
 * in public and anonymous exports alike. The real Bolt app over signed HTTP: the poll is made with the
 * form (any characters, one option per line), voted on with the buttons, exported with the command.
 */
describe('CSV formula injection in poll exports (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(() => rig.close());

  async function poll(isPublic: boolean): Promise<string> {
    const opened = rig.fake.callsOf('views.open').length;
    await rig.send.command('poll new', { responseUrl: rig.fake.responseUrl() });
    const view = (await rig.fake.waitFor(() => rig.fake.callsOf('views.open')[opened])).body.view as {
      callback_id: string;
      private_metadata: string;
    };
    const posts = rig.fake.callsOf('chat.postMessage').length;
    await rig.send.viewSubmission(view, { question: 'Which formula?', options: EVIL.join('\n'), public: isPublic });
    const post = await rig.fake.waitFor(
      () => rig.fake.callsOf('chat.postMessage')[posts]?.result && rig.fake.callsOf('chat.postMessage')[posts],
    );
    const votes = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+/g)!;
    for (const [i, vote] of votes.entries()) {
      const user = `UVOTER${i}`;
      await rig.send.action(vote, { user, messageTs: String(post.result!.ts), responseUrl: rig.fake.responseUrl() });
      await rig.fake.waitFor(() =>
        rig.fake.callsOf('chat.postEphemeral').find((c) => c.body.user === user && /voted/.test(String(c.body.text))),
      );
    }
    return votes[0]!.split(':')[3]!;
  }

  async function exported(pollId: string): Promise<string> {
    const before = rig.fake.uploads.length;
    await rig.command(`poll export ${pollId}`);
    return (await rig.fake.waitFor(() => rig.fake.uploads[before])).content;
  }

  it('a public export writes each option and voter as text', async () => {
    const csv = await exported(await poll(true));
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(EVIL.length);
    for (const [i, option] of EVIL.entries())
      expect(rows.find((r) => r.startsWith(`"UVOTER${i}",`))).toContain(`,"'${option.replaceAll('"', '""')}",`);
  });

  it('an anonymous export writes each option as text beside its count', async () => {
    const csv = await exported(await poll(false));
    expect(csv.trim().split('\n').slice(1)).toEqual(EVIL.map((o) => `"'${o.replaceAll('"', '""')}",1`));
  });
});

describe('votesCsv: every leading character a spreadsheet reads as a formula', () => {
  const poll = (options: string[], anonymous: boolean): Poll => ({
    id: 'p1',
    platform: 'console',
    workspaceId: 'w',
    channelId: 'c',
    creatorId: 'u',
    question: 'q',
    kind: 'custom',
    anonymous,
    createdAt: '2026-01-01T00:00:00.000Z',
    closesAt: '2026-01-02T00:00:00.000Z',
    options,
  });
  const options = ['=1+2', '+1+2', '-1+2', '@A1', '\t=1+2', '\r=1+2'];
  const voters = options.map((_, i) => ({ userId: `@u${i}`, option: i, votedAt: '2026-01-01T10:00:00.000Z' }));

  it.each([true, false])('anonymous %s: each such cell starts with a quote, so it is text', (anonymous) => {
    const csv = votesCsv(poll(options, anonymous), voters);
    for (const o of options) expect(csv).toContain(`"'${o}"`);
    if (!anonymous) for (const v of voters) expect(csv).toContain(`"'${v.userId}"`);
  });
});
