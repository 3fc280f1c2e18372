import { z } from 'zod';
import { actionCodec, idPart } from '../chat/action-id.js';
import type { Button } from '../chat/reply.js';
import { en, type Strings } from '../chat/strings-en.js';

/** Refine under a verdict: `v1:vr:<contextId>:<channel|solo>` (the shared copy walks with the channel). */
export const refineAction = actionCodec(
  'vr',
  ['contextId', 'mode'],
  z.object({ contextId: z.string().regex(new RegExp(idPart())), mode: z.enum(['channel', 'solo']) }),
);

export const refineButton = (contextId: string, mode: 'channel' | 'solo', t: Strings = en): Button => ({
  actionId: refineAction.encode({ contextId, mode }),
  label: mode === 'channel' ? t.verdict.refineChannel : t.verdict.refine,
  style: 'primary',
});
