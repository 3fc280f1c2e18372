import { z } from 'zod';
import { actionCodec, idPart } from '../chat/action-id.js';
import type { Button } from '../chat/reply.js';

/** "Export decision record": `v1:adr:w:<walkId>` under a finished walk, `v1:adr:v:<contextId>` under a verdict. */
export const adrAction = actionCodec(
  'adr',
  ['kind', 'id'],
  z.object({ kind: z.enum(['w', 'v']), id: z.string().regex(new RegExp(idPart())) }),
);

export const exportButton = (kind: 'w' | 'v', id: string): Button => ({
  actionId: adrAction.encode({ kind, id }),
  label: '📝 Export decision record',
});
