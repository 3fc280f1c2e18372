import { afterEach, describe, expect, it } from 'vitest';
import { type SlackRig, slackRig } from '../../fakes/slack-harness.js';

type El = { action_id?: string; text?: { text: string } };
const actionIds = (blocks: unknown) =>
  (blocks as { type: string; elements?: El[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const button = (blocks: unknown, label: RegExp) =>
  actionIds(blocks).find((e) => label.test(e.text?.text ?? ''))?.action_id ?? '';

describe('polls and the decision-matrix walk on Slack', () => {
  let rig: SlackRig;
  afterEach(async () => {
    await rig.close();
  });

  it('posts a Team Go vs Team Python poll, confirms votes privately and re-renders the tally in place', async () => {
    rig = await slackRig();
    await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), channel: 'CPOLL' });
    const poll = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CPOLL' && c.result),
    );
    const ts = String(poll.result!.ts);
    const go = button(poll.body.blocks, /Go/);
    const py = button(poll.body.blocks, /Python/);
    await Promise.all(
      ['U1', 'U2', 'U3'].map((u) =>
        rig.send.action(go, { user: u, channel: 'CPOLL', messageTs: ts, responseUrl: rig.fake.responseUrl() }),
      ),
    );
    await rig.send.action(py, { user: 'U3', channel: 'CPOLL', messageTs: ts, responseUrl: rig.fake.responseUrl() }); // changes
    await rig.send.action(go, { user: 'U2', channel: 'CPOLL', messageTs: ts, responseUrl: rig.fake.responseUrl() }); // retracts
    const confirmations = await rig.fake.waitFor(() => {
      const c = rig.fake.callsOf('chat.postEphemeral');
      return c.length >= 5 && c;
    });
    expect(confirmations.map((c) => JSON.stringify(c.body.blocks)).join()).toMatch(/You're on Team Go[\s\S]*withdrawn/);
    const last = await rig.fake.waitFor(() => {
      const u = rig.fake
        .callsOf('chat.update')
        .filter((c) => c.body.ts === ts)
        .at(-1);
      return u && /\(1\)[\s\S]*\(1\)/.test(JSON.stringify(u.body.blocks)) && u;
    }, 5000);
    expect(JSON.stringify(last.body.blocks)).toMatch(/🐹 Go[^"]*50% \(1\)[\s\S]*🐍 Python[^"]*50% \(1\)/);
  });

  it('refuses to let a non-creator close a poll, and refuses votes once closed', async () => {
    rig = await slackRig();
    await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), channel: 'CP2', user: 'UCREATOR' });
    const poll = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CP2'),
    );
    const close = button(poll.body.blocks, /Close/);
    await rig.send.action(close, { user: 'UOTHER', channel: 'CP2', responseUrl: rig.fake.responseUrl() });
    await rig.fake.waitFor(() =>
      rig.fake
        .callsOf('chat.postEphemeral')
        .find((c) => /Only the person who started/.test(JSON.stringify(c.body.blocks))),
    );
    expect(rig.fake.callsOf('users.info').some((c) => c.body.user === 'UOTHER')).toBe(true); // Slack's admin flag was checked
    await rig.send.action(close, { user: 'UCREATOR', channel: 'CP2', responseUrl: rig.fake.responseUrl() });
    await rig.send.action(button(poll.body.blocks, /Go/), {
      user: 'ULATE',
      channel: 'CP2',
      responseUrl: rig.fake.responseUrl(),
    });
    await rig.fake.waitFor(() =>
      rig.fake
        .callsOf('chat.postEphemeral')
        .find((c) => c.body.user === 'ULATE' && /closed/.test(JSON.stringify(c.body.blocks))),
    );
  });

  it('walks three people through the decision matrix to a cited scorecard', async () => {
    rig = await slackRig();
    await rig.send.command('matrix', { responseUrl: rig.fake.responseUrl(), channel: 'CMX', user: 'ULEAD' });
    const step = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CMX' && c.result),
    );
    const ts = String(step.result!.ts);
    const click = async (blocks: unknown, label: RegExp, user: string) =>
      rig.send.action(button(blocks, label), {
        user,
        channel: 'CMX',
        messageTs: ts,
        responseUrl: rig.fake.responseUrl(),
      });
    const latest = () =>
      rig.fake
        .callsOf('chat.update')
        .filter((c) => c.body.ts === ts)
        .at(-1)?.body.blocks;
    const settle = async () => {
      await rig.adapter.idle();
      await rig.core.walks!.renders.drain();
    };
    let blocks: unknown = step.body.blocks;
    for (const [answers, nav, shows] of [
      [['Yes', 'Yes', 'No'], /Next/, /Step 2\/3/],
      [['Yes', 'No', 'Not sure'], /Next/, /Step 3\/3/],
      [['5', '4', '3'], /^Finish$/, /Scorecard/],
    ] as const) {
      for (const [i, a] of answers.entries()) await click(blocks, new RegExp(`^${a}`), ['UA', 'UB', 'UC'][i]!);
      await click(blocks, nav, 'ULEAD');
      // An answer-count re-render of the old step may still be on its way: wait for every queued edit,
      // so the buttons clicked next are the new step's (the coalescer's last flush reads the new step).
      await settle();
      blocks = latest();
      // The walk's message has one writer (the coalescer, rendering the latest state): the last edit is the new state.
      expect(JSON.stringify(blocks)).toMatch(shows);
    }
    // The message ends on the scorecard, whatever order the queued edits arrive in.
    const card = JSON.stringify(latest());
    expect(card).toMatch(/Scorecard/);
    expect(card).toMatch(/Verdict: Split it/);
    expect(card).toMatch(/📄/);
  });
  it("lets a workspace admin remove someone else's schedule: Slack events never say who is an admin, so Slack is asked", async () => {
    rig = await slackRig();
    rig.fake.admins.add('UADMIN');
    const command = async (text: string, user: string) => {
      const url = rig.fake.responseUrl();
      await rig.send.command(text, { responseUrl: url, channel: 'CSCH', user });
      const res = await rig.fake.waitFor(() => rig.fake.responses.find((r) => r.path === new URL(url).pathname));
      return JSON.stringify(res.body.blocks);
    };
    const id = /`(s[\w-]+)`/.exec(await command('schedule add every monday at 10:00', 'UOWNER'))?.[1];
    expect(id).toBeDefined();
    expect(await command(`schedule remove ${id}`, 'UOTHER')).toMatch(
      /Only the person who added this schedule or a workspace admin can remove it/,
    );
    expect(await command(`schedule remove ${id}`, 'UADMIN')).toContain(`Schedule ${id} removed.`);
    expect(rig.fake.callsOf('users.info').map((c) => c.body.user)).toEqual(['UOTHER', 'UADMIN']);
    expect(await command('schedule list', 'UOWNER')).toMatch(/No debate polls are scheduled/);
  });
  it("lets a workspace admin close someone else's poll and move someone else's walk on", async () => {
    rig = await slackRig();
    rig.fake.admins.add('UADMIN');
    await rig.send.command('poll', { responseUrl: rig.fake.responseUrl(), channel: 'CADM', user: 'UCREATOR' });
    const poll = await rig.fake.waitFor(() =>
      rig.fake.callsOf('chat.postMessage').find((c) => c.body.channel === 'CADM' && c.result),
    );
    await rig.send.action(button(poll.body.blocks, /Close/), {
      user: 'UADMIN',
      channel: 'CADM',
      messageTs: String(poll.result!.ts),
      responseUrl: rig.fake.responseUrl(),
    });
    await rig.adapter.idle();
    const closedNote = rig.fake.callsOf('chat.postEphemeral').find((c) => c.body.user === 'UADMIN');
    expect(JSON.stringify(closedNote?.body.blocks)).toMatch(/Poll p[\w-]+ is closed\./);

    await rig.send.command('matrix', { responseUrl: rig.fake.responseUrl(), channel: 'CADM', user: 'ULEAD' });
    const step = await rig.fake.waitFor(() =>
      rig.fake
        .callsOf('chat.postMessage')
        .find((c) => c.body.channel === 'CADM' && /Step 1/.test(JSON.stringify(c.body))),
    );
    const ts = String(step.result!.ts);
    await rig.send.action(button(step.body.blocks, /Next/), {
      user: 'UADMIN',
      channel: 'CADM',
      messageTs: ts,
      responseUrl: rig.fake.responseUrl(),
    });
    await rig.adapter.idle();
    // Walk messages are re-rendered through the walk's coalescer (one writer per message): flush it.
    await rig.core.walks!.renders.drain();
    await rig.adapter.idle();
    const moved = rig.fake
      .callsOf('chat.update')
      .filter((c) => c.body.ts === ts)
      .at(-1);
    expect(JSON.stringify(moved?.body.blocks)).toMatch(/Step 2\//);
  });
});
