import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ENV_VARIABLES, loadConfig } from '../src/config.js';
import { envFileProblems, loadEnvFile } from '../src/env-file.js';
import { isVersusError } from '../src/errors.js';
import { FakeDiscord, IDS } from './fakes/discord-fake.js';
import { FIXTURE_KNOWLEDGE, tempDir } from './helpers/core.js';

const ROOT = resolve(import.meta.dirname, '..');
const EXAMPLE = readFileSync(join(ROOT, '.env.example'), 'utf8');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SECRET = 'xoxb-pasted-without-a-name';

/** The test process's environment without anything Versus reads, so only the .env under test configures. */
const bare = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !ENV_VARIABLES.includes(k) && k !== 'VERSUS_ENV_FILE'),
);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs node with `args` in `cwd` (where its .env is), stdin closed. */
function node(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      args,
      { cwd, env: { ...bare, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}
const cli = (cwd: string, args: string[], env?: Record<string, string>) =>
  node(cwd, [join(ROOT, 'bin/versus.js'), ...args], env);
const start = (cwd: string) => node(cwd, ['--import', TSX, join(ROOT, 'src/main.ts')]);
const register = (cwd: string) => node(cwd, ['--import', TSX, join(ROOT, 'src/adapters/discord/register-cli.ts')]);

const dirs: { cleanup(): void }[] = [];
function folderWithEnv(text: string): string {
  const t = tempDir('versus-env-');
  dirs.push(t);
  writeFileSync(join(t.dir, '.env'), text);
  return t.dir;
}
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

describe('.env.example', () => {
  const listed = [...EXAMPLE.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);

  it('lists every variable src/config.ts reads, each once, and nothing else', () => {
    expect([...listed].sort()).toEqual([...ENV_VARIABLES].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('copied to .env unchanged, is well-formed and starts the console on the defaults', () => {
    expect(envFileProblems(EXAMPLE)).toEqual([]);
    const config = loadConfig(parseEnv(EXAMPLE));
    expect(config).toEqual(loadConfig({}));
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });

  it("each variable has a row in the README's configuration table, and so does VERSUS_ENV_FILE", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of [...ENV_VARIABLES, 'VERSUS_ENV_FILE'])
      expect(readme, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});

describe('envFileProblems', () => {
  it('accepts comments, blank lines, spaces around =, empty values and quoted values over several lines', () => {
    expect(
      envFileProblems('# c\n\nA=1\n B = two \nC=\nD="x\ny"\nE=\'q # not a comment\' # comment\nF=`a`\r\n'),
    ).toEqual([]);
  });

  it('names each bad line by number and never repeats its text', () => {
    const problems = envFileProblems(`A=1\n${SECRET}\nexport B=2\n1X=3\nC="open\n`);
    expect(problems).toEqual([
      'line 2: expected NAME=value (a letter or _ first, then letters, digits or _) or a # comment',
      'line 3: drop "export" (write NAME=value; Node 20 does not read export lines)',
      'line 4: expected NAME=value (a letter or _ first, then letters, digits or _) or a # comment',
      'line 5: the value of C opens with " and never closes',
    ]);
    expect(problems.join('\n')).not.toContain(SECRET);
  });
});

describe('loadEnvFile (VERSUS_ENV_FILE)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it('loads the named file, leaving variables already set alone', () => {
    const dir = folderWithEnv('VERSUS_TEST_FROM_FILE=file\nVERSUS_TEST_BOTH=file\n');
    process.env.VERSUS_ENV_FILE = join(dir, '.env');
    process.env.VERSUS_TEST_BOTH = 'environment';
    expect(loadEnvFile()).toBe(join(dir, '.env'));
    expect(process.env.VERSUS_TEST_FROM_FILE).toBe('file');
    expect(process.env.VERSUS_TEST_BOTH).toBe('environment');
  });

  it('reads nothing when it is empty; a named file that is missing stops start-up', () => {
    process.env.VERSUS_ENV_FILE = '';
    expect(loadEnvFile()).toBeUndefined();
    process.env.VERSUS_ENV_FILE = join(ROOT, 'no-such.env');
    let err: unknown;
    try {
      loadEnvFile();
    } catch (e) {
      err = e;
    }
    expect(isVersusError(err, 'config_invalid')).toBe(true);
    expect((err as Error).message).toBe(
      `VERSUS_ENV_FILE: ${join(ROOT, 'no-such.env')} does not exist; point it at your env file, or set it empty to read none`,
    );
  });
});

describe('.env at start (real processes, in a folder holding the .env)', () => {
  it('versus index takes VERSUS_DB and KNOWLEDGE_DIR from .env; a variable in the environment wins', async () => {
    const dir = folderWithEnv(`KNOWLEDGE_DIR=${FIXTURE_KNOWLEDGE}\nVERSUS_DB=./from-file.db\n`);
    const fromFile = await cli(dir, ['index']);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.stdout).toMatch(/3 added/);
    expect(existsSync(join(dir, 'from-file.db'))).toBe(true);

    const fromEnv = await cli(dir, ['index'], { VERSUS_DB: join(dir, 'from-env.db') });
    expect(fromEnv.stdout).toMatch(/3 added/); // a new database: the environment's, not the file's
    expect(existsSync(join(dir, 'from-env.db'))).toBe(true);
  });

  it('without a .env the CLI runs on the environment alone', async () => {
    const t = tempDir('versus-env-');
    dirs.push(t);
    const r = await cli(t.dir, ['index'], { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, VERSUS_DB: join(t.dir, 'd.db') });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 added/);
  });

  it('npm start (src/main.ts) starts the console on the database .env names', async () => {
    const dir = folderWithEnv(`KNOWLEDGE_DIR=${FIXTURE_KNOWLEDGE}\nVERSUS_DB=./started.db\n`);
    const r = await start(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/here is the console/);
    expect(existsSync(join(dir, 'started.db'))).toBe(true);
  });

  it('npm start: credentials from .env are validated like the environment', async () => {
    const r = await start(folderWithEnv('SLACK_BOT_TOKEN=xoxb-from-file\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^versus: Invalid configuration:\n {2}SLACK_SIGNING_SECRET: missing/);
  });

  it('a malformed .env stops npm start and the CLI with the line number, never the line', async () => {
    const dir = folderWithEnv(`KNOWLEDGE_DIR=${FIXTURE_KNOWLEDGE}\n${SECRET}\n`);
    const expected = `versus: .env is malformed:
  line 2: expected NAME=value (a letter or _ first, then letters, digits or _) or a # comment
See .env.example for the format.
`;
    for (const r of [await start(dir), await cli(dir, ['index'])]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(expected);
      expect(r.stdout).not.toContain(SECRET);
    }
  });

  it('npm run discord:register takes the Discord credentials from .env', async () => {
    const fake = await FakeDiscord.start();
    try {
      const c = fake.config();
      const dir = folderWithEnv(
        `DISCORD_TOKEN=${c.token}\nDISCORD_APPLICATION_ID=${IDS.app}\nDISCORD_GUILD_ID=${IDS.guild}\nDISCORD_API_URL=${c.apiUrl}\n`,
      );
      const r = await register(dir);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^Registered /versus in guild ${IDS.guild}`));
      expect(fake.rest.find('PUT', /\/guilds\/\d+\/commands$/)).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });
});
