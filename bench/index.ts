// `npm run bench`: every benchmark in one run, figures printed for the issue notes.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/logger.js';
import { benchCore } from './core.js';
import { benchDiscord } from './discord.js';
import { benchSlack } from './slack.js';
import { benchStorm } from './storm.js';

const ROOT = resolve(import.meta.dirname, '..');
process.stdout.write(`Versus benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);

await benchCore();
const knowledge = existsSync(join(ROOT, 'knowledge/taxonomy.yaml'))
  ? join(ROOT, 'knowledge')
  : join(ROOT, 'test/fixtures/knowledge');
for (const bench of [benchSlack, benchDiscord]) {
  // A fresh core per platform benchmark, so one's database and caches do not help the other.
  const core = await createCore({ dbPath: ':memory:', knowledgeDir: knowledge, logger: createLogger('warn') });
  try {
    await bench(core);
  } finally {
    await core.scheduler.stop();
    core.close();
  }
}
await benchStorm();
