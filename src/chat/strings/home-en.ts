import { md, type Rich, type RichText, type Span } from '../rich.js';

/** `/versus home` (Slack's Home tab): what one person takes part in. */
export const homeEn = {
  polls: 'Your open polls',
  poll: (question: string, where: Span, closes: string): Rich => md`• “${question}” in ${where} — closes ${closes}`,
  noPolls: (): RichText => md`None. Start one with \`/versus poll\`.`,
  walks: 'Your decision-matrix walks',
  walk: (solo: boolean, where: Span, step: number): Rich =>
    md`• ${solo ? 'Solo walk' : 'Channel walk'} in ${where}, at step ${step}`,
  noWalks: (): RichText => md`None. Start one with \`/versus matrix\`.`,
  schedules: 'Debate polls you scheduled',
  schedule: (spec: string, where: Span, next: string): Rich => md`• ${spec} in ${where} — next ${next}`,
  noSchedules: 'None.',
  newPoll: 'New poll',
  removeSchedule: (id: string) => `Remove schedule ${id}`,
};
