import { z } from 'zod';
import { actionCodec, idPart } from '../chat/action-id.js';

/** Buttons on the home: `v1:home:newpoll`, `v1:home:rmsched:<scheduleId>`. */
export const homeAction = actionCodec(
  'home',
  ['op', 'id'],
  z
    .object({ op: z.enum(['newpoll', 'rmsched']), id: z.string().regex(new RegExp(idPart())).optional() })
    .refine((a) => (a.op === 'rmsched') === (a.id !== undefined)),
);
