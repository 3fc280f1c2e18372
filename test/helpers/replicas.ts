import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { FakeSlack } from '../fakes/slack-fake.js';
import { type BotProcess, startBot } from './bot-process.js';
import { tempDir } from './core.js';
import { freshPostgres, pgRows } from './postgres.js';

/** Where the replicas keep shared state: one SQLite file (same host), or PostgreSQL (DATABASE_URL). */
export type Backend = { kind: 'sqlite' } | { kind: 'postgres'; url: string; drop?: () => Promise<void> };

/** The shared state as the replicas see it (env per replica) and as the test reads or nudges it (SQL). */
export interface SharedState {
  backend: Backend['kind'];
  /** Environment for replica `i`: always its own VERSUS_DB under PostgreSQL, one shared file under SQLite. */
  env(i: number): Record<string, string>;
  /** Runs SQL written with `?` placeholders on the shared state (wrap counts in Number(): PostgreSQL's are strings). */
  query<T = Record<string, unknown>>(sql: string, ...args: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * A backend for one rig. PostgreSQL (the default, as issue #15 deploys it): a fresh database from the run's
 * server (test/helpers/postgres.ts), dropped when the rig stops, each replica with its own SQLite file for
 * its knowledge index, as if on its own host. SQLite: one shared file, replicas on one host.
 */
export async function sharedBackend(kind: Backend['kind'] = 'postgres'): Promise<Backend> {
  if (kind === 'sqlite') return { kind: 'sqlite' };
  const { url, drop } = await freshPostgres();
  return { kind: 'postgres', url, drop };
}

/** Opens the shared state for one rig; `dir` is the rig's own temp dir (SQLite files live there). */
export async function openSharedState(dir: string, backend: Backend): Promise<SharedState> {
  if (backend.kind === 'sqlite') {
    const file = join(dir, 'shared.db');
    return {
      backend: 'sqlite',
      env: () => ({ VERSUS_DB: file }),
      async query<T>(sql: string, ...args: unknown[]) {
        // A short-lived connection per query: the test must never hold a lock the replicas wait on.
        const db = new BetterSqlite3(file, { timeout: 5000 });
        try {
          const st = db.prepare(sql);
          if (st.reader) return st.all(...args) as T[];
          st.run(...args);
          return [];
        } finally {
          db.close();
        }
      },
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: backend.url });
  await client.connect();
  return {
    backend: 'postgres',
    env: (i) => ({ DATABASE_URL: backend.url, VERSUS_DB: join(dir, `index-${i}.db`) }),
    query: <T>(sql: string, ...args: unknown[]) => pgRows<T>(client, sql, args),
    async close() {
      await client.end();
      await backend.drop?.();
    },
  };
}

/**
 * A round-robin reverse proxy, like a load balancer in front of the replicas. It forwards the body and
 * headers unchanged and returns the replica's answer, tagged `x-replica: <i>`. It does NOT retry: a
 * POST that reached a replica may have been processed (a vote toggles), so as with a real LB without
 * retries the caller gets 502, tagged `x-proxy-error: refused` (never reached a replica: safe to retry)
 * or `reset` (the replica died with the request: outcome unknown). Replicas marked down are skipped.
 */
export class RoundRobinProxy {
  private server: Server | undefined;
  private next = 0;
  readonly down = new Set<number>();
  /** Requests each replica answered (status from the replica, not the proxy's 502s). */
  readonly served: number[];
  // A fresh connection per request: reusing an idle one races the replica closing it (a reset that never
  // reached the app), which would blur the line between "never delivered" and "died with the request".
  // The bench passes keepAlive (a production balancer keeps its upstream connections open).
  private readonly agent: Agent;
  url = '';

  constructor(
    private readonly ports: number[],
    opts: { keepAlive?: boolean } = {},
  ) {
    this.served = ports.map(() => 0);
    this.agent = new Agent({ keepAlive: opts.keepAlive ?? false });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  private pick(): number | undefined {
    for (let tries = 0; tries < this.ports.length; tries++) {
      const i = this.next++ % this.ports.length;
      if (!this.down.has(i)) return i;
    }
    return undefined;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const i = this.pick();
    if (i === undefined) return void res.writeHead(502, { 'x-proxy-error': 'refused' }).end();
    const up = httpRequest(
      {
        host: '127.0.0.1',
        port: this.ports[i],
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: this.agent,
      },
      (answer) => {
        const out: Buffer[] = [];
        answer.on('data', (c: Buffer) => out.push(c));
        answer.on('error', () => fail('reset'));
        answer.on('end', () => {
          this.served[i]!++;
          // Hop-by-hop headers describe the proxy→replica connection, not the client's.
          const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...headers } = answer.headers;
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'x-replica': String(i) }).end(Buffer.concat(out));
        });
      },
    );
    const fail = (why: 'refused' | 'reset') => {
      if (!res.headersSent) res.writeHead(502, { 'x-proxy-error': why, 'x-replica': String(i) }).end();
    };
    up.on('error', (e: NodeJS.ErrnoException) => fail(e.code === 'ECONNREFUSED' ? 'refused' : 'reset'));
    up.end(body);
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

export interface Replicas {
  fake: FakeSlack;
  proxy: RoundRobinProxy;
  /** The Slack request URL as Slack would have it: the load balancer's. */
  endpoint: string;
  bots: BotProcess[];
  state: SharedState;
  /** SIGKILL replica `i` and take it out of the rotation once it is gone (as an LB health check would). */
  kill(i: number): Promise<void>;
  /** Kills every replica, closes proxy, fake Slack and shared state, removes the temp dir. Never throws. */
  stop(): Promise<void>;
}

/**
 * N real bot processes (Slack HTTP mode, same signing secret, same fake Slack) on one shared state,
 * behind a round-robin proxy. Ports are all picked by the OS. Cleans up after itself if start fails.
 */
export async function startReplicas(opts: {
  n: number;
  secret: string;
  knowledgeDir: string;
  /** Default: a fresh PostgreSQL database. */
  backend?: Backend | Backend['kind'];
  /** More environment for every replica (e.g. shorter scheduler and poll-edit intervals). */
  env?: Record<string, string>;
  /** Run a `npm run build` output (as deployed; the benchmarks) instead of the sources through tsx. */
  compiled?: string | undefined;
}): Promise<Replicas> {
  const tmp = tempDir('versus-replicas-');
  const fake = await new FakeSlack().start();
  const bots: BotProcess[] = [];
  let state: SharedState | undefined;
  let proxy: RoundRobinProxy | undefined;
  const stop = async () => {
    for (const b of bots) if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
    await Promise.allSettled(bots.map((b) => b.exited));
    await proxy?.close().catch(() => {});
    await fake.close().catch(() => {});
    await state?.close().catch(() => {});
    tmp.cleanup();
  };
  try {
    const backend = typeof opts.backend === 'object' ? opts.backend : await sharedBackend(opts.backend);
    state = await openSharedState(tmp.dir, backend).catch(async (e: unknown) => {
      if (backend.kind === 'postgres') await backend.drop?.();
      throw e;
    });
    const env = (i: number) => ({
      ...state!.env(i),
      KNOWLEDGE_DIR: opts.knowledgeDir,
      SLACK_BOT_TOKEN: 'xoxb-replicas',
      SLACK_SIGNING_SECRET: opts.secret,
      SLACK_API_URL: fake.apiUrl,
      ...opts.env,
    });
    // The first replica migrates and indexes alone; the others then start together on a ready schema.
    const start = (i: number) => startBot(env(i), 30_000, [], opts.compiled);
    bots.push(await start(0));
    const rest = await Promise.allSettled(Array.from({ length: opts.n - 1 }, (_, i) => start(i + 1)));
    for (const r of rest) if (r.status === 'fulfilled') bots.push(r.value);
    const failed = rest.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    proxy = await new RoundRobinProxy(bots.map((b) => b.port)).start();
  } catch (e) {
    await stop();
    throw e;
  }
  const p = proxy;
  return {
    fake,
    proxy: p,
    endpoint: `${p.url}/slack/events`,
    bots,
    state,
    async kill(i) {
      bots[i]!.child.kill('SIGKILL');
      await bots[i]!.exited;
      p.down.add(i);
    },
    stop,
  };
}
