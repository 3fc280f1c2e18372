import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestClock } from '../../src/clock.js';
import { type Core, type CoreOptions, createCore } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';

export const FIXTURE_KNOWLEDGE = resolve(import.meta.dirname, '../fixtures/knowledge');
export const REAL_KNOWLEDGE = resolve(import.meta.dirname, '../../knowledge');

/** A temporary folder removed by the returned cleanup. */
export function tempDir(prefix = 'versus-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copy of a knowledge folder the test may edit. */
export function copyKnowledge(from = FIXTURE_KNOWLEDGE): { dir: string; cleanup: () => void } {
  const t = tempDir('versus-kb-');
  cpSync(from, t.dir, { recursive: true });
  return t;
}

/** A real core on a real SQLite database (in memory unless a path is given), silent logs, test clock. */
export async function testCore(
  knowledgeDir = FIXTURE_KNOWLEDGE,
  dbPath = ':memory:',
  opts: Partial<CoreOptions> = {},
): Promise<Core> {
  return createCore({ dbPath, knowledgeDir, logger: createLogger('silent'), clock: new TestClock(), ...opts });
}
