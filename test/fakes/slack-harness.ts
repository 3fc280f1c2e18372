import { Writable } from 'node:stream';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { TestClock } from '../../src/clock.js';
import { type Core, type CoreOptions, createCore } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { FIXTURE_KNOWLEDGE } from '../helpers/core.js';
import type { SharedBackend } from '../helpers/postgres.js';
import { FakeSlack } from './slack-fake.js';
import { SlackSender } from './slack-requests.js';

export const SIGNING_SECRET = 'test-signing-secret';
/** OAuth mode's settings in tests: the token key is 32 bytes of 0x2a as hex. */
export const OAUTH = {
  clientId: 'CID',
  clientSecret: 'CSECRET',
  stateSecret: 'test-state-secret',
  tokenKey: '2a'.repeat(32),
};

export interface SlackRig {
  fake: FakeSlack;
  core: Core;
  adapter: SlackAdapter;
  send: SlackSender;
  endpoint: string;
  logs: string[];
  /** OAuth mode: installs the fake's workspace `teamId` through /slack/install and /slack/oauth_redirect. */
  install(teamId: string, opts?: { withoutCookie?: boolean }): Promise<Response>;
  /** Sends `/versus <text>` and waits for its answer through its own response_url. */
  command(text: string, user?: string): Promise<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The real Bolt app (our adapter) on port 0, the real core on SQLite, and a fake Slack Web API. */
export async function slackRig(
  opts: {
    dbPath?: string;
    knowledgeDir?: string;
    clock?: TestClock;
    core?: Partial<CoreOptions>;
    /** OAuth (multi-workspace) mode with these fake workspaces, none installed yet. */
    oauthTeams?: Parameters<FakeSlack['addTeam']>[0][];
  } = {},
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
  for (const team of opts.oauthTeams ?? []) fake.addTeam(team);
  const auth = opts.oauthTeams ? { oauth: OAUTH } : { botToken: 'xoxb-test-token' };
  const adapter = createSlackAdapter({
    config: { ...auth, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    shared: core.shared,
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
    install: (teamId, o) => installThroughOAuth(`http://127.0.0.1:${port}`, teamId, o?.withoutCookie),
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

/** slackRig with its shared state on `backend` (SHARED_BACKENDS); closing it also drops that state. */
export async function slackRigOn(backend: SharedBackend, opts: Parameters<typeof slackRig>[0] = {}): Promise<SlackRig> {
  const { shared, drop } = await backend.open();
  const rig = await slackRig({ ...opts, core: { ...opts.core, shared } }).catch(async (e: unknown) => {
    await drop();
    throw e;
  });
  return {
    ...rig,
    async close() {
      await rig.close();
      await drop();
    },
  };
}

/** The browser's side of an install at `base` (the app, or a load balancer in front of replicas): the Add to Slack page (state cookie), then Slack's redirect back with a code. */
export async function installThroughOAuth(base: string, teamId: string, withoutCookie = false): Promise<Response> {
  const page = await fetch(`${base}/slack/install`);
  const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
  const state = /[?&;]state=([^&"']+)/.exec(await page.text())?.[1] ?? '';
  const headers: Record<string, string> = withoutCookie ? {} : { cookie };
  return fetch(`${base}/slack/oauth_redirect?code=code-${teamId}&state=${state}`, { headers, redirect: 'manual' });
}

/** Every text of a Slack message's blocks, joined: what a user reads. */
export function slackText(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks)
    .replace(/\\n/g, '\n')
    .match(/"text":"[^"]*"/g)!
    .map((t) => t.slice(8, -1))
    .join('\n');
}
