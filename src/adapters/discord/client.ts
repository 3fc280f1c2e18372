import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { VersusError } from '../../errors.js';
import type { Logger } from '../../logger.js';

/** Guilds: slash commands, channels, threads. GuildMessages: @mentions. MessageContent (privileged): follow-ups in threads. */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
] as const;
const WITHOUT_MESSAGE_CONTENT = INTENTS.filter((i) => i !== GatewayIntentBits.MessageContent);

export const MESSAGE_CONTENT_HINT =
  'The bot is not allowed the Message Content intent (gateway close 4014), so Versus runs without it: slash commands, buttons ' +
  'and @mentions work, but plain follow-up messages in a thread (without @Versus) cannot be read and get no answer. ' +
  'Enable it in the Discord Developer Portal → your app → Bot → Privileged Gateway Intents → Message Content Intent, then restart.';

/**
 * discord.js appends `/v10/…` to `rest.api`, so a configured `…/api/v10` or trailing slash is trimmed.
 * The gateway URL is not configured: it comes from GET /gateway/bot on that API.
 */
export function restApiBase(apiUrl: string | undefined): string | undefined {
  return apiUrl?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

export function createClient(config: DiscordConfig, intents: readonly GatewayIntentBits[]): Client {
  const api = restApiBase(config.apiUrl);
  return new Client({
    intents: [...intents],
    // Messages in threads discord.js has not cached (created while we were away) still arrive; we fetch the thread.
    partials: [Partials.Channel],
    // Every REST call is bounded: 5 s per attempt, 2 retries (discord.js waits out rate limits per route,
    // so one limited route does not hold the others).
    rest: { ...(api ? { api } : {}), timeout: 5_000, retries: 2 },
    // Claims quote people and articles; never let a quoted @everyone or role ping anyone.
    allowedMentions: { parse: [] },
  });
}

class DisallowedIntents extends Error {}

/** Logs in and waits for READY plus every guild (ClientReady). Throws VersusError with what to fix. */
async function loginOnce(
  config: DiscordConfig,
  intents: readonly GatewayIntentBits[],
  attach: (c: Client) => void,
  readyTimeoutMs: number,
): Promise<Client> {
  const client = createClient(config, intents);
  attach(client);
  let closeCode: number | undefined;
  client.on(Events.ShardDisconnect, (event) => (closeCode = event.code));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  try {
    await client.login(config.token);
    await Promise.race([
      ready,
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no READY within ${readyTimeoutMs} ms`)), readyTimeoutMs)),
      ),
    ]);
    return client;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    const message = (err as Error)?.message ?? String(err);
    if (closeCode === GatewayCloseCodes.DisallowedIntents || /disallowed intents/i.test(message))
      throw new DisallowedIntents(message);
    if (closeCode === GatewayCloseCodes.AuthenticationFailed || /token|authentication failed/i.test(message)) {
      throw new VersusError(
        'platform_error',
        `Discord rejected the bot token (${message}). Set DISCORD_TOKEN to the token from Developer Portal → Bot → Reset Token.`,
        { cause: err },
      );
    }
    throw new VersusError('platform_error', `Could not connect to Discord: ${message}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects with all intents; if Discord refuses the privileged Message Content intent (close 4014), connects
 * again without it and says what that costs and how to enable it.
 */
export async function connect(opts: {
  config: DiscordConfig;
  log: Logger;
  attach: (c: Client) => void;
  readyTimeoutMs: number;
}): Promise<{ client: Client; messageContent: boolean }> {
  try {
    return { client: await loginOnce(opts.config, INTENTS, opts.attach, opts.readyTimeoutMs), messageContent: true };
  } catch (err) {
    if (!(err instanceof DisallowedIntents)) throw err;
    opts.log.warn({ closeCode: GatewayCloseCodes.DisallowedIntents }, MESSAGE_CONTENT_HINT);
    return {
      client: await loginOnce(opts.config, WITHOUT_MESSAGE_CONTENT, opts.attach, opts.readyTimeoutMs),
      messageContent: false,
    };
  }
}
