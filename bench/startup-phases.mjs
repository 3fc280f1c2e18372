// Where `versus ask` and the bot's start-up spend their time, as phases of one process: plain Node on the
// compiled build (dist/), the same modules bin/versus.js and bin/start.js load, in the same order, each
// phase timed with performance.now() (ms since this process started). Run by bench/startup.ts:
//   node bench/startup-phases.mjs cli|start <question>   (environment as for the real command)
// Prints one JSON line of phase → ms.
import { fileURLToPath } from 'node:url';

const phases = { boot: performance.now() }; // Node's own start-up, before this file runs
let last = phases.boot;
const lap = (name) => {
  const t = performance.now();
  phases[name] = (phases[name] ?? 0) + t - last;
  last = t;
};
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

const { buildState } = await import('../bin/build-state.js');
if (buildState(root) !== 'fresh') throw new Error('dist/ is not a fresh build: run npm run build');
lap('build-state check');

const [mode, ...words] = process.argv.slice(2);
if (mode === 'cli') {
  // The path src/cli-commands.ts takes for a one-shot ask on an up-to-date index (src/cli-ask.ts).
  const { startConfig } = await import(dist('env-file.js'));
  lap('import config + .env reader (zod)');
  await import(dist('cli-commands.js'));
  lap('import the argument parser');
  const { quickAsk } = await import(dist('cli-ask.js'));
  lap('import the ask path (answers, taxonomy, SQLite)');
  const out = await quickAsk(startConfig(), words.join(' '), { json: false });
  if (out === undefined) throw new Error('the knowledge index is not up to date: run `versus index` first');
  lap('open database + freshness check + ask + render');
} else {
  const { loadConfig } = await import(dist('config.js'));
  const { createLogger } = await import(dist('logger.js'));
  lap('import config + logger (zod, pino)');
  const { createCore } = await import(dist('core.js'));
  const { openConfiguredShared } = await import(dist('store/open-shared.js'));
  lap('import core modules');
  await import(dist('shard-env.js'));
  lap('import the shard environment (main.js imports it)');
  const config = loadConfig();
  const logger = createLogger('warn');
  const shared = await openConfiguredShared(config, logger);
  const core = await createCore({ dbPath: config.dbPath, knowledgeDir: config.knowledgeDir, shared, logger });
  lap('open database + core');
  phases['freshness check (indexKnowledge)'] = core.indexReport?.ms ?? 0;
  phases['open database + core'] -= phases['freshness check (indexKnowledge)'];
  await import('@slack/bolt');
  lap('import @slack/bolt');
  const { createSlackAdapter } = await import(dist('adapters/slack/index.js'));
  lap('import the Slack adapter');
  const slack = createSlackAdapter({
    config: config.slack,
    handler: core.handler,
    replays: core.replays,
    logger,
    port: config.port,
    host: config.host,
    clock: core.clock,
    sharedPages: core.pages,
    metrics: core.metrics,
    shared: core.shared,
  });
  await slack.start();
  lap('auth.test + listen');
  // What the idle RSS is made of, read where the bot would be idle (memory is not time: "mem:" keys).
  const m = process.memoryUsage();
  for (const k of ['rss', 'heapUsed', 'external', 'arrayBuffers']) phases[`mem:${k}`] = m[k] / 1_048_576;
  await slack.stop();
  await core.close();
}
process.stdout.write(`${JSON.stringify(phases)}\n`);
process.exit(0); // a socket the SDK still holds must not keep the helper alive
