import { Writable } from 'node:stream';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { TestClock } from '../../src/clock.js';
import { type Core, type CoreOptions, createCore } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';
import { FakeSlack } from './slack-fake.js';
import { SlackSender } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackRig {
  fake: FakeSlack;
  core: Core;
  adapter: SlackAdapter;
  send: SlackSender;
  endpoint: string;
  logs: string[];
  /** Sends `/versus <text>` and waits for its answer through its own response_url. */
  command(text: string, user?: string): Promise<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The real Bolt app (our adapter) on port 0, the real core on SQLite, and a fake Slack Web API. */
export async function slackRig(
  opts: { dbPath?: string; knowledgeDir?: string; clock?: TestClock; core?: Partial<CoreOptions> } = {},
): Promise<SlackRig> {
  const fake = await new FakeSlack().start();
  const logs: string[] = [];
  const logger = createLogger(
    'debug',
    new Writable({
      write(chunk, _e, cb) {
        logs.push(String(chunk));
        cb();
      },
    }),
  );
  const core = await createCore({
    dbPath: opts.dbPath ?? ':memory:',
    knowledgeDir: opts.knowledgeDir ?? FIXTURE_KNOWLEDGE,
    logger,
    clock: opts.clock ?? new TestClock(),
    pollUpdateIntervalMs: 20,
    ...opts.core,
  });
  const adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    handler: core.handler,
    replays: core.replays,
    logger,
    port: 0,
    host: '127.0.0.1',
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
  });
  const { port } = await adapter.start();
  core.registerPort(adapter.port);
  const endpoint = `http://127.0.0.1:${port}/slack/events`;
  const send = new SlackSender(endpoint, SIGNING_SECRET);
  return {
    fake,
    core,
    adapter,
    endpoint,
    logs,
    send,
    async command(text, user = 'U1') {
      const url = fake.responseUrl();
      await send.command(text, { responseUrl: url, user });
      return fake.waitFor(() => fake.responses.find((r) => r.path === new URL(url).pathname));
    },
    async close() {
      await adapter.stop();
      await core.scheduler.stop();
      await core.close();
      await fake.close();
    },
  };
}
