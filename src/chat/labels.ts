import type { ClaimKind, Side } from '../knowledge/types.js';

/** How every renderer marks a claim's side. */
export const SIDE_ICON: Record<Side, string> = { go: '🐹', python: '🐍', both: '⚖️' };

/** How a claim's kind is named next to it; plain facts are not marked. */
export const KIND_LABEL: Record<ClaimKind, string> = {
  benchmark: 'benchmark',
  anecdote: 'anecdote',
  fact: '',
  opinion: 'opinion',
  recommendation: 'advice',
};

/** Cuts to `max` characters with an ellipsis; only for labels whose full text is shown elsewhere. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The text with its first character upper-cased ("channel walk" → "Channel walk"). */
export const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
