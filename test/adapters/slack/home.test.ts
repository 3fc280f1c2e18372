import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOME_BLOCKS } from '../../../src/adapters/slack/home-view.js';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';

type View = { type: string; blocks: { type: string; elements?: { action_id?: string; text?: { text: string } }[] }[] };

// The real Bolt app over signed HTTP, the real core (polls, schedules, walks) on SQLite, a fake Web API.
describe('Slack App Home (app_home_opened → views.publish)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => rig.close());

  const command = (text: string, user?: string) => rig.command(text, user);
  const openHome = async (user: string, eventId: string) => {
    const before = rig.fake.callsOf('views.publish').length;
    await rig.send.event({ type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' }, { eventId });
    const call = await rig.fake.waitFor(() => rig.fake.callsOf('views.publish')[before]);
    return { userId: call.body.user_id, view: call.body.view as View, text: JSON.stringify(call.body.view) };
  };

  it('WHEN a user opens the Home tab THEN it shows their poll, walk and schedule, and the sources with index times', async () => {
    await command('poll "Monolith or services?" "Monolith" "Services"');
    await command('schedule add every monday at 10:00');
    await command('matrix');
    const { userId, view, text } = await openHome('U1', 'EvHome1');
    expect(userId).toBe('U1');
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_BLOCKS);
    expect(text).toMatch(/Your open polls.*Monolith or services\?.* in <#C1>/);
    expect(text).toMatch(/Channel walk in <#C1>, at step 1/);
    expect(text).toMatch(/every monday at 10:00 in <#C1>/);
    expect(text).toMatch(/Alpha Article.*indexed 2026-01-05 09:00 UTC/);
    expect(text).not.toMatch(/Asked, but nothing found/); // not an admin
    expect(text).toMatch(/Remove schedule s/);
  });

  it('WHEN another user opens it THEN none of the first user’s polls, walks or schedules', async () => {
    const { text } = await openHome('U2', 'EvHome2');
    expect(text).not.toMatch(/Monolith or services/);
    expect(text).toMatch(/Your open polls\*\\nNone/);
  });

  it('WHEN an admin opens it THEN it lists what the sources could not answer', async () => {
    await command('ask what is the best sci-fi book of all time', 'U3');
    rig.fake.admins.add('UADM');
    const { text } = await openHome('UADM', 'EvHome3');
    expect(text).toMatch(/Asked, but nothing found.*best sci-fi book/);
  });

  it('WHEN Remove schedule is clicked on the Home tab THEN the schedule is removed and the home published again', async () => {
    const { view } = await openHome('U1', 'EvHome4');
    const remove = view.blocks.flatMap((b) => b.elements ?? []).find((e) => /Remove schedule/.test(e.text?.text ?? ''))!
      .action_id!;
    const before = rig.fake.callsOf('views.publish').length;
    await rig.send.action(remove, { user: 'U1', responseUrl: '', home: true });
    const again = await rig.fake.waitFor(() => rig.fake.callsOf('views.publish')[before]);
    const text = JSON.stringify(again.body.view);
    expect(text).toMatch(/Schedule s\w+ removed\./);
    expect(text).not.toMatch(/Remove schedule/);
    expect(rig.core.db.prepare('SELECT count(*) AS n FROM schedules').get()).toEqual({ n: 0 });
  });
});
