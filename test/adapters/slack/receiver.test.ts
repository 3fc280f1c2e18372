import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';

/** Our receiver is Bolt's only way in: each body is read, verified and parsed exactly once. */
describe('Slack receiver: one read, one verification, one parse per request', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig();
  });
  afterAll(async () => {
    await rig.close();
  });
  const counts = () => ({ ...rig.adapter.receiver!.counts });

  it('reads, verifies and parses a command, an event and a click once each, and Bolt answers all three', async () => {
    const before = counts();
    const url = rig.fake.responseUrl();
    expect((await rig.send.command('help', { responseUrl: url })).status).toBe(200);
    const mention = { type: 'app_mention', user: 'U2', text: '<@UBOT> help', ts: '1700000700.000100', channel: 'C7' };
    expect((await rig.send.event(mention, { eventId: 'EvOnce' })).status).toBe(200);
    const clickUrl = rig.fake.responseUrl();
    expect(
      (await rig.send.action('versus:v1:noop', { responseUrl: clickUrl, messageTs: '1700000700.000200' })).status,
    ).toBe(200);
    await rig.adapter.idle();
    expect(counts()).toEqual({ read: before.read + 3, verified: before.verified + 3, parsed: before.parsed + 3 });
    expect(rig.fake.responses.filter((r) => r.path === new URL(url).pathname)).toHaveLength(1);
    expect(rig.fake.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C7')).toHaveLength(1);
  });

  it('stops at the step that fails: a bad signature is read but never verified or parsed', async () => {
    const before = counts();
    const sent = await rig.send.command('help', { responseUrl: rig.fake.responseUrl() }, { secret: 'wrong' });
    expect(sent.status).toBe(401);
    expect(counts()).toEqual({ read: before.read + 1, verified: before.verified, parsed: before.parsed });
  });

  it('refuses a signed body that is not JSON with 400 after one verification and no parse', async () => {
    const before = counts();
    const sent = await rig.send.send('{not json', 'application/json');
    expect(sent.status).toBe(400);
    expect(counts()).toEqual({ read: before.read + 1, verified: before.verified + 1, parsed: before.parsed });
  });

  it('answers 404 for other paths and methods without reading the body', async () => {
    const before = counts();
    const base = rig.endpoint.replace('/slack/events', '');
    expect((await fetch(`${base}/elsewhere`, { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await fetch(rig.endpoint)).status).toBe(404);
    expect(counts()).toEqual(before);
  });
});
