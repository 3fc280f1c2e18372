import { err, ok, type Result } from '../chat/result.js';
import type { RichText } from '../chat/rich.js';

type Mode = 'channel' | 'solo';
export type MatrixCommand =
  | { op: 'start'; mode: Mode }
  | { op: 'status'; mode?: Mode | undefined }
  | { op: 'cancel'; mode?: Mode | undefined };

const USAGE =
  '`/versus matrix` starts or resumes the walk here; also `/versus matrix solo`, `status [solo|channel]` or `cancel [solo|channel]`.';

/** `/versus matrix [start|solo|status [solo|channel]|cancel [solo|channel]]` → MatrixCommand. */
export function parseMatrixArgs(args: string): Result<MatrixCommand, RichText> {
  const [sub = '', which, extra] = args.trim().toLowerCase().split(/\s+/);
  const mode = which === 'solo' || which === 'channel' ? which : undefined;
  if (extra !== undefined || (which !== undefined && !mode)) return err(USAGE);
  if ((sub === '' || sub === 'start') && !which) return ok({ op: 'start', mode: 'channel' });
  if (sub === 'solo' && !which) return ok({ op: 'start', mode: 'solo' });
  if (sub === 'status' || sub === 'cancel') return ok({ op: sub, mode });
  return err(USAGE);
}
