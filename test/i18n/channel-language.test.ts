import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, TestClock } from '../../src/clock.js';
import { type SlackRig, slackRig, slackText } from '../fakes/slack-harness.js';
import { REOPENABLE_BACKENDS } from '../helpers/postgres.js';

const QUESTION = 'how much memory do goroutines and threads use';

/** `/versus <text>` from `user` in `channel`, and its answer through its own response_url. */
async function commandIn(rig: SlackRig, channel: string, text: string, user = 'U1') {
  const url = rig.fake.responseUrl();
  await rig.send.command(text, { responseUrl: url, user, channel });
  const res = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
  return slackText(res.body);
}

/** Starts a poll in `channel`; its posted message, once Slack accepted it. */
async function pollIn(rig: SlackRig, channel: string) {
  await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), channel });
  return rig.fake.waitFor(() =>
    rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === channel && c.result?.ok),
  );
}

/** `user` votes Go on the poll posted as `post`; the redraw that shows one vote. */
async function voteGo(rig: SlackRig, post: Awaited<ReturnType<typeof pollIn>>, user: string) {
  const vote = JSON.stringify(post.body.blocks).match(/v1:poll:vote:[^"]+/)![0];
  const ts = String(post.result!.ts);
  await rig.send.action(vote, {
    user,
    channel: String(post.body.channel),
    messageTs: ts,
    responseUrl: rig.fake.responseUrl(),
  });
  const redraw = await rig.fake.waitFor(() =>
    rig.fake.callsOf('chat.update').find((c) => c.body.ts === ts && /\(1\)/.test(JSON.stringify(c.body.blocks))),
  );
  return slackText(redraw.body);
}

describe('GIVEN a Slack workspace (no workspace locale) and an admin who sets a channel’s language', () => {
  let rig: SlackRig;
  const clock = new TestClock();
  beforeAll(async () => {
    rig = await slackRig({ clock });
    rig.fake.admins.add('UADM');
  });
  afterAll(() => rig.close());

  it('WHEN a member tries THEN refused in the channel’s language, before and after the admin sets German', async () => {
    expect(await commandIn(rig, 'CDE', 'settings language de', 'U7')).toContain(
      "Only a workspace admin can change this channel's settings.",
    );
    expect(await commandIn(rig, 'CDE', 'settings language de', 'UADM')).toBe(
      'Channel-Einstellungen\nErledigt: Versus schreibt in diesem Channel ab jetzt auf Deutsch.',
    );
    const refused = await commandIn(rig, 'CDE', 'settings language en', 'U7');
    expect(refused).toContain('Nur ein Workspace-Admin kann die Einstellungen dieses Channels ändern.');
    expect(refused).not.toMatch(/Only a workspace admin/);
  });

  it('WHEN /versus ask in that channel THEN the frame is German; in another channel English', async () => {
    const de = await commandIn(rig, 'CDE', `ask ${QUESTION}`);
    expect(de).toMatch(/\d+ passende Aussagen · Antworten stammen nur aus den indexierten Quellen/);
    expect(de).not.toMatch(/matching claims|Also from the sources/);
    const en = await commandIn(rig, 'CEN', `ask ${QUESTION}`);
    expect(en).toMatch(/\d+ matching claims · answers come only from the indexed sources/);
  });

  it('WHEN a poll is started and voted on THEN the post and its redraw are German; another channel’s English', async () => {
    const de = await pollIn(rig, 'CDE');
    expect(slackText(de.body)).toMatch(/Umfrage p[\w-]+ · anonym · endet/);
    expect(await voteGo(rig, de, 'U8')).toMatch(/_1 Stimme_/);
    const en = await pollIn(rig, 'CEN');
    expect(slackText(en.body)).toMatch(/Poll p[\w-]+ · anonymous · closes/);
    expect(await voteGo(rig, en, 'U8')).toMatch(/_1 vote_/);
  });

  it('WHEN the settings are shown THEN they name the chosen language; `default` goes back to the workspace’s', async () => {
    expect(await commandIn(rig, 'CDE', 'settings')).toContain(
      'Versus schreibt auf Deutsch, so für diesen Channel eingestellt',
    );
    expect(await commandIn(rig, 'CDE', 'settings language default', 'UADM')).toBe(
      "Channel settings\nDone: this channel follows the workspace's language again (now English).",
    );
    expect(await commandIn(rig, 'CDE', `ask ${QUESTION}`)).toMatch(/matching claims/);
  });

  it('WHEN an admin mistypes the language THEN the mistake is explained in the channel’s language', async () => {
    await commandIn(rig, 'CDE2', 'settings language de', 'UADM');
    expect(await commandIn(rig, 'CDE2', 'settings language klingonisch', 'UADM')).toContain(
      'Die Sprache ist `de`, `en` oder `default`, z. B. `/versus settings language de`.',
    );
  });

  it('WHEN a decision-matrix walk runs there THEN its message and the redraw after Next are German', async () => {
    await commandIn(rig, 'CWALK', 'settings language de', 'UADM');
    await rig.send.command('matrix', { responseUrl: rig.fake.responseUrl(), channel: 'CWALK', user: 'ULEAD' });
    const step = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CWALK' && c.result?.ok),
    );
    expect(slackText(step.body)).toMatch(/🧭 Schritt 1\/3: /);
    const ts = String(step.result!.ts);
    type Button = { action_id?: string; text?: { text: string } };
    const next = (step.body.blocks as { elements?: Button[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text?.text === 'Weiter ▶')?.action_id;
    expect(next).toBeDefined();
    await rig.send.action(next!, {
      user: 'ULEAD',
      channel: 'CWALK',
      messageTs: ts,
      responseUrl: rig.fake.responseUrl(),
    });
    await rig.adapter.idle();
    await rig.core.walks!.renders.drain();
    const redraw = rig.fake
      .callsOf('chat.update')
      .filter((c) => c.body.ts === ts)
      .at(-1);
    expect(slackText(redraw!.body)).toMatch(/🧭 Schritt 2\/3: /);
  });

  it('WHEN a scheduled debate poll comes due there THEN Versus posts it in German, with no request in sight', async () => {
    expect(await commandIn(rig, 'CDE2', 'schedule add every monday at 10:00')).toMatch(/s[\w-]+/);
    clock.advance(7 * DAY_MS + 2 * HOUR_MS);
    expect((await rig.core.scheduler.tick()).debatesPosted).toBe(1);
    const post = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CDE2' && c.result?.ok),
    );
    expect(slackText(post.body)).toMatch(/Umfrage p[\w-]+ · anonym · endet/);
  });
});

describe.each(REOPENABLE_BACKENDS)('GIVEN two processes on one $name database', (backend) => {
  let state: Awaited<ReturnType<(typeof REOPENABLE_BACKENDS)[number]['open']>>;
  const rigs: SlackRig[] = [];
  beforeAll(async () => {
    state = await backend.open();
  });
  afterAll(async () => {
    for (const r of rigs.splice(0)) await r.close();
    await state.drop();
  });

  it('WHEN an admin sets German on one THEN the other’s next request and its poll redraw are German', async () => {
    const [a, b] = [await slackRig(await state.options()), await slackRig(await state.options())];
    rigs.push(a, b);
    a.fake.admins.add('UADM');
    // B reads the channel first, as English: a poll posted and its language cached for redraws.
    const post = await pollIn(b, 'CX');
    expect(slackText(post.body)).toMatch(/Poll p[\w-]+ · anonymous/);
    expect(await commandIn(a, 'CX', 'settings language de', 'UADM')).toMatch(/Erledigt/);
    expect(await commandIn(b, 'CX', `ask ${QUESTION}`)).toMatch(/passende Aussagen/);
    // A vote is a request: it reads the channel afresh on B, so B's redraw of its own poll turns German.
    const redraw = await voteGo(b, post, 'U9');
    expect(redraw).toContain('_1 Stimme_');
    expect(redraw).toMatch(/Umfrage p[\w-]+ · anonym · endet/);
  });
});
