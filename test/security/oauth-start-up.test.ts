import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../../src/config.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** The test process's environment without anything Versus reads. */
const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ENV_VARIABLES.includes(k)));

function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'src/main.ts')],
      {
        cwd: ROOT,
        env: {
          ...bare,
          VERSUS_ENV_FILE: '',
          VERSUS_DB: ':memory:',
          KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
          ...env,
        },
        timeout: 60_000,
      },
      (err, _stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, stderr }),
    );
    child.stdin?.end();
  });
}

const OAUTH = {
  SLACK_CLIENT_ID: 'cid',
  SLACK_CLIENT_SECRET: 'csecret',
  SLACK_STATE_SECRET: 'state',
  SLACK_SIGNING_SECRET: 'signing',
  PORT: '0',
};

describe('Slack OAuth start-up (real process)', () => {
  it('refuses to start with OAuth configured and no VERSUS_TOKEN_KEY, saying how to make one', async () => {
    const ran = await start(OAUTH);
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/VERSUS_TOKEN_KEY: missing;.*openssl rand -base64 32/);
  });

  it('refuses a token key that is not 32 bytes', async () => {
    const ran = await start({ ...OAUTH, VERSUS_TOKEN_KEY: 'c2hvcnQ=' });
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/VERSUS_TOKEN_KEY: key 1 is not 32 bytes/);
  });
});
