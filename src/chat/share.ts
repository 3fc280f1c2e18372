import { z } from 'zod';
import { actionCodec, idPart } from './action-id.js';
import type { ChatContext } from './context.js';
import type { ConversationStore } from './conversation-store.js';
import type { ActionOutcome } from './handler.js';
import { usageReply } from './help.js';
import type { Reply } from './reply.js';
import { md, mention } from './rich.js';

/** "Share with channel" under a private answer: `v1:share:<contextId>` (the answer is kept in SQLite). */
export const shareAction = actionCodec(
  'share',
  ['contextId'],
  z.object({ contextId: z.string().regex(new RegExp(idPart())) }),
);

/** What was kept: the public form of the answer, checked loosely (it is our own, but may predate an upgrade). */
const Shared = z.object({
  visibility: z.literal('channel'),
  title: z.string().optional(),
  blocks: z.array(z.object({ type: z.string() }).loose()),
  buttons: z.array(z.object({ actionId: z.string(), label: z.string() }).loose()).optional(),
});

/**
 * The private form of a public answer: only the asker sees it, with a Share button that posts exactly this
 * answer (kept in the conversation store) to the channel. Replies that are already private pass through.
 */
export async function privately(reply: Reply, conversations: ConversationStore): Promise<Reply> {
  if (reply.visibility !== 'channel') return reply;
  const contextId = await conversations.saveContext('share', reply);
  return {
    ...reply,
    visibility: 'ephemeral',
    buttons: [
      { actionId: shareAction.encode({ contextId }), label: 'Share with channel', style: 'primary' },
      ...(reply.buttons ?? []),
    ],
  };
}

/** Share: the answer goes to the channel attributed to the sharer; the private copy says it was shared. */
export async function share(
  contextId: string,
  ctx: ChatContext,
  conversations: ConversationStore,
): Promise<ActionOutcome> {
  const saved = Shared.safeParse(await conversations.loadContext('share', contextId));
  if (!saved.success) return { reply: usageReply('That answer is too old to share. Ask again.') };
  const answer = saved.data as Reply;
  return {
    update: {
      ...answer,
      visibility: 'ephemeral',
      blocks: [...answer.blocks, { type: 'context', text: 'You shared this with the channel.' }],
    },
    reply: { ...answer, blocks: [...answer.blocks, { type: 'context', text: md`Shared by ${mention(ctx.userId)}` }] },
  };
}
