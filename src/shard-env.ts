/**
 * Which shard(s) this process runs, when discord.js's ShardingManager started it (it passes SHARDS and
 * SHARD_COUNT); undefined otherwise. Kept apart from shards.ts so start-up can ask without loading discord.js
 * (about half a second on a Slack-only start).
 */
export function shardOfThisProcess(env: NodeJS.ProcessEnv = process.env): { ids: number[]; count: number } | undefined {
  if (!env.SHARDING_MANAGER || env.SHARDS === undefined || env.SHARD_COUNT === undefined) return undefined;
  const parsed: unknown = JSON.parse(env.SHARDS);
  return { ids: Array.isArray(parsed) ? parsed.map(Number) : [Number(parsed)], count: Number(env.SHARD_COUNT) };
}

/**
 * Every shard gets the manager's environment, so `{shard}` in VERSUS_DB is how each gets a file of its own
 * (e.g. ./data/versus-{shard}.db; with DATABASE_URL that file holds only its knowledge index). Outside a
 * sharded start (the CLI, one process) it is shard 0's file. Applied by loadConfig.
 */
export function shardPath(path: string, shard: { ids: number[] } | undefined): string {
  return path.replaceAll('{shard}', String(shard?.ids[0] ?? 0));
}
