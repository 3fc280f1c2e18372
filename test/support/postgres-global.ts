import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres.js';

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
  const started = Date.now();
  const server = await startEmbeddedPostgres('versus-pg');
  if (process.env.VERSUS_TEST_POSTGRES_TIMING) console.log(`embedded PostgreSQL started in ${Date.now() - started} ms`);
  project.provide('postgresAdminUrl', server.adminUrl);
  return server.stop;
}
