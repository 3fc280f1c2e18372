// One locale's catalogue loaded on its own, for a process that speaks only VERSUS_LOCALE (a one-shot CLI
// command): locales.ts loads every locale's, and German alone is 15 modules a `versus ask` need not load.
import type { Locale } from '../locale.js';
import type { Strings } from './strings-en.js';

const LOADERS: Readonly<Record<Locale, () => Promise<Strings>>> = {
  en: async () => (await import('./strings-en.js')).en,
  de: async () => (await import('./strings-de.js')).de,
};

export const loadCatalogue = (locale: Locale): Promise<Strings> => LOADERS[locale]();
