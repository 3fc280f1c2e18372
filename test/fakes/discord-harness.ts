import type { DestinationStream } from 'pino';
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from '../../src/adapters/discord/index.js';
import type { VersusHandler } from '../../src/chat/handler.js';
import type { Core, CoreOptions } from '../../src/core.js';
import { createLogger } from '../../src/logger.js';
import { testCore } from '../helpers/core.js';
import { FakeDiscord, IDS, type Json } from './discord-fake.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino destination that keeps the parsed lines, so tests can assert on what was logged. */
export function memoryLog(): { stream: DestinationStream; lines: LogLine[] } {
  const lines: LogLine[] = [];
  return { lines, stream: { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) } };
}

export interface Harness {
  fake: FakeDiscord;
  core: Core;
  adapter: DiscordAdapter;
  logs: LogLine[];
  stop(): Promise<void>;
}

/**
 * The real adapter (discord.js client) connected to a fake Discord, driving the real core (real SQLite,
 * fixture knowledge unless told otherwise). `wrap` may put a test double around the core's handler (e.g. to make it slow).
 */
export async function startHarness(
  opts: {
    wrap?: (real: VersusHandler) => VersusHandler;
    adapter?: Partial<DiscordAdapterOptions>;
    before?: (fake: FakeDiscord) => void;
    knowledgeDir?: string;
    core?: Partial<CoreOptions>;
  } = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start();
  opts.before?.(fake);
  const core = await testCore(opts.knowledgeDir, undefined, opts.core);
  const log = memoryLog();
  const handler = opts.wrap ? opts.wrap(core.handler) : core.handler;
  const adapter = createDiscordAdapter({
    config: fake.config(),
    handler,
    logger: createLogger('debug', log.stream),
    ...opts.adapter,
  });
  core.registerPort(adapter.port);
  await adapter.start();
  return {
    fake,
    core,
    adapter,
    logs: log.lines,
    async stop() {
      await adapter.stop();
      await core.close();
      await fake.stop();
    },
  };
}

/** Messages the bot created in a channel or thread via POST /channels/:id/messages. */
export function postsIn(fake: FakeDiscord, channelId: string): Json[] {
  return fake.rest
    .find('POST', new RegExp(`^/channels/${channelId}/messages$`))
    .filter((r) => r.status < 300)
    .map((r) => r.body);
}

/** All custom ids of the buttons in a message body. */
/** Every button's custom_id in a message body, in action rows at any depth (Components V2 nests them). */
export function buttonIds(body: Json): string[] {
  const out: string[] = [];
  const walk = (c: Json) => {
    if (c.type === 2 && c.custom_id) out.push(c.custom_id as string);
    for (const child of (c.components ?? []) as Json[]) walk(child);
    if (c.accessory) walk(c.accessory);
  };
  for (const c of (body?.components ?? []) as Json[]) walk(c);
  return out;
}

/** A button's custom id by its label, at any depth of a message's components (throws when there is none). */
export function buttonLabelled(body: Json, label: RegExp): string {
  const found: string[] = [];
  const walk = (c: Json) => {
    if (c.type === 2 && label.test(String(c.label))) found.push(c.custom_id as string);
    for (const child of (c.components ?? []) as Json[]) walk(child);
    if (c.accessory) walk(c.accessory);
  };
  for (const c of (body?.components ?? []) as Json[]) walk(c);
  if (!found[0]) throw new Error(`no button ${label} in ${JSON.stringify(body?.components)}`);
  return found[0];
}

/** Text displays of a Components V2 body, in order (containers and sections included). */
export function v2Text(body: Json): string {
  const out: string[] = [];
  const walk = (c: Json) => {
    if (c.type === 10) out.push(c.content as string);
    for (const child of (c.components ?? []) as Json[]) walk(child);
  };
  for (const c of (body?.components ?? []) as Json[]) walk(c);
  return out.join('\n');
}

/** All text of a message body: its embeds (titles, descriptions, fields, footers) or its V2 text displays. */
export function embedText(body: Json): string {
  const embeds = ((body?.embeds ?? []) as Json[])
    .map((e) =>
      [e.title, e.description, ...((e.fields ?? []) as Json[]).map((f) => `${f.name}\n${f.value}`), e.footer?.text]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  return [embeds, v2Text(body)].filter(Boolean).join('\n');
}

/** `startHarness({ before: serverLocale('de') })`: the test server's preferred locale, sent as guild_locale. */
export const serverLocale = (locale: string) => (fake: FakeDiscord) => {
  fake.state.guilds.get(IDS.guild)!.preferred_locale = locale;
};
