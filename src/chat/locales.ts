import { type Locale, parseLocale } from '../locale.js';
import type { Platform } from './context.js';
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
  /** The locale the platform sent with the request (Discord: the server's, else the user's in a DM). */
  locale?: string | undefined;
}

/**
 * Which catalogue a message in a place uses: the locale the request carried, else the one its platform
 * knows for the workspace (a Discord server's preferred locale: so a poll re-rendered by the scheduler or by
 * another user's vote keeps its language), else VERSUS_LOCALE (Slack has no per-workspace locale).
 */
export class Locales {
  constructor(
    readonly fallback: Locale = 'en',
    private readonly ports: ReadonlyMap<Platform, ChatPort> = new Map(),
  ) {}

  locale(place: Place): Locale {
    return (
      parseLocale(place.locale) ??
      parseLocale(this.ports.get(place.platform)?.placeLocale?.(place.workspaceId)) ??
      this.fallback
    );
  }

  strings(place: Place): Strings {
    return CATALOGUES[this.locale(place)];
  }
}
