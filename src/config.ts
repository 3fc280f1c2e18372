import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { VersusError } from './errors.js';
import { AddressAllowList } from './ingest/addresses.js';
import { LOCALE_NAMES, type Locale, parseLocale } from './locale.js';
import { tokenCipher } from './security/token-cipher.js';
import { shardOfThisProcess, shardPath } from './shard-env.js';

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const urlString = z.url({ message: 'must be an absolute URL such as http://127.0.0.1:3000/api/' });

const SHARDS_HINT =
  'must be "auto" (as many shards as Discord recommends) or a whole number of shards from 1 to 1000, such as 2';

const EnvSchema = z.object({
  VERSUS_DB: z.string().trim().min(1).default('./data/versus.db'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString.pipe(urlString.optional()),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
  VERSUS_TOKEN_KEY: optionalString,
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_URL: optionalString.pipe(urlString.optional()),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, {
        message: 'must be a PostgreSQL URL such as postgres://user:pass@host:5432/versus',
      })
      .optional(),
  ),
  VERSUS_PG_POOL: z.coerce.number().int().min(1).max(200).default(10),
  VERSUS_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  VERSUS_POLL_UPDATE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  VERSUS_LOCALE: z
    .string()
    .trim()
    .default('en')
    .transform((tag, ctx) => {
      const locale = parseLocale(tag);
      if (locale) return locale;
      ctx.addIssue({ code: 'custom', message: `must be one of ${LOCALE_NAMES.join(', ')} (got "${tag}")` });
      return z.NEVER;
    }),
  VERSUS_ALLOW_PRIVATE_FETCH: z
    .string()
    .trim()
    .default('')
    .transform((spec, ctx) => {
      try {
        return AddressAllowList.parse(spec);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `${(e as Error).message} (comma-separated addresses or ranges)` });
        return z.NEVER;
      }
    }),
  VERSUS_SOURCES_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(1000),
  VERSUS_ANSWER_WORKERS: optionalString.pipe(
    z.coerce.number<string>().int().min(0, 'must be 0 (answer on the main thread) or more').max(64).optional(),
  ),
  VERSUS_BUSY_AFTER_MS: z.coerce.number().int().min(1).max(60_000).default(2_500),
  DISCORD_SHARDS: optionalString.pipe(
    z
      .union(
        [z.literal('auto'), z.coerce.number<string>().int(SHARDS_HINT).min(1, SHARDS_HINT).max(1000, SHARDS_HINT)],
        { message: SHARDS_HINT },
      )
      .optional(),
  ),
});

/** Every environment variable Versus reads (deploy/ manifests are tested against this list). */
export const ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/** Multi-workspace install through Slack OAuth v2 (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET). */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` that /slack/oauth_redirect verifies. */
  stateSecret: string;
  /** VERSUS_TOKEN_KEY: the key list bot tokens are encrypted with at rest (security/token-cipher.ts). */
  tokenKey: string;
}

export interface SlackConfig {
  /** Single-token mode: the one workspace's bot token. Absent in OAuth mode (each installation has its own). */
  botToken?: string | undefined;
  oauth?: SlackOAuthConfig | undefined;
  /** HTTP mode when set (requests are verified with it). */
  signingSecret?: string | undefined;
  /** Socket Mode when set. */
  appToken?: string | undefined;
  apiUrl?: string | undefined;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
  /**
   * Run one process per gateway shard (see adapters/discord/shards.ts): `auto` asks Discord how many, a
   * number fixes it. Unset: one process, one connection, as a bot under 2,500 guilds needs.
   */
  shards?: 'auto' | number | undefined;
}

/** Where shared state (polls, votes, schedules, walks, …) lives when it is not the SQLite file. */
export interface PostgresConfig {
  url: string;
  /** Connections this process keeps open (node-postgres pool size). */
  poolSize: number;
}

export interface Config {
  /** The SQLite file: the knowledge index always, and all shared state unless `postgres` is set. */
  dbPath: string;
  postgres?: PostgresConfig | undefined;
  knowledgeDir: string;
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** How often the scheduler closes due polls and posts due debate polls. */
  schedulerIntervalMs: number;
  /** Minimum time between two edits of one live poll message (platforms rate-limit edits). */
  pollUpdateIntervalMs: number;
  /** The language of Versus' own words where the platform names none (all of Slack; Discord DMs with an unknown locale). */
  locale: Locale;
  /** Non-public addresses `/versus sources add` may fetch from anyway (an intranet; a test's own server). */
  fetchAllow: AddressAllowList;
  /** How often each process picks up documents other replicas added. */
  sourcesPollMs: number;
  /** Worker threads computing answers (default one per core); 0 computes them on the main thread. */
  answerWorkers: number;
  /** An answer that would come later than this after its request gets the "busy" reply instead. */
  busyAfterMs: number;
  slack?: SlackConfig | undefined;
  discord?: DiscordConfig | undefined;
}

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** OAuth mode when all three of Bolt's OAuth variables are set; it needs the token key and HTTP mode. */
function slackOAuth(e: z.infer<typeof EnvSchema>, problems: string[]): SlackOAuthConfig | undefined {
  const missing = OAUTH_VARS.filter((k) => !e[k]);
  if (missing.length === OAUTH_VARS.length) return undefined;
  if (missing.length > 0) {
    problems.push(
      `  ${missing.join(', ')}: missing; OAuth (multi-workspace) mode needs all of ${OAUTH_VARS.join(', ')}`,
    );
    return undefined;
  }
  if (!e.VERSUS_TOKEN_KEY) {
    problems.push(
      "  VERSUS_TOKEN_KEY: missing; OAuth mode stores each workspace's bot token encrypted with it. Make one with `openssl rand -base64 32`",
    );
    return undefined;
  }
  try {
    tokenCipher(e.VERSUS_TOKEN_KEY);
  } catch (err) {
    problems.push(`  ${(err as Error).message}`);
    return undefined;
  }
  if (!e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    problems.push('  SLACK_SIGNING_SECRET: OAuth mode runs over HTTP: set it, and unset SLACK_APP_TOKEN (Socket Mode)');
    return undefined;
  }
  return {
    clientId: e.SLACK_CLIENT_ID!,
    clientSecret: e.SLACK_CLIENT_SECRET!,
    stateSecret: e.SLACK_STATE_SECRET!,
    tokenKey: e.VERSUS_TOKEN_KEY,
  };
}

function slackConfig(e: z.infer<typeof EnvSchema>, problems: string[]): SlackConfig | undefined {
  const before = problems.length;
  const oauth = slackOAuth(e, problems);
  if (problems.length > before) return undefined;
  const base = { signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL };
  if (oauth) return { ...base, oauth };
  if (!(e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) return undefined;
  if (!e.SLACK_BOT_TOKEN)
    problems.push(
      '  SLACK_BOT_TOKEN: missing; set it to the Bot User OAuth Token (xoxb-…) from your Slack app, set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth, or unset the other SLACK_* variables',
    );
  else if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN)
    problems.push(
      '  SLACK_SIGNING_SECRET: missing; set it (Basic Information → Signing Secret) for HTTP mode, or set SLACK_APP_TOKEN (xapp-…) for Socket Mode',
    );
  else return { ...base, botToken: e.SLACK_BOT_TOKEN };
  return undefined;
}

/** Environment → typed config. Throws VersusError('config_invalid') naming each bad variable and how to fix it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // jitless: read once per process, so zod's generated fast path would cost more to compile than it saves.
  const parsed = EnvSchema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new VersusError('config_invalid', `Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];

  const slack = slackConfig(e, problems);

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) {
    if (!e.DISCORD_TOKEN)
      problems.push(
        '  DISCORD_TOKEN: missing; set it to the bot token from the Discord Developer Portal (Bot → Reset Token)',
      );
    else if (!e.DISCORD_APPLICATION_ID)
      problems.push(
        '  DISCORD_APPLICATION_ID: missing; set it to the Application ID (General Information) of your Discord app',
      );
    else
      discord = {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        guildId: e.DISCORD_GUILD_ID,
        apiUrl: e.DISCORD_API_URL,
        shards: e.DISCORD_SHARDS,
      };
  }
  if (e.DISCORD_SHARDS !== undefined && !discord)
    problems.push(
      '  DISCORD_SHARDS: shards are Discord gateway connections; set DISCORD_TOKEN and DISCORD_APPLICATION_ID too',
    );

  if (problems.length > 0) throw new VersusError('config_invalid', `Invalid configuration:\n${problems.join('\n')}`);
  return {
    // `{shard}` gives each Discord shard process its own file (they all get the manager's environment).
    dbPath: shardPath(e.VERSUS_DB, shardOfThisProcess(env)),
    postgres: e.DATABASE_URL ? { url: e.DATABASE_URL, poolSize: e.VERSUS_PG_POOL } : undefined,
    knowledgeDir: e.KNOWLEDGE_DIR,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    schedulerIntervalMs: e.VERSUS_SCHEDULER_INTERVAL_MS,
    pollUpdateIntervalMs: e.VERSUS_POLL_UPDATE_INTERVAL_MS,
    locale: e.VERSUS_LOCALE,
    fetchAllow: e.VERSUS_ALLOW_PRIVATE_FETCH,
    sourcesPollMs: e.VERSUS_SOURCES_POLL_MS,
    answerWorkers: e.VERSUS_ANSWER_WORKERS ?? availableParallelism(),
    busyAfterMs: e.VERSUS_BUSY_AFTER_MS,
    slack,
    discord,
  };
}
