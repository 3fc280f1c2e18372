import { z } from 'zod';
import { type ActionOf, actionCodec, idPart } from '../chat/action-id.js';

/** The most steps a matrix may have; bounds the step field of a walk button. */
export const MAX_STEPS = 200;

/** Walk buttons: `v1:mx:<op>:<sessionId>:<step>[:<answer>]`. The step makes a stale button fail clearly. */
export const walkAction = actionCodec(
  'mx',
  ['op', 'sessionId', 'step', 'value'],
  z.object({
    op: z.enum(['answer', 'next', 'back', 'skip', 'finish', 'cancel']),
    sessionId: z.string().regex(new RegExp(idPart())),
    step: z.coerce.number().int().min(0).max(MAX_STEPS),
    value: z
      .string()
      .regex(/^[a-z0-9-]{1,20}$/)
      .optional(),
  }),
);

export type WalkAction = ActionOf<typeof walkAction>;
