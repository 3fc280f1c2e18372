import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import { fixedAdmin } from '../../src/chat/manage.js';
import { renderText } from '../../src/chat/render-text.js';
import { MINUTE_MS, TestClock } from '../../src/clock.js';
import { type Core, createCore } from '../../src/core.js';
import type { IndexReport } from '../../src/knowledge/indexer.js';
import { createLogger } from '../../src/logger.js';
import { memoryLog } from '../fakes/discord-harness.js';
import { copyKnowledge, tempDir } from '../helpers/core.js';

const ctx: ChatContext = {
  platform: 'console',
  workspaceId: 'local',
  channelId: 'c',
  userId: 'u',
  isAdmin: fixedAdmin(true),
};
const GAMMA = `---
id: gamma
title: Gamma Notes
---

# Gamma Notes

## Deployment

- A static Go binary ships in a 12 MB container image. {side=go}
`;

// A real core watching a real temporary copy of the knowledge folder: files are written, changed and
// removed on disk and the answers follow, within the 2 s the issue allows.
describe('live knowledge: the running core re-indexes the folder as it changes', () => {
  const kb = copyKnowledge();
  const db = tempDir();
  const clock = new TestClock('2026-03-01T10:00:00Z');
  const log = memoryLog();
  let core: Core;
  beforeAll(async () => {
    const logger = createLogger('info', log.stream);
    core = await createCore({
      dbPath: join(db.dir, 'watch.db'),
      knowledgeDir: kb.dir,
      logger,
      clock,
      watch: true,
      watchDebounceMs: 100,
    });
  });
  afterAll(async () => {
    await core.knowledgeWatcher?.close();
    await core.close();
    kb.cleanup();
    db.cleanup();
  });

  /** Runs a file change and waits for the re-index it causes, failing past 2 s. */
  async function change(fn: () => void): Promise<IndexReport> {
    const next = core.knowledgeWatcher!.nextIndex();
    const started = Date.now();
    fn();
    const r = await Promise.race([
      next,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not re-indexed within 2 s')), 2000)),
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    return r;
  }
  const sources = async () => renderText(await core.handler.command('sources', ctx));
  const answer = async (q: string) => renderText(await core.handler.mention(q, { ...ctx, threadId: `t${q}` }));

  it('GIVEN a new digest THEN it is answered from and listed with its own index time', async () => {
    clock.advance(5 * MINUTE_MS);
    const r = await change(() => writeFileSync(join(kb.dir, 'gamma.md'), GAMMA));
    expect(r.added).toEqual(['gamma.md']);
    expect(await answer('how big is a go container image')).toMatch(/12 MB container image/);
    const listed = await sources();
    expect(listed).toMatch(/Gamma Notes — 1 claim \(`gamma\.md`, indexed 2026-03-01 10:05 UTC\)/);
    expect(listed).toMatch(/Beta Essay — \d+ claims \(`beta\.md`, indexed 2026-03-01 10:00 UTC\)/);
  });

  it('GIVEN a digest is changed THEN the new text answers and only its time moves', async () => {
    clock.advance(5 * MINUTE_MS);
    const r = await change(() => writeFileSync(join(kb.dir, 'gamma.md'), GAMMA.replace('12 MB', '9 MB')));
    expect(r.updated).toEqual(['gamma.md']);
    expect(r.unchanged).toBe(3);
    expect(await answer('how big is a go container image')).toMatch(/9 MB container image/);
    expect(await sources()).toMatch(/`gamma\.md`, indexed 2026-03-01 10:10 UTC/);
  });

  it('GIVEN a change breaks the front matter THEN the last good version keeps answering and sources warns', async () => {
    const r = await change(() =>
      writeFileSync(join(kb.dir, 'gamma.md'), GAMMA.replace('title: Gamma Notes', 'title: [unclosed')),
    );
    expect(r.broken).toEqual(['gamma.md']);
    expect(await answer('how big is a go container image')).toMatch(/9 MB container image/);
    expect(await sources()).toMatch(
      /⚠️ `gamma\.md`: front matter is not valid YAML.*the last good version stays indexed/,
    );
    expect(log.lines.some((l) => l.level === 40 && /front matter is not valid YAML/.test(l.msg))).toBe(true);
  });

  it('GIVEN the file is fixed, then removed THEN the warning clears, then its claims are gone', async () => {
    await change(() => writeFileSync(join(kb.dir, 'gamma.md'), GAMMA));
    expect(await sources()).not.toMatch(/⚠️/);
    const r = await change(() => rmSync(join(kb.dir, 'gamma.md')));
    expect(r.removed).toEqual(['gamma.md']);
    expect(await sources()).not.toMatch(/Gamma Notes/);
    expect(await answer('how big is a go container image')).not.toMatch(/static Go binary/);
  });
});
