import { type Client, Events, type Interaction } from 'discord.js';
import { type Metrics, since } from '../../metrics/metrics.js';

/** Interactions awaiting their callback, at most; an interaction that never got one must not pin memory. */
const MAX_PENDING = 1_000;

/** `/interactions/<id>/<token>/callback`: the first response to an interaction, i.e. its acknowledgement. */
const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback/;

/**
 * Discord's side of the metrics: the time from an interaction's arrival to its callback (a reply, a
 * deferral or an update: whichever went first), 429s from the REST API, and the handlers in flight.
 */
export function watchDiscord(client: Client, metrics: Metrics, inFlight: () => number): void {
  const arrived = new Map<string, number>();
  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (arrived.size >= MAX_PENDING) arrived.delete(arrived.keys().next().value!);
    arrived.set(i.id, performance.now());
  });
  client.rest.on('response', (request, response) => {
    if (response.status === 429) metrics.apiRateLimited('discord');
    const id = CALLBACK.exec(request.path)?.[1];
    if (id === undefined) return;
    const began = arrived.get(id);
    if (began === undefined) return;
    arrived.delete(id);
    metrics.ack('discord', since(began));
  });
  metrics.watchQueue('discord', 'handlers', inFlight);
}
