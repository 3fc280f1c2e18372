import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack-fake.js';
import { startBot } from '../helpers/bot-process.js';
import { copyKnowledge, FIXTURE_KNOWLEDGE, tempDir, testCore } from '../helpers/core.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every folder from the checkout up to / lets other users through (the execute bit for others). */
function reachableByOthers(dir: string): boolean {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/** Issue 11, item 9: a knowledge folder with every kind of bad entry; the real bot must still start. */
describe('knowledge folder faults (real process)', () => {
  const kb = copyKnowledge();
  const data = tempDir('versus-kbfault-db-');
  afterAll(() => {
    chmodSync(join(kb.dir, 'locked'), 0o755);
    kb.cleanup();
    data.cleanup();
  });

  it('skips an unreadable file and folder, a broken link, a named pipe, binary garbage and an oversized file, with a warning each, and starts', async () => {
    const expected = (await testCore(FIXTURE_KNOWLEDGE)).indexReport!.claims;
    const k = (name: string) => join(kb.dir, name);
    writeFileSync(k('secret.md'), '# Secret\n\nGo is fast.\n');
    chmodSync(k('secret.md'), 0o000);
    mkdirSync(k('locked'));
    writeFileSync(k('locked/inner.md'), '# Inner\n\nPython is slow.\n');
    chmodSync(k('locked'), 0o000);
    symlinkSync(k('missing-target.md'), k('dangling.md'));
    execFileSync('mkfifo', [k('pipe.md')]);
    writeFileSync(k('garbage.md'), randomBytes(20_000));
    writeFileSync(k('nul.txt'), `Go is fast.\u0000\u0000${'x'.repeat(100)}`);
    writeFileSync(k('big.md'), `# Big\n\n${'Go is fast. '.repeat(250_000)}`);
    chmodSync(kb.dir, 0o755);
    chmodSync(data.dir, 0o777);
    // As root every file is readable: run the bot as nobody so the permission errors are real — when nobody
    // can reach the checkout at all (a clone under a 0700 temp folder cannot be run by anyone else).
    const asNobody = process.getuid?.() === 0 && reachableByOthers(ROOT) ? { uid: 65534, gid: 65534 } : undefined;
    const fake = await new FakeSlack().start();
    const t0 = performance.now();
    const bot = await startBot(
      {
        VERSUS_DB: join(data.dir, 'v.db'),
        KNOWLEDGE_DIR: kb.dir,
        SLACK_BOT_TOKEN: 'xoxb-kb',
        SLACK_SIGNING_SECRET: 'kb',
        SLACK_API_URL: fake.apiUrl,
      },
      20_000,
      [],
      undefined,
      asNobody,
    );
    const started = performance.now() - t0;
    bot.child.kill('SIGTERM');
    await bot.exited;
    await fake.close();
    const logs = bot.logs.join('');
    const warned = (path: string, why: RegExp) =>
      bot.logs.some((l) => l.includes(`"path":"${path}"`) && why.test(l) && l.includes('"level":40'));
    if (asNobody) {
      expect(warned('secret.md', /permission denied; skipped/)).toBe(true);
      expect(warned('locked', /folder skipped: permission denied/)).toBe(true);
    }
    expect(warned('dangling.md', /broken symbolic link; skipped/)).toBe(true);
    expect(warned('pipe.md', /not a regular file \(a named pipe\); skipped/)).toBe(true);
    expect(warned('garbage.md', /not valid UTF-8|binary/)).toBe(true);
    expect(warned('nul.txt', /binary content/)).toBe(true);
    expect(warned('big.md', /too large/)).toBe(true);
    expect(logs).not.toMatch(/EACCES|ENOENT|at .*\.ts:\d+/);
    const indexed = JSON.parse(bot.logs.find((l) => l.includes('"msg":"knowledge indexed"'))!) as { claims: number };
    // A bot running as root reads the two unreadable entries too (one claim each).
    const asRoot = process.getuid?.() === 0 && !asNobody;
    expect(indexed.claims).toBe(expected + (asRoot ? 2 : 0));
    console.info(`bad knowledge folder: started in ${Math.round(started)} ms, ${indexed.claims} claims indexed`);
  }, 40_000);
});
