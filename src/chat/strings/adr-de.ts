import type { adrEn } from './adr-en.js';

/** Decision records in German (our own translation). */
export const adrDe: typeof adrEn = {
  exportButton: '📝 Entscheidungseintrag exportieren',
};
