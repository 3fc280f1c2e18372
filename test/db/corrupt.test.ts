import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { FIXTURE_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Issue 11, item 10: the real bot and CLI on a damaged database file say which file, what, and how to recover. */
describe('corrupt database (real process)', () => {
  const tmp = tempDir('versus-corrupt-');
  afterAll(() => tmp.cleanup());

  async function startOn(file: string, args: string[]): Promise<{ code: number; stderr: string }> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      VERSUS_DB: file,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    for (const k of Object.keys(env)) if (k.startsWith('DISCORD_')) delete env[k];
    Object.assign(env, {
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    try {
      await run(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, timeout: 20_000 });
      return { code: 0, stderr: '' };
    } catch (e) {
      const err = e as { code: number; stderr: string };
      return { code: err.code, stderr: err.stderr };
    }
  }

  it('garbage and truncated files: exit 1 with one message naming the file and the way back', async () => {
    const good = join(tmp.dir, 'good.db');
    await (await testCore(FIXTURE_KNOWLEDGE, good)).close();
    const garbage = join(tmp.dir, 'garbage.db');
    writeFileSync(garbage, `${'not a database '.repeat(400)}`);
    const truncated = join(tmp.dir, 'truncated.db');
    copyFileSync(good, truncated);
    const bytes = readFileSync(truncated);
    // Keep the header page, spoil the b-tree pages behind it.
    writeFileSync(truncated, Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0xa5)]));
    for (const file of [garbage, truncated])
      for (const args of [['src/main.ts'], ['src/cli.ts', 'ask', 'is go fast']]) {
        const { code, stderr } = await startOn(file, args);
        expect(code).toBe(1);
        expect(stderr).toContain(`The database file ${file} is damaged`);
        expect(stderr).toMatch(/versus backup[\s\S]*versus doctor/);
        expect(stderr).not.toMatch(/SqliteError|\n\s+at /);
      }
    expect(() => openDatabase(garbage)).toThrow(expect.objectContaining({ code: 'db_corrupt' }));
  }, 60_000);
});
