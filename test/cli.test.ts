import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { copyKnowledge, FIXTURE_KNOWLEDGE, tempDir } from './helpers/core.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/versus.js');
const run = promisify(execFile);
const tmp = tempDir();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  VERSUS_DB: join(tmp.dir, 'cli.db'),
  KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
  LOG_LEVEL: 'warn',
};
for (const k of Object.keys(env)) if (k.startsWith('SLACK_') || k.startsWith('DISCORD_')) delete env[k];

describe('versus command line (real process)', () => {
  afterAll(() => tmp.cleanup());

  it('indexes, then reports the folder unchanged on a second run', async () => {
    const first = await run(process.execPath, [BIN, 'index'], { env });
    expect(first.stdout).toMatch(/3 added.*claims in/);
    const second = await run(process.execPath, [BIN, 'index'], { env });
    expect(second.stdout).toMatch(/0 added, 0 updated, 0 removed, 3 unchanged/);
  });

  it('ask --jsonl answers one JSON line per input line, follow-ups included, and flags a bad line', async () => {
    const child = spawn(process.execPath, [BIN, 'ask', '--jsonl'], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdin.end(
      [
        'how much memory does a goroutine start with',
        JSON.stringify({ q: 'and go net/http?', context: 'how many requests per second does fastapi handle' }),
        '{"q": ""}',
        'thanks!',
      ].join('\n'),
    );
    expect(await new Promise<number | null>((r) => child.on('close', r))).toBe(1);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      query: 'how much memory does a goroutine start with',
      answer: { text: expect.stringMatching(/2 KB/) },
    });
    expect(lines[1]).toMatchObject({ query: 'and go net/http?', answer: { text: expect.stringMatching(/120,000/) } });
    expect(lines[2]).toMatchObject({ error: 'bad_line' });
    expect(lines[3]).toMatchObject({ query: 'thanks!', answer: null, claims: [], chatter: true });
  });

  it('ask --context answers a follow-up with the earlier question as context', async () => {
    const { stdout } = await run(
      process.execPath,
      [BIN, 'ask', '--json', '--context', 'how many requests per second does fastapi handle', 'and go net/http?'],
      { env },
    );
    expect((JSON.parse(stdout) as { answer: { text: string } }).answer.text).toMatch(/120,000/);
  });

  it('ask --json prints the documented shape with the cited 2 KB claim first', async () => {
    const { stdout } = await run(
      process.execPath,
      [BIN, 'ask', '--json', 'how much memory does a goroutine start with'],
      { env },
    );
    const out = JSON.parse(stdout) as {
      query: string;
      answer: { text: string; claims: string[] } | null;
      claims: {
        id: string;
        text: string;
        side: string;
        topics: string[];
        figures: { value: number; unit: string; normalized: number; metric: string; subject: string }[];
        source: { id: string; title: string; section: string; path: string };
        score: number;
      }[];
    };
    expect(out.query).toBe('how much memory does a goroutine start with');
    expect(out.answer?.text).toMatch(/2 KB/);
    expect(out.answer?.claims[0]).toBe(out.claims[0]!.id);
    expect(out.claims[0]).toMatchObject({
      about: 'go',
      favors: 'go',
      side: 'go',
      source: {
        id: expect.any(String),
        title: expect.any(String),
        section: expect.any(String),
        path: expect.any(String),
      },
      score: expect.any(Number),
    });
    expect(out.claims[0]!.figures[0]).toMatchObject({
      value: 2,
      unit: 'KB',
      normalized: 2048,
      metric: expect.any(String),
      subject: expect.any(String),
    });
  });

  it('compare --json lists disagreements; sources --json lists documents', async () => {
    const cmp = JSON.parse(
      (await run(process.execPath, [BIN, 'compare', '--json', 'performance'], { env })).stdout,
    ) as { disagreements: unknown[]; go: unknown[]; python: unknown[] };
    expect(cmp.disagreements.length).toBeGreaterThan(0);
    const src = JSON.parse((await run(process.execPath, [BIN, 'sources', '--json'], { env })).stdout) as {
      documents: { id: string }[];
    };
    expect(src.documents.map((d) => d.id).sort()).toEqual(['alpha', 'beta', 'notes']);
  });

  it('fails with a usage message, not a stack trace, for a bad command or option', async () => {
    const bad = await run(process.execPath, [BIN, 'frobnicate'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    const opt = await run(process.execPath, [BIN, 'ask', '--nope', 'x'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(opt).toMatchObject({ code: 1 });
    expect((opt as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });

  it('backs up the database online and doctor reports it healthy', async () => {
    const file = join(tmp.dir, 'backup.db');
    await run(process.execPath, [BIN, 'backup', file], { env });
    expect(existsSync(file)).toBe(true);
    const doctor = await run(process.execPath, [BIN, 'doctor'], { env });
    expect(doctor.stdout).toMatch(/✓ database integrity: ok/);
    expect(doctor.stdout).toMatch(/✓ knowledge index: .*up to date/);
  });

  it('npm start with no tokens opens the console, says how to connect, and answers /versus compare', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], { env, cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stdin.write('/versus compare concurrency\n');
    child.stdin.end('exit\n');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(out).toMatch(/SLACK_BOT_TOKEN/);
    expect(out).toMatch(/DISCORD_TOKEN/);
    expect(out).toMatch(/Go vs Python: Concurrency[\s\S]*Where the sources disagree/);
  });

  it('report lists the questions nothing was found for, asked in the console of an earlier process', async () => {
    const chat = spawn(process.execPath, [BIN, 'chat'], { env });
    chat.stdin.write('/versus ask what is the best sci-fi book of all time\n');
    chat.stdin.write('/versus ask What is the best sci-fi book of all time?\n');
    chat.stdin.end('exit\n');
    expect(await new Promise<number | null>((r) => chat.on('close', r))).toBe(0);
    const report = JSON.parse((await run(process.execPath, [BIN, 'report', '--json'], { env })).stdout) as {
      unanswered: { question: string; count: number }[];
      notHelpful: unknown[];
    };
    expect(report.unanswered[0]).toMatchObject({ question: expect.stringMatching(/best sci-fi book/i), count: 2 });
    const text = (await run(process.execPath, [BIN, 'report'], { env })).stdout;
    expect(text).toMatch(/Asked, but nothing found\n1\. .*best sci-fi book.* — 2 times/i);
  });

  it('GIVEN VERSUS_LOCALE=de THEN an answer, the sources and the report are framed in German, claims as written', async () => {
    const de = { ...env, VERSUS_LOCALE: 'de' };
    // An index from an earlier run: the quick path (cli-ask.ts) answers.
    const answer = (
      await run(process.execPath, [BIN, 'ask', 'how much stack memory does a goroutine start with'], { env: de })
    ).stdout;
    expect(answer).toMatch(/2 KB/);
    expect(answer).toMatch(/\d+ passende Aussagen? · Antworten stammen nur aus den indexierten Quellen/);
    expect(answer).not.toMatch(/matching claims?|answers come only/);
    const sources = (await run(process.execPath, [BIN, 'sources'], { env: de })).stdout;
    expect(sources).toMatch(/^\*Quellen \(3\)\*\n/);
    expect(sources).toMatch(/Aussagen insgesamt · Ordner zuletzt geprüft/);
    const report = (await run(process.execPath, [BIN, 'report'], { env: de })).stdout;
    expect(report).toMatch(/^\*Was dem Wissensordner fehlt\*\n/);
    expect(report).toMatch(/Gefragt, aber nichts gefunden\n1\. .*best sci-fi book.* — 2-mal/i);
  });

  it('ask and ask --jsonl on an up-to-date index answer without indexing, and an edited document is answered from at once', async () => {
    const kb = copyKnowledge();
    try {
      const own = { ...env, KNOWLEDGE_DIR: kb.dir, VERSUS_DB: join(tmp.dir, 'quick.db') };
      const file = join(kb.dir, 'alpha.md');
      // Old files: the index trusts their size and mtime, so the next asks take the path without the indexer.
      const age = (secondsAgo: number) => {
        const t = Math.floor(Date.now() / 1000) - secondsAgo;
        utimesSync(file, t, t);
      };
      age(120);
      await run(process.execPath, [BIN, 'index'], { env: own });
      const lead = async () =>
        (
          JSON.parse(
            (
              await run(process.execPath, [BIN, 'ask', '--json', 'how much stack memory does a goroutine start with'], {
                env: own,
              })
            ).stdout,
          ) as { answer: { text: string } }
        ).answer.text;
      // ask --jsonl takes the same path: answered from the index while it is fresh, indexed first once not.
      const leadOfLines = async () => {
        const child = spawn(process.execPath, [BIN, 'ask', '--jsonl'], { env: own });
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.stdin.end('how much stack memory does a goroutine start with\n');
        expect(await new Promise<number | null>((r) => child.on('close', r))).toBe(0);
        return (JSON.parse(out) as { answer: { text: string } }).answer.text;
      };
      expect(await lead()).toMatch(/2 KB/);
      expect(await leadOfLines()).toMatch(/2 KB/);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('about 2 KB of stack memory', 'about 8 KB of stack memory'),
      );
      age(60);
      expect(await leadOfLines()).toMatch(/8 KB/);
      expect(await lead()).toMatch(/8 KB/);
    } finally {
      kb.cleanup();
    }
  });
});
