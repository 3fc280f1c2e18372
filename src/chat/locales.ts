import { type Locale, parseLocale } from '../locale.js';
import type { AnswerVisibility, Platform } from './context.js';
import type { ChatPort } from './port.js';
import { de } from './strings-de.js';
import { en, type Strings } from './strings-en.js';

export { LOCALE_NAMES, type Locale, parseLocale } from '../locale.js';

/** One catalogue per locale Versus ships; English is the default and the source of every key. */
export const CATALOGUES: Readonly<Record<Locale, Strings>> = { en, de };

/** Where a message goes, as far as its language is concerned. */
export interface Place {
  platform: Platform;
  workspaceId: string;
  /** Needed to find the channel's own language (`/versus settings language`). */
  channelId?: string | undefined;
  /** The channel's language, once read (Router.localised, Locales.at); beats everything else. */
  channelLocale?: Locale | undefined;
  /** Where the channel shows answers, read with its language for a request (Router.localised). */
  channelAnswers?: ChannelRow['answers'] | undefined;
  /** The locale the platform sent with the request (Discord: the server's, else the user's in a DM). */
  locale?: string | undefined;
}

/** A channel, as its stored language is looked up. */
export type ChannelPlace = Place & { channelId: string };

/** A channel's stored settings, as one row: its language tag (undefined: none set) and where answers show. */
export interface ChannelRow {
  locale: string | undefined;
  answers: AnswerVisibility;
}

/** Where channels' languages are stored (settings/settings-store.ts): a tag, or undefined when none is set. */
export interface ChannelLocaleSource {
  channelLocale(place: ChannelPlace): Promise<string | undefined>;
  /** Every setting of the channel in one read: a request needs its language and its answers' visibility. */
  channelRow?(place: ChannelPlace): Promise<ChannelRow>;
}

/**
 * How long a channel's language read for a message Versus sends on its own (a poll redraw, a scheduled poll)
 * is reused before it is read again. Requests always read it afresh (Router.localised), so a change made on
 * one replica applies to the next request on any other; an own-initiative message may lag by this much.
 */
export const CHANNEL_LOCALE_TTL_MS = 30_000;
const MAX_CACHED_CHANNELS = 10_000;

/** Everything but the catalogues: where channels' languages come from, and the cache's clock (tests). */
export interface LocalesOptions {
  channels?: ChannelLocaleSource | undefined;
  ttlMs?: number | undefined;
  now?: (() => number) | undefined;
}

/**
 * Which catalogue a message in a place uses: the channel's language an admin set, else the locale the
 * request carried, else the one its platform knows for the workspace (a Discord server's preferred locale:
 * so a poll re-rendered by the scheduler or by another user's vote keeps its language), else VERSUS_LOCALE
 * (Slack has no per-workspace locale).
 *
 * The channel's language lives in the database, yet `strings()` stays synchronous because dozens of call
 * sites use it with the request's context in hand: the router reads the channel's language once per request
 * into the context (`localised`), so every feature's `strings(ctx)` sees it. What Versus renders without a
 * request (poll redraws, scheduled polls) carries platform, workspace and channel and calls `at()`, which
 * reads the language through a small cache (CHANNEL_LOCALE_TTL_MS): a redraw storm costs no query per edit.
 */
export class Locales {
  private readonly cache = new Map<string, { locale: Locale | undefined; until: number }>();
  private readonly channels: ChannelLocaleSource | undefined;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    readonly fallback: Locale = 'en',
    private readonly ports: ReadonlyMap<Platform, ChatPort> = new Map(),
    opts: LocalesOptions = {},
  ) {
    this.channels = opts.channels;
    this.ttlMs = opts.ttlMs ?? CHANNEL_LOCALE_TTL_MS;
    this.now = opts.now ?? (() => performance.now());
  }

  locale(place: Place): Locale {
    return (
      place.channelLocale ??
      parseLocale(place.locale) ??
      parseLocale(this.ports.get(place.platform)?.placeLocale?.(place.workspaceId)) ??
      this.fallback
    );
  }

  strings(place: Place): Strings {
    return CATALOGUES[this.locale(place)];
  }

  /** The catalogue for a message Versus sends on its own in a channel (no request): the channel's language first. */
  async at(place: ChannelPlace): Promise<Strings> {
    return this.strings({ ...place, channelLocale: await this.channelLocale(place, false) });
  }

  /**
   * A request's context with its channel's settings read afresh (the router, once per request): the
   * language, and where answers show, so ask and compare need no second read of the same row.
   */
  async localised<C extends ChannelPlace>(ctx: C): Promise<C> {
    if (!this.channels?.channelRow || !ctx.channelId)
      return { ...ctx, channelLocale: await this.channelLocale(ctx, true) };
    const row = await this.channels.channelRow(ctx);
    this.remember(ctx, row.locale);
    return { ...ctx, channelLocale: parseLocale(row.locale), channelAnswers: row.answers };
  }

  /** After this process changed a channel's language: its own redraws use it at once. */
  remember(place: ChannelPlace, tag: string | undefined): void {
    // One entry per channel seen; a bot in more channels than this starts over rather than grow without end.
    if (this.cache.size >= MAX_CACHED_CHANNELS) this.cache.clear();
    this.cache.set(key(place), { locale: parseLocale(tag), until: this.now() + this.ttlMs });
  }

  private async channelLocale(place: ChannelPlace, fresh: boolean): Promise<Locale | undefined> {
    if (!this.channels || !place.channelId) return undefined;
    const hit = this.cache.get(key(place));
    if (!fresh && hit && hit.until > this.now()) return hit.locale;
    const tag = await this.channels.channelLocale(place);
    this.remember(place, tag);
    return parseLocale(tag);
  }
}

const key = (p: ChannelPlace) => `${p.platform}\u0000${p.workspaceId}\u0000${p.channelId}`;
