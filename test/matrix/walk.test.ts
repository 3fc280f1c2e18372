import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import { TestClock } from '../../src/clock.js';
import type { Core } from '../../src/core.js';
import { loadMatrix } from '../../src/matrix/definition.js';
import { IDLE_EXPIRY_MS } from '../../src/matrix/walk-service.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { buttonOf, chatCtx } from '../helpers/chat.js';
import { FIXTURE_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';

const ctx = chatCtx;
const button = buttonOf;

describe('decision-matrix walk (real SQLite)', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  async function bot(dbPath = ':memory:', clock = new TestClock()) {
    const port = new RecordingPort();
    const core = await testCore(FIXTURE_KNOWLEDGE, dbPath, { clock, pollUpdateIntervalMs: 5 });
    core.registerPort(port);
    cleanups.push(() => core.close());
    return { core, port };
  }
  const stepMessage = (port: RecordingPort) => port.latest(port.posts.at(-1)!.ref.messageId);
  async function click(core: Core, port: RecordingPort, label: RegExp, user: string) {
    const current = stepMessage(port);
    const out = await core.handler.action(button(current, label), ctx(user));
    if (out.update) await port.update(port.posts.at(-1)!.ref, out.update); // what an adapter does with the clicked message
    return out;
  }

  it('walks three people through every step to a cited scorecard', async () => {
    const { core, port } = await bot();
    expect(renderText(await core.handler.command('matrix', ctx('lead')))).toMatch(/Started a 3-step/);
    expect(stepMessage(port)?.title).toBe('🧭 Step 1/3: High throughput');
    expect(renderText(stepMessage(port)!)).toMatch(/Why it matters[\s\S]*5-10x faster/);
    // Step 1: yes, yes, no → yes. Step 2: yes, no, not sure → tie shown as not sure. Step 3: importance 5, 4, 3 → 4.
    await click(core, port, /^Yes$/, 'ann');
    await click(core, port, /^Yes$/, 'bob');
    await click(core, port, /^No$/, 'cy');
    await core.walks!.renders.drain();
    expect(renderText(stepMessage(port)!)).toMatch(/Yes \(yes 2 · no 1 · not sure 0\)/);
    await click(core, port, /Next/, 'lead');
    await click(core, port, /^Yes$/, 'ann');
    await click(core, port, /^No$/, 'bob');
    await click(core, port, /Not sure/, 'cy');
    await click(core, port, /Next/, 'lead');
    await click(core, port, /^5/, 'ann');
    await click(core, port, /^4$/, 'bob');
    await click(core, port, /^3$/, 'cy');
    const done = await click(core, port, /^Finish$/, 'lead');
    const card = renderText(done.update!);
    // throughput yes → Go +3; io-bound tie → 0; hiring mean 4 → Python 3 × 0.75 = 2.25.
    expect(card).toMatch(/Total: 🐹 3 \| 🐍 2\.25/);
    expect(card).toMatch(/tie → Not sure/);
    expect(card).toMatch(/Verdict: Split it/);
    expect(card).toMatch(/Why: the evidence[\s\S]*—/);
  });

  it('lets everyone answer (and change) but only the starter or an admin move on', async () => {
    const { core, port } = await bot();
    await core.handler.command('matrix', ctx('lead'));
    await click(core, port, /^Yes$/, 'ann');
    const changed = await click(core, port, /^No$/, 'ann');
    expect(renderText(changed.reply!)).toMatch(/Recorded/);
    const refused = await click(core, port, /Next/, 'ann');
    expect(renderText(refused.reply!)).toMatch(/Only @lead/);
    const byAdmin = await core.handler.action(
      button(stepMessage(port), /Next/),
      ctx('root', { isAdmin: fixedAdmin(true) }),
    );
    expect(byAdmin.update?.title).toMatch(/Step 2\/3/);
  });

  it('resumes the open walk instead of starting a second one in the same channel', async () => {
    const { core, port } = await bot();
    await core.handler.command('matrix', ctx('lead'));
    await click(core, port, /Next/, 'lead');
    const again = await core.handler.command('matrix', ctx('someone'));
    expect(renderText(again)).toMatch(/Resumed the open walk at step 2 of 3/);
    expect(port.posts.at(-1)!.reply.title).toMatch(/Step 2\/3/);
  });

  it('resumes on the right step after a restart', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'walk.db');
    const a = await bot(path);
    await a.core.handler.command('matrix', ctx('lead'));
    await click(a.core, a.port, /^Yes$/, 'ann');
    const stepOne = a.port.posts.at(-1)!.reply; // as first posted: step 1's buttons
    await click(a.core, a.port, /Next/, 'lead');
    await a.core.close();
    const b = await bot(path);
    expect(renderText(await b.core.handler.command('matrix status', ctx('ann')))).toMatch(
      /step 2 of 3, 1 step\(s\) answered/,
    );
    const stale = await b.core.handler.action(button(stepOne, /^Yes$/), ctx('ann'));
    expect(renderText(stale.reply!)).toMatch(/moved on to step 2/);
    expect(renderText(await b.core.handler.command('matrix', ctx('ann')))).toMatch(
      /Resumed the open walk at step 2 of 3/,
    );
    expect(b.port.posts.at(-1)!.reply.title).toBe('🧭 Step 2/3: Mostly I/O-bound');
  });

  it('refuses Back after Finish with a clear note', async () => {
    const { core, port } = await bot();
    await core.handler.command('matrix', ctx('lead'));
    await click(core, port, /Next/, 'lead');
    const back = button(stepMessage(port), /Back/);
    await click(core, port, /Finish now/, 'lead');
    const r = await core.handler.action(back, ctx('lead'));
    expect(renderText(r.reply!)).toMatch(/This walk is finished; Back is no longer possible/);
  });

  it('walks one person privately with /versus matrix solo', async () => {
    const { core, port } = await bot();
    const first = await core.handler.command('matrix solo', ctx('ann'));
    expect(first.visibility).toBe('ephemeral');
    expect(first.title).toMatch(/Step 1\/3/);
    const answered = await core.handler.action(button(first, /^Yes$/), ctx('ann'));
    expect(renderText(answered.update!)).toMatch(/Your answer: Yes/);
    expect(port.posts).toHaveLength(0);
  });

  it('expires a walk idle for 7 days with a note in the channel', async () => {
    const clock = new TestClock('2026-03-02T09:00:00Z');
    const { core, port } = await bot(':memory:', clock);
    await core.handler.command('matrix', ctx('lead'));
    clock.advance(IDLE_EXPIRY_MS + 1000);
    expect((await core.scheduler.tick()).walksExpired).toBe(1);
    expect(renderText(port.posts.at(-1)!.reply)).toMatch(/expired after 7 days/);
  });

  it('GIVEN a place whose platform says German WHEN a walk expires THEN its note and its closed message are German', async () => {
    // No request is in sight when the scheduler expires a walk: the walk's stored place decides the language.
    const clock = new TestClock('2026-03-02T09:00:00Z');
    const port = Object.assign(new RecordingPort(), { placeLocale: () => 'de' });
    const core = await testCore(FIXTURE_KNOWLEDGE, ':memory:', { clock, pollUpdateIntervalMs: 5 });
    core.registerPort(port);
    cleanups.push(() => core.close());
    await core.handler.command('matrix', ctx('lead'));
    clock.advance(IDLE_EXPIRY_MS + 1000);
    expect((await core.scheduler.tick()).walksExpired).toBe(1);
    expect(renderText(port.posts.at(-1)!.reply)).toBe(
      'Der Durchgang durch die Entscheidungsmatrix, den @lead gestartet hat, ist nach 7 Tagen ohne Aktivität abgelaufen. Starte neu mit `/versus matrix`.',
    );
    await core.walks!.renders.drain();
    expect(renderText(port.latest(port.posts[0]!.ref.messageId)!)).toBe(
      'Dieser Durchgang durch die Entscheidungsmatrix ist abgelaufen. Starte einen neuen mit `/versus matrix`.',
    );
  });

  it('fails to load a broken matrix file naming the line and the field', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const path = join(t.dir, 'matrix.yaml');
    writeFileSync(
      path,
      'version: 1\ntitle: Broken\nfactors:\n  - id: x\n    title: Xx factor\n    question: Is this a long enough question?\n    scale: yes-no\n    weights:\n      yes: { go: lots, python: 0 }\n      no: { go: 0, python: 1 }\n    claims: [a:b]\n  - id: y\n    title: Yy\n    question: Another question here?\n    scale: importance\n    weights: { go: 1, python: 0 }\n    claims: [c:d]\n',
    );
    expect(() => loadMatrix(path)).toThrow(/line 9 \(factors\.0\.weights\.yes\.go\)/);
  });
});
