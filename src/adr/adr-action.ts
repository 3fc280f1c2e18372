import { z } from 'zod';
import { actionCodec, idPart } from '../chat/action-id.js';
import type { Button } from '../chat/reply.js';
import { en, type Strings } from '../chat/strings-en.js';

/** "Export decision record": `v1:adr:w:<walkId>` under a finished walk, `v1:adr:v:<contextId>` under a verdict. */
export const adrAction = actionCodec(
  'adr',
  ['kind', 'id'],
  z.object({ kind: z.enum(['w', 'v']), id: z.string().regex(new RegExp(idPart())) }),
);

export const exportButton = (kind: 'w' | 'v', id: string, t: Strings = en): Button => ({
  actionId: adrAction.encode({ kind, id }),
  label: t.adr.exportButton,
});
