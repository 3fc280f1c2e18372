import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ClickJournal,
  type HeldClick,
  replayHeldClicks,
  unsettled,
} from '../../../src/adapters/shared/click-journal.js';
import type { ChatContext } from '../../../src/chat/context.js';
import { fixedAdmin } from '../../../src/chat/manage.js';
import { createLogger } from '../../../src/logger.js';
import { tempDir } from '../../helpers/core.js';

const ctx = (userId: string): ChatContext => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId,
  isAdmin: fixedAdmin(false),
  requestKey: { key: `v0=${userId}`, expiresAtMs: 1, heldAt: 1 },
});
const click = (userId: string): HeldClick => ({ actionId: 'v1:poll:vote:p1:0', ctx: ctx(userId) });
const silent = createLogger('silent');

describe('the click journal', () => {
  const tmp = tempDir('versus-journal-');
  let journal: ClickJournal | undefined;
  afterEach(() => journal?.close());
  const fileOf = (dir: string) => join(dir, `${process.pid}.jsonl`);

  it('keeps the clicks not yet settled, in the order they were held, and skips a line cut short by a crash', () => {
    const dir = join(tmp.dir, 'order');
    journal = new ClickJournal(dir);
    const ids = ['UA', 'UB', 'UC'].map((u) => journal!.hold(click(u)));
    journal.settle(ids[1]!);
    appendFileSync(fileOf(dir), '{"id":4,"actionId":"v1:poll:vo');
    expect(unsettled(readFileSync(fileOf(dir), 'utf8')).map((c) => c.ctx.userId)).toEqual(['UA', 'UC']);
  });

  it('empties its file once nothing is held', () => {
    const dir = join(tmp.dir, 'empty');
    journal = new ClickJournal(dir);
    const ids = ['UA', 'UB'].map((u) => journal!.hold(click(u)));
    for (const id of ids) journal.settle(id);
    expect(readFileSync(fileOf(dir), 'utf8')).toBe('');
  });

  it("runs again a dead process's clicks and removes its file, but leaves a running process's file alone", async () => {
    const dir = join(tmp.dir, 'replay');
    journal = new ClickJournal(dir);
    journal.hold(click('UA'));
    journal.close();
    const lines = (u: string) => `${JSON.stringify({ id: 1, ...click(u) })}\n`;
    // pid 1 runs on every Linux host; 2^22 + 1 is above the highest pid Linux hands out.
    writeFileSync(join(dir, '1.jsonl'), lines('ULIVE'));
    writeFileSync(join(dir, `${2 ** 22 + 1}.jsonl`), lines('UDEAD'));
    const ran: string[] = [];
    const n = await replayHeldClicks(dir, async (c) => ran.push(c.ctx.userId), silent);
    // This process's own file counts as a previous life's (it has held nothing since it started).
    expect(ran.sort()).toEqual(['UA', 'UDEAD']);
    expect(n).toBe(2);
    expect(readdirSync(dir)).toEqual(['1.jsonl']);
  });
});
