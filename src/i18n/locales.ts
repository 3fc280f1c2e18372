import type { Platform } from '../chat/context.js';
import type { ChatPort } from '../chat/port.js';
import { de } from './de.js';
import { deCommands } from './de-commands.js';
import { en, type Strings } from './en.js';

/** One catalogue per locale Versus ships; English is the default and the source of every key. */
export const CATALOGUES = { en, de } as const satisfies Record<string, Strings>;

export type Locale = keyof typeof CATALOGUES;

/** Discord command words per Discord locale code; English is the built JSON itself (adapters/discord/commands.ts). */
export const DISCORD_COMMANDS = { de: deCommands } as const;

export const LOCALE_NAMES = Object.keys(CATALOGUES) as Locale[];

/**
 * A platform's locale tag to one Versus ships: Discord's `de`, `en-US`, `es-ES`; Slack's or a setting's
 * `de-DE`, `en`. Only the language counts (every German variant gets German); an unknown one is undefined.
 */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return language && language in CATALOGUES ? (language as Locale) : undefined;
}

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
