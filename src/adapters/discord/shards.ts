// Sharding (issue #15): past 2,500 guilds Discord requires several gateway connections. discord.js's
// ShardingManager forks one process per shard, each a full Versus (core + adapters) whose Client reads
// SHARDS and SHARD_COUNT from the environment the manager gives it; the processes share polls, votes and
// schedules through the database. This process only supervises: it opens no database, indexes nothing.
import type { ChildProcess } from 'node:child_process';
import { type Shard, ShardingManager } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { VersusError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { SHUTDOWN_BUDGET_MS } from '../../runtime/shutdown.js';
import { restApiBase } from './client.js';

/** Discord's advice for this token: how many shards, and how many may IDENTIFY at once. */
async function gatewayBot(config: DiscordConfig): Promise<{ shards: number; maxConcurrency: number }> {
  // discord.js's own `auto` always asks discord.com; ask the configured API (DISCORD_API_URL) instead.
  const api = restApiBase(config.apiUrl) ?? 'https://discord.com/api';
  const res = await fetch(`${api}/v10/gateway/bot`, { headers: { authorization: `Bot ${config.token}` } }).catch(
    (err: unknown) => {
      throw new VersusError('platform_error', `Could not reach Discord at ${api}: ${(err as Error).message}`);
    },
  );
  if (res.status === 401)
    throw new VersusError(
      'platform_error',
      'Discord rejected the bot token (401). Set DISCORD_TOKEN to the token from Developer Portal → Bot → Reset Token.',
    );
  if (!res.ok) throw new VersusError('platform_error', `GET /gateway/bot answered ${res.status}; try again later.`);
  const body = (await res.json()) as { shards: number; session_start_limit?: { max_concurrency?: number } };
  return { shards: body.shards, maxConcurrency: body.session_start_limit?.max_concurrency ?? 1 };
}

export interface ShardManagerHandle {
  /** Resolves when every shard has been READY once; rejects if one died or timed out first (after stopping the rest). */
  ready: Promise<void>;
  /** SIGTERM to every shard (each shuts down gracefully), SIGKILL to any still running after the budget. */
  stop(): Promise<void>;
}

/**
 * Spawns `config.shards` processes running `file` (this program's own entry point) and keeps them up:
 * a shard that dies after it was ready is respawned by discord.js. One that dies or times out before its
 * first READY fails `ready` (a bad token or database would only die again).
 */
export async function startShardManager(opts: {
  config: DiscordConfig;
  file: string;
  logger: Logger;
}): Promise<ShardManagerHandle> {
  const log = opts.logger.child({ adapter: 'discord-shards' });
  const advice = await gatewayBot(opts.config);
  const total = opts.config.shards === 'auto' || opts.config.shards === undefined ? advice.shards : opts.config.shards;
  const manager = new ShardingManager(opts.file, {
    totalShards: total,
    token: opts.config.token,
    // From source the entry point needs the same loader (--import tsx) as this process.
    execArgv: process.execArgv,
  });
  const children = new Set<ChildProcess>();
  let stopping = false;
  manager.on('shardCreate', (shard: Shard) => {
    shard.on('spawn', (spawned) => {
      const child = spawned as ChildProcess; // mode 'process' (the default), not worker threads
      children.add(child);
      child.once('exit', () => children.delete(child));
      log.info({ shard: shard.id, pid: child.pid }, 'discord: shard process started');
      // Spawned while stopping (the manager spawns one after another): kill it once spawn() listens for its death.
      if (stopping) setImmediate(() => shard.kill());
    });
    shard.on('ready', () => log.info({ shard: shard.id, total }, 'discord: shard ready'));
    shard.on('death', () => {
      if (!stopping) log.warn({ shard: shard.id }, 'discord: shard process exited; respawning it');
    });
  });

  const stop = async () => {
    stopping = true;
    const exits = [...children].map((c) => new Promise((r) => c.once('exit', r)));
    for (const shard of manager.shards.values()) if (shard.process) shard.kill(); // SIGTERM, no respawn
    const timer = setTimeout(() => {
      for (const c of children) c.kill('SIGKILL');
    }, SHUTDOWN_BUDGET_MS + 1_000);
    await Promise.all(exits);
    clearTimeout(timer);
  };

  // Discord lets max_concurrency shards IDENTIFY per 5 s; consecutive ids fall in different buckets, so
  // spacing the spawns by 5.5 s / max_concurrency never overruns one (each spawn also waits for READY).
  const delay = Math.ceil(5_500 / Math.max(1, advice.maxConcurrency));
  log.info({ shards: total, recommended: advice.shards, delayMs: delay }, 'discord: starting shard processes');
  const ready = manager.spawn({ amount: total, delay, timeout: 120_000 }).then(
    () => log.info({ shards: total }, 'discord: every shard is ready'),
    async (err: unknown) => {
      if (stopping) return;
      await stop();
      throw new VersusError('platform_error', `A Discord shard did not start: ${(err as Error).message}`, {
        cause: err,
      });
    },
  );
  return { ready, stop };
}
