import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { buttonOf, chatCtx } from '../helpers/chat.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';
import { EXAMPLE } from './example.js';

const ctx = chatCtx;
const button = buttonOf;

describe('/versus verdict (real knowledge, real SQLite)', () => {
  let core: Core;
  let port: RecordingPort;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE, ':memory:', { clock: new TestClock(), pollUpdateIntervalMs: 5 });
    port = new RecordingPort();
    core.registerPort(port);
  });
  afterAll(async () => core.close());

  it('answers the issue example with Python, its three deciding factors cited, what it read quoted back and what is open', async () => {
    const reply = await core.handler.command(`verdict ${EXAMPLE}`, ctx('ana'));
    expect(reply.title).toBe('🧭 Verdict: Strong Python');
    expect(reply.visibility).toBe('ephemeral'); // the channel's answers are private by default, with Share
    const decided = reply.blocks.filter((b) => b.type === 'claims');
    expect(decided.map((b) => b.type === 'claims' && b.title)).toEqual([
      'Shipping a first version fast → Python +3 — you said “we must ship an MVP by spring”',
      'Mostly waiting on I/O → Python +1.5 — you said “a B2B CRUD SaaS with a reporting module”',
      'ML and data work → Python +1 — you said “a B2B CRUD SaaS with a reporting module … some pandas”',
    ]);
    for (const b of decided) expect(b.type === 'claims' && b.claims.length).toBe(2);
    const text = renderText(reply);
    expect(text).toContain('Many open connections: No — “no real-time needs”');
    expect(text).toContain('ML and data work: 2 of 5');
    expect(text).toMatch(/Left open \(10\): Very high request rates, CPU-heavy work in requests/);
    expect(text).toContain('Not settled: the 10 open factors could still move it to Go or Split it.');
    expect(reply.buttons?.map((b) => b.label)).toEqual([
      'Share with channel',
      '🧭 Refine',
      '📝 Export decision record',
      '👍 Helpful',
      '👎 Not helpful',
    ]);
  });

  it('says plainly, only to the sender, when nothing in the text reads as a factor', async () => {
    const reply = await core.handler.command('verdict honestly not sure yet', ctx('ana'));
    expect(reply.visibility).toBe('ephemeral');
    expect(renderText(reply)).toMatch(/could not read any of the matrix's factors from “honestly not sure yet”/);
    expect(renderText(await core.handler.command('verdict', ctx('ana')))).toMatch(/Describe your situation/);
  });

  it('Refine starts a walk that asks only the open factors, and its scorecard equals the verdict', async () => {
    const reply = await core.handler.command(`verdict ${EXAMPLE}`, ctx('bo'));
    const started = await core.handler.action(button(reply, /Refine/), ctx('bo'));
    const step = started.reply!;
    expect(step.title).toBe('🧭 Step 1/10: Very high request rates'); // prototype-speed and ml-data are filled in
    let current = step;
    const seen: string[] = [];
    for (;;) {
      seen.push(current.title ?? '');
      const next = button(current, /^Next/) || button(current, /^Finish$/);
      const out = await core.handler.action(next, ctx('bo'));
      current = out.update!;
      if (!current.title?.startsWith('🧭 Step')) break;
    }
    expect(seen).toHaveLength(10);
    expect(seen.some((t) => /Shipping a first version|Mostly waiting on I\/O|ML and data|Many open/.test(t))).toBe(
      false,
    );
    expect(current.title).toBe('🧭 Scorecard — Strong Python');
    const card = renderText(current);
    expect(card).toContain('Total: 🐹 0 | 🐍 6');
    expect(card).toContain('Shipping a first version fast — Yes, read from “we must ship an MVP by spring”');
    expect(button(current, /Export decision record/)).toMatch(/^v1:adr:w:/);
  });

  it('Export uploads the record; after a refine that answers more, the next export is revision 2 and says what changed', async () => {
    const reply = await core.handler.command(`verdict ${EXAMPLE}`, ctx('cy'));
    const first = await core.handler.action(button(reply, /Export/), ctx('cy'));
    expect(renderText(first.reply!)).toMatch(
      /Exported the decision record d\w+: decision-d\w+-r1\.md \(https:[^)]+\) in #\w+\./,
    );
    const upload = port.uploads.at(-1)!;
    expect(upload.content).toMatch(/^# Use Python for this backend\n\n\* Status: proposed/);
    const again = await core.handler.action(button(reply, /Export/), ctx('cy'));
    expect(renderText(again.reply!)).toMatch(/Nothing changed since revision 1/);
    // Refine alone, answer the first open factor (very high request rates: yes), finish.
    const step = (await core.handler.action(button(reply, /Refine/), ctx('cy'))).reply!;
    await core.handler.action(button(step, /^Yes$/), ctx('cy'));
    const card = (await core.handler.action(button(step, /Finish now/), ctx('cy'))).update!;
    const second = await core.handler.action(button(card, /Export/), ctx('cy'));
    const said = renderText(second.reply!);
    expect(said).toMatch(/Exported revision 2 of the decision record/);
    expect(said).toContain('Very high request rates: open → Yes (answered in the walk)');
    const record = port.uploads.at(-1)!;
    expect(record.filename).toMatch(/-r2\.md$/);
    expect(record.content).toMatch(
      /\* Revision 2, [\d-]+, by @cy:\n {2}\* Very high request rates: open → Yes \(answered in the walk\)/,
    );
    expect(record.content).toContain('* Revision 1');
  });

  it("honours a verdict's buttons only in the channel it was given in", async () => {
    const reply = await core.handler.command(`verdict ${EXAMPLE}`, ctx('dee'));
    for (const label of [/Refine/, /Export/]) {
      const out = await core.handler.action(button(reply, label), ctx('dee', { channelId: 'elsewhere' }));
      expect(renderText(out.reply!)).toMatch(/too old or not from this channel/);
    }
  });

  it('a mention asking the Go-or-Python question about a described situation gets a verdict; other mentions get answers', async () => {
    const thread = { ...ctx('eve'), threadId: 't1' };
    const verdict = await core.handler.mention(
      'should we use Go for our chat backend? 20k concurrent websocket connections, and the team are all Python devs',
      thread,
    );
    expect(verdict.title).toMatch(/^🧭 Verdict: /);
    expect(verdict.visibility).toBe('channel');
    expect(renderText(verdict)).toContain('A Python-experienced team: Yes');
    // One factor is not a situation: the cited answer serves "should I use Go for a CLI tool?" better.
    const one = await core.handler.mention('should we use Go for a CLI tool?', { ...thread, threadId: 't2' });
    expect(one.title).not.toMatch(/Verdict/);
    const question = await core.handler.mention('does the GIL matter for web backends?', { ...thread, threadId: 't3' });
    expect(question.title).not.toMatch(/Verdict/);
  });
});
