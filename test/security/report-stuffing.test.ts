import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/**
 * Issue 20, item 9: the admin report counts the people who voted an answer to a question not helpful,
 * not their clicks: one user asking the same question 30 times and voting 👎 on each answer is one vote.
 * The real Bolt app over signed HTTP, the real core on SQLite.
 */
describe('report stuffing (Slack, real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(() => rig.close());

  async function askAndVoteDown(user: string) {
    const answer = await rig.command('ask does the GIL matter for web backends?', user);
    const down = JSON.stringify(answer.body.blocks).match(/v1:fb:[^":]+:down/)![0];
    await rig.send.action(down, { user, responseUrl: rig.fake.responseUrl(), ephemeral: true });
  }

  it('30 👎 from one user and 1 from another show as 2 votes', async () => {
    for (let i = 0; i < 30; i++) await askAndVoteDown('USTUFFER');
    await askAndVoteDown('UHONEST');
    await rig.adapter.idle();
    expect(rig.core.db.prepare('SELECT count(*) AS n FROM answer_feedback WHERE helpful = 0').get()).toEqual({ n: 31 });
    rig.fake.admins.add('UADMIN');
    const report = JSON.stringify((await rig.command('report', 'UADMIN')).body.blocks);
    expect(report).toMatch(/Answers voted not helpful\*\\n1\. does the GIL matter for web backends\? — 2 votes/);
  }, 60_000);
});
