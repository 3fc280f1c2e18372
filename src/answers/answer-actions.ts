import { z } from 'zod';
import { actionCodec, idPart } from '../chat/action-id.js';

/** How far "More sources" may page into one answer. */
export const MAX_PAGE_OFFSET = 10_000;

/** "More sources": `v1:more:<answerId>:<offset>` (the question is kept in the answer's record). */
export const moreAction = actionCodec(
  'more',
  ['answerId', 'offset'],
  z.object({
    answerId: z.string().regex(new RegExp(idPart())),
    offset: z.coerce.number().int().min(0).max(MAX_PAGE_OFFSET),
  }),
);

/** "Compare <topic>" under an answer: `v1:cmp:<topic>`. */
export const compareAction = actionCodec('cmp', ['topic'], z.object({ topic: z.string().regex(/^[a-z0-9-]{1,40}$/) }));
