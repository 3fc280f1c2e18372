import { z } from 'zod';
import { type ActionOf, actionCodec, idPart } from '../chat/action-id.js';
import { MAX_OPTIONS } from './poll-args.js';

/** Poll buttons: `v1:poll:vote:<pollId>:<option>`, `v1:poll:close:<pollId>`, `v1:poll:results:<pollId>`. */
export const pollAction = actionCodec(
  'poll',
  ['op', 'pollId', 'option'],
  z.object({
    op: z.enum(['vote', 'close', 'results']),
    pollId: z.string().regex(new RegExp(idPart())),
    option: z.coerce
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1)
      .optional(),
  }),
);

export type PollAction = ActionOf<typeof pollAction>;
