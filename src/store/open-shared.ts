import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { SharedDb } from './shared-db.js';

/**
 * The shared store the configuration asks for: PostgreSQL when DATABASE_URL is set (connected and migrated
 * now), otherwise undefined — the core then keeps shared state in its SQLite file. The driver is imported
 * only when used, so a SQLite-only start never loads it.
 */
export async function openConfiguredShared(config: Config, logger: Logger): Promise<SharedDb | undefined> {
  if (!config.postgres) return undefined;
  const { openPostgres } = await import('./postgres.js');
  const shared = await openPostgres(config.postgres, {
    onIdleError: (err) => logger.warn({ err }, 'postgres: an idle connection broke; the pool reconnects'),
  });
  logger.info({ poolSize: config.postgres.poolSize }, 'shared state on PostgreSQL');
  return shared;
}
