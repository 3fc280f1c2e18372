import { z } from 'zod';
import { actionCodec, idPart } from '../chat/action-id.js';
import type { Button } from '../chat/reply.js';
import { en, type Strings } from '../chat/strings-en.js';

/** "Helpful" / "Not helpful" under an answer: `v1:fb:<answerId>:<up|down>`. */
export const feedbackAction = actionCodec(
  'fb',
  ['answerId', 'vote'],
  z.object({ answerId: z.string().regex(new RegExp(idPart(20))), vote: z.enum(['up', 'down']) }),
);

/** The two feedback buttons every answer ends with. */
export function feedbackButtons(answerId: string, t: Strings = en): Button[] {
  return [
    { actionId: feedbackAction.encode({ answerId, vote: 'up' }), label: t.answers.helpful },
    { actionId: feedbackAction.encode({ answerId, vote: 'down' }), label: t.answers.notHelpful },
  ];
}
