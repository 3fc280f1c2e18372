import { z } from 'zod';
import { err, ok, type Result } from '../chat/result.js';
import { issueText, type RichText } from '../chat/rich.js';

export type MatrixCommand = { op: 'start'; mode: 'channel' | 'solo' } | { op: 'status' } | { op: 'cancel' };

const Sub = z.enum(['', 'start', 'solo', 'status', 'cancel'], {
  error: '`/versus matrix` starts or resumes the walk here; also `/versus matrix solo`, `status` or `cancel`.',
});

/** `/versus matrix [start|solo|status|cancel]` → MatrixCommand. */
export function parseMatrixArgs(args: string): Result<MatrixCommand, RichText> {
  const sub = Sub.safeParse(args.trim().toLowerCase());
  if (!sub.success) return err(issueText(sub.error));
  switch (sub.data) {
    case '':
    case 'start':
      return ok({ op: 'start', mode: 'channel' });
    case 'solo':
      return ok({ op: 'start', mode: 'solo' });
    case 'status':
    case 'cancel':
      return ok({ op: sub.data });
  }
}
