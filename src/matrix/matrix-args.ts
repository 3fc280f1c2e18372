import { err, ok, type Result } from '../chat/result.js';
import type { RichText } from '../chat/rich.js';
import { en, type Strings } from '../chat/strings-en.js';
import { MAX_PERCENT } from './weights.js';

type Mode = 'channel' | 'solo';
export type MatrixCommand =
  | { op: 'start'; mode: Mode }
  | { op: 'status'; mode?: Mode | undefined }
  | { op: 'cancel'; mode?: Mode | undefined }
  | { op: 'weights'; change?: WeightArgs | undefined };

/** `weights <factor> <weight>`, or `weights reset` (factor undefined): percent of the sources' weight. */
export interface WeightArgs {
  factor?: string | undefined;
  percent: number;
}

/** "2", "×1.5", "x0.5", "150%", "off", "on", "reset" → percent of the sources' weight. */
export function parseWeight(text: string): number | undefined {
  const w = text.trim().toLowerCase();
  if (w === 'off') return 0;
  if (w === 'on' || w === 'reset' || w === 'default') return 100;
  const m = /^(?:[×x*])?(\d+(?:\.\d+)?)(%)?$/.exec(w);
  if (!m) return undefined;
  const percent = Math.round(m[2] ? Number(m[1]) : Number(m[1]) * 100);
  return percent >= 0 && percent <= MAX_PERCENT ? percent : undefined;
}

function parseWeights(words: string[], t: Strings): Result<MatrixCommand, RichText> {
  if (words.length === 0) return ok({ op: 'weights' });
  if (words.length === 1 && words[0] === 'reset') return ok({ op: 'weights', change: { percent: 100 } });
  const percent = words.length === 2 ? parseWeight(words[1]!) : undefined;
  if (percent === undefined) return err(t.weights.usage());
  return ok({ op: 'weights', change: { factor: words[0]!, percent } });
}

/**
 * `/versus matrix [start|solo|status [solo|channel]|cancel [solo|channel]|weights …]` → MatrixCommand; a
 * mistake is explained in the place's language (`t`).
 */
export function parseMatrixArgs(args: string, t: Strings = en): Result<MatrixCommand, RichText> {
  const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [sub = '', which, extra] = words;
  if (sub === 'weights') return parseWeights(words.slice(1), t);
  const mode = which === 'solo' || which === 'channel' ? which : undefined;
  if (extra !== undefined || (which !== undefined && !mode)) return err(t.walk.usage());
  if ((sub === '' || sub === 'start') && !which) return ok({ op: 'start', mode: 'channel' });
  if (sub === 'solo' && !which) return ok({ op: 'start', mode: 'solo' });
  if (sub === 'status' || sub === 'cancel') return ok({ op: sub, mode });
  return err(t.walk.usage());
}
