import { type Client, Events, type Interaction } from 'discord.js';
import {
  apologize,
  type InteractionDeps,
  onAutocomplete,
  onButton,
  onChatInput,
  onModalSubmit,
} from './interactions.js';
import { onMessage } from './messages.js';

/** Handlers still running, so stop() can let them finish before the connection goes. */
export class InFlight {
  private readonly running = new Set<Promise<void>>();

  track(work: Promise<void>): void {
    this.running.add(work);
    const done = () => void this.running.delete(work);
    work.then(done, done);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when every tracked handler has finished, or after `ms`. */
  async drain(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
  }
}

/**
 * Wires discord.js events to the handlers. Every handler runs inside a catch: a failure is logged with
 * pino (and, for interactions, the user is told), and never becomes an unhandled rejection.
 */
export function attachListeners(client: Client, d: InteractionDeps, inFlight: InFlight): void {
  client.on(Events.InteractionCreate, (i: Interaction) => {
    const started = performance.now();
    let work: Promise<void> | undefined;
    if (i.isChatInputCommand())
      work = onChatInput(i, d).catch(async (err: unknown) => {
        d.log.error({ err, interaction: i.id, command: i.commandName }, 'discord: slash command failed');
        await apologize(i, d);
      });
    else if (i.isAutocomplete())
      work = onAutocomplete(i, d).catch((err: unknown) => {
        d.log.error({ err, interaction: i.id }, 'discord: autocomplete failed');
      });
    else if (i.isButton())
      work = onButton(i, d).catch(async (err: unknown) => {
        d.log.error({ err, interaction: i.id, customId: i.customId }, 'discord: button failed');
        await apologize(i, d);
      });
    else if (i.isModalSubmit())
      work = onModalSubmit(i, d).catch((err: unknown) => {
        d.log.error({ err, interaction: i.id, customId: i.customId }, 'discord: form submission failed');
      });
    if (work)
      inFlight.track(
        work.then(() =>
          d.log.debug(
            { interaction: i.id, type: i.type, ms: Math.round(performance.now() - started) },
            'discord: interaction answered',
          ),
        ),
      );
  });

  client.on(Events.MessageCreate, (message) => {
    inFlight.track(
      onMessage(message, d).catch((err: unknown) => {
        d.log.error({ err, message: message.id, channel: message.channelId }, 'discord: message handling failed');
      }),
    );
  });

  // An 'error' event without a listener would crash the process.
  client.on(Events.Error, (err) => d.log.error({ err }, 'discord: client error'));
  client.on(Events.ShardError, (err, shardId) =>
    d.log.warn({ err, shardId }, 'discord: gateway connection error (discord.js reconnects)'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) =>
    d.log.warn({ code: event.code, shardId }, 'discord: gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => d.log.info({ shardId }, 'discord: gateway reconnecting'));
  client.on(Events.Warn, (message) => d.log.warn(`discord.js: ${message}`));
  client.on(Events.Debug, (message) => d.log.trace(`discord.js: ${message}`));
  client.rest.on('rateLimited', (info) =>
    d.log.warn(
      { route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global },
      'discord: rate limited; waiting and retrying',
    ),
  );
}
