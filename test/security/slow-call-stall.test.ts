import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';

/**
 * Issue 20, item 5: answers are computed and delivered through the answer queue; a delivery that hangs
 * (a response_url post) or a Slack call a command waits on (the users.info admin check of /versus report)
 * may delay only its own reply. The fake Slack holds chosen calls without an answer; while it still holds
 * every one of them, another user's /versus help must already be answered.
 * The real Bolt app over signed HTTP, the real core on SQLite.
 */
describe('slow Slack calls stall other users (real Bolt over signed HTTP)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(() => rig.close());

  it('with 8 deliveries and 10 admin checks hanging, another user’s help is answered while all of them still hang', async () => {
    const { fake, send } = rig;
    fake.hold('response', (_body, path) => path.includes('/response/stuck-'));
    fake.hold('users.info', (body) => String(body.user).startsWith('USLOWADMIN'));
    for (let i = 0; i < 8; i++)
      await send.command('help', { responseUrl: fake.responseUrl(`stuck-${i}`), user: `USTUCK${i}` });
    for (let i = 0; i < 10; i++)
      await send.command('report', { responseUrl: fake.responseUrl(), user: `USLOWADMIN${i}` });
    await fake.waitFor(() => fake.hanging >= 8);

    const url = fake.responseUrl();
    const t0 = performance.now();
    await send.command('help', { responseUrl: url, user: 'UOTHER' });
    const help = await fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname), 30_000);
    const ms = performance.now() - t0;
    const held = fake.hanging;
    console.info(`8 deliveries + 10 admin checks hanging: another user's help answered in ${Math.round(ms)} ms`);
    expect(JSON.stringify(help.body)).toMatch(/Versus: Go or Python, with evidence/);
    // Answered while every stuck call was still held: none of them was in its way.
    expect(held).toBe(18);
    expect(fake.callsOf('users.info')).toHaveLength(10);
  }, 60_000);
});
