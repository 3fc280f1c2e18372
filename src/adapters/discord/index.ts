import { type Client, Events, ShardClientUtil } from 'discord.js';
import type { VersusHandler } from '../../chat/handler.js';
import type { ChatPort } from '../../chat/port.js';
import type { DiscordConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { ADAPTER_DRAIN_MS } from '../../runtime/shutdown.js';
import type { PageStoreOptions } from '../shared/page-store.js';
import { connect } from './client.js';
import { attachListeners, InFlight } from './listeners.js';
import { watchDiscord } from './metrics.js';
import { DiscordPages } from './pages.js';
import { DiscordPort } from './port.js';

export { commandDefinitions, SUBCOMMANDS } from './commands.js';
export { registerCommands } from './register.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  handler: VersusHandler;
  logger: Logger;
  /** Defer an interaction when the core has not answered after this long (Discord's limit is 3 s). Default 1,500 ms. */
  deferAfterMs?: number | undefined;
  /** Give up connecting when READY and the guilds have not arrived after this long. Default 60 s. */
  readyTimeoutMs?: number | undefined;
  /** How long stop() waits for handlers in flight. Default ADAPTER_DRAIN_MS (5 s). */
  stopTimeoutMs?: number | undefined;
  /** The in-memory store of paged replies (see shared/page-store.ts); its clock ages them. */
  pages?: PageStoreOptions | undefined;
  /** Interaction acks, REST 429s and handlers in flight are recorded here. */
  metrics?: Metrics | undefined;
}

export interface DiscordAdapter {
  /** Connects to the gateway; resolves when READY and every guild have arrived. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For core.registerPort(): scheduled polls, re-renders and exports go out through it. */
  port: ChatPort;
  /** Connected and ready (for /readyz). */
  ready(): boolean;
  /** False when Discord refused the Message Content intent and Versus runs without it. */
  hasMessageContent(): boolean;
  /** The live discord.js client, for diagnostics and tests. */
  client(): Client | undefined;
}

/** The Discord adapter: discord.js gateway client + listeners + Components V2 renderer + ChatPort. */
export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const log = opts.logger.child({ adapter: 'discord' });
  const pages = new DiscordPages(log, opts.pages);
  let client: Client | undefined;
  const port = new DiscordPort(() => client, pages, log);
  const deps = { handler: opts.handler, pages, log, admins: port, deferAfterMs: opts.deferAfterMs ?? 1500 };
  const inFlight = new InFlight();
  let messageContent = false;
  let stopped = false;

  return {
    async start() {
      stopped = false;
      const connected = await connect({
        config: opts.config,
        log,
        attach: (c) => {
          attachListeners(c, deps, inFlight);
          if (opts.metrics) watchDiscord(c, opts.metrics, () => inFlight.size);
        },
        readyTimeoutMs: opts.readyTimeoutMs ?? 60_000,
      });
      client = connected.client;
      messageContent = connected.messageContent;
      if (stopped) {
        // stop() was called while connecting.
        await client.destroy();
        client = undefined;
        return;
      }
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, messageContent }, 'discord: connected');
      checkSetup(client, opts.config, log);
    },
    async stop() {
      stopped = true;
      const c = client;
      // Take no new events, let the ones in flight answer (up to 5 s), then disconnect.
      c?.removeAllListeners(Events.InteractionCreate).removeAllListeners(Events.MessageCreate);
      await inFlight.drain(opts.stopTimeoutMs ?? ADAPTER_DRAIN_MS);
      client = undefined;
      pages.clear();
      // Our own disconnect is not news: silence the reconnect/disconnect warnings first.
      c?.removeAllListeners(Events.ShardReconnecting).removeAllListeners(Events.ShardDisconnect);
      await c?.destroy();
    },
    port,
    ready: () => !!client?.isReady(),
    hasMessageContent: () => messageContent,
    client: () => client,
  };
}

/** Mistakes that connect fine but leave /versus dead: say so at start rather than leave users guessing. */
function checkSetup(client: Client, config: DiscordConfig, log: Logger): void {
  const appId = client.application?.id;
  if (appId && appId !== config.applicationId) {
    log.warn(
      { configured: config.applicationId, token: appId },
      'discord: DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN; commands registered for it never reach this bot',
    );
  }
  // A shard only has the guilds Discord routes to it: the configured one may well live on another shard.
  const ownsGuild = (id: string) =>
    !client.shard || client.shard.ids.includes(ShardClientUtil.shardIdForGuildId(id, client.shard.count));
  if (config.guildId && ownsGuild(config.guildId) && !client.guilds.cache.has(config.guildId)) {
    log.warn(
      { guildId: config.guildId },
      'discord: the bot is not in DISCORD_GUILD_ID; invite it (see docs/discord.md) or the guild commands cannot be used',
    );
  }
}
