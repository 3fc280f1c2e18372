/**
 * The locales Versus ships a catalogue for (chat/locales.ts holds the catalogues). A leaf module, so
 * config.ts can check VERSUS_LOCALE without importing the chat framework.
 */
export const LOCALE_NAMES = ['en', 'de'] as const;

export type Locale = (typeof LOCALE_NAMES)[number];

/**
 * A platform's locale tag to one Versus ships: Discord's `de`, `en-US`, `es-ES`; Slack's or a setting's
 * `de-DE`, `en`. Only the language counts (every German variant gets German); an unknown one is undefined.
 */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALE_NAMES as readonly string[]).find((l) => l === language) as Locale | undefined;
}
