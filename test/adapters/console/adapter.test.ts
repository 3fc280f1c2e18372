import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../../src/adapters/console/console-adapter.js';
import type { Core } from '../../../src/core.js';
import { REAL_KNOWLEDGE, tempDir, testCore } from '../../helpers/core.js';
import { EXAMPLE } from '../../verdict/example.js';

/** What a terminal shows: "\r\x1b[2K" erases the line the cursor is on (the waiting prompt). */
function screen(raw: string): string {
  return raw
    .split('\r\x1b[2K')
    .reduce((shown, part, i) => (i === 0 ? part : shown.slice(0, shown.lastIndexOf('\n') + 1) + part), '');
}
const count = (s: string, what: string) => s.split(what).length - 1;

// The console adapter as `versus chat` runs it: a fake terminal (stdin and a TTY-like stdout), the real
// core with polls and the matrix on SQLite, re-renders coalesced every 20 ms.
describe('console: asynchronous updates redraw above the prompt, once', () => {
  let core: Core;
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { isTTY: true });
  let raw = '';
  let done: Promise<void>;
  beforeAll(async () => {
    core = await testCore(undefined, undefined, { pollUpdateIntervalMs: 20 });
    output.on('data', (c) => (raw += String(c)));
    const console = new ConsoleAdapter({ handler: core.handler, input, output });
    core.registerPort(console);
    done = console.start();
  });
  afterAll(async () => {
    input.end();
    await done;
    await core.scheduler.stop();
    await core.close();
  });

  /** Types a line and waits until the screen shows `until` (and the prompt again). */
  async function type(line: string, until: RegExp): Promise<string> {
    input.write(`${line}\n`);
    for (let i = 0; i < 200 && !(until.test(screen(raw)) && screen(raw).endsWith('versus> ')); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(screen(raw)).toMatch(until);
    return screen(raw);
  }

  it("GIVEN a vote THEN the poll's new tally appears above the waiting prompt, and voters show as @you", async () => {
    await type('/versus poll "Which?" "Go" "Python" public', /Poll \w+ is up/);
    const shown = await type('1', /100% \(1\)[\s\S]*versus> $/);
    const tally = shown.slice(shown.lastIndexOf('*📊 Which?*'));
    expect(tally).toMatch(/^\*📊 Which\?\*[\s\S]*Go: @you[\s\S]*\[3\] Close poll\n\nversus> $/);
    expect(shown).not.toMatch(/versus> \*📊/); // never printed after the prompt on its line
    expect(shown).not.toContain('<@');
    expect(count(shown, '100% (1)')).toBe(1);
  });

  it('GIVEN a matrix walk THEN step 2 and the scorecard are each printed once', async () => {
    await type('/versus matrix', /Step 1\/3/);
    await type('1', /Recorded your answer/);
    await core.walks!.renders.drain(); // the coalesced re-render of step 1's answers
    const step2 = await type('5', /Step 2\/3/);
    await core.walks!.renders.drain(); // the walk's own re-render after Next: same text, not printed
    expect(count(screen(raw), 'Step 2/3')).toBe(1);
    expect(step2).not.toMatch(/versus> \*🧭/);
    await type('7', /Scorecard/); // step 2's Finish now
    await core.walks!.renders.drain();
    expect(count(screen(raw), '🧭 Scorecard')).toBe(1);
  });
});

describe('console: threads end where a command starts', () => {
  let core: Core;
  let raw = '';
  let adapter: ConsoleAdapter;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE);
    const output = new PassThrough();
    output.on('data', (c) => (raw += String(c)));
    adapter = new ConsoleAdapter({ handler: core.handler, input: new PassThrough(), output });
  });
  afterAll(async () => {
    await core.scheduler.stop();
    await core.close();
  });
  const printedAfter = async (line: string) => {
    const from = raw.length;
    await adapter.handleLine(line);
    return raw.slice(from);
  };

  it('GIVEN a mention THEN a plain line is a follow-up, and `help` is the help command, not a question', async () => {
    expect(await printedAfter('@versus how much memory does a goroutine start with?')).toMatch(/2 ?KB/i);
    expect(await printedAfter('what about a python thread')).toMatch(/8 ?MB/i);
    const help = await printedAfter('help');
    expect(help).toMatch(/\/versus ask/);
    expect(help).not.toMatch(/found nothing|Also from the sources/);
  });

  it('GIVEN a command after a thread THEN a later plain line is read on its own, not as a follow-up', async () => {
    await printedAfter('@versus does the GIL matter for web backends?');
    const inThread = await printedAfter('and for CPU-bound work?');
    await printedAfter('/versus sources');
    const alone = await printedAfter('and for CPU-bound work?');
    expect(alone).not.toBe(inThread);
    // The same line in a console that never had a thread.
    let fresh = '';
    const output = new PassThrough();
    output.on('data', (c) => (fresh += String(c)));
    await new ConsoleAdapter({ handler: core.handler, input: new PassThrough(), output }).handleLine(
      'and for CPU-bound work?',
    );
    expect(alone).toBe(fresh);
  });
});

describe('console: a verdict and its decision record', () => {
  let core: Core;
  const input = new PassThrough();
  const output = new PassThrough();
  const exports = tempDir();
  let raw = '';
  let done: Promise<void>;
  beforeAll(async () => {
    core = await testCore(REAL_KNOWLEDGE);
    output.on('data', (c) => (raw += String(c)));
    const console = new ConsoleAdapter({ handler: core.handler, input, output, exportDir: exports.dir });
    core.registerPort(console);
    done = console.start();
  });
  afterAll(async () => {
    input.end();
    await done;
    await core.close();
    exports.cleanup();
  });

  async function type(line: string, until: RegExp): Promise<string> {
    input.write(`${line}\n`);
    for (let i = 0; i < 300 && !until.test(raw); i++) await new Promise((r) => setTimeout(r, 10));
    expect(raw).toMatch(until);
    return raw;
  }

  it('prints the verdict with numbered buttons, and Export prints the Markdown record and saves it as a file', async () => {
    const shown = await type(
      `/versus verdict ${EXAMPLE}`,
      /Verdict: Strong Python[\s\S]*\[3\] 📝 Export decision record/,
    );
    expect(shown).toContain('[2] 🧭 Refine');
    const record = await type('3', /# Use Python for this backend/);
    const saved = /Exported the decision record d\w+: `?([^`\s]+decision-d\w+-r1\.md)/.exec(record)!;
    expect(readFileSync(saved[1]!, 'utf8')).toMatch(/^# Use Python for this backend\n/);
  });
});
