import { md } from '../rich.js';
import type { homeEn } from './home-en.js';

/** `/versus home` auf Deutsch. */
export const homeDe: typeof homeEn = {
  polls: 'Deine offenen Umfragen',
  poll: (question, where, closes) => md`• „${question}“ in ${where} — endet ${closes}`,
  noPolls: () => md`Keine. Starte eine mit \`/versus poll\`.`,
  walks: 'Deine Durchgänge durch die Entscheidungsmatrix',
  walk: (solo, where, step) =>
    md`• ${solo ? 'Eigener Durchgang' : 'Channel-Durchgang'} in ${where}, bei Schritt ${step}`,
  noWalks: () => md`Keine. Starte einen mit \`/versus matrix\`.`,
  schedules: 'Deine geplanten Streitfrage-Umfragen',
  schedule: (spec, where, next) => md`• ${spec} in ${where} — nächste ${next}`,
  noSchedules: 'Keine.',
  newPoll: 'Neue Umfrage',
  removeSchedule: (id) => `Zeitplan ${id} entfernen`,
};
