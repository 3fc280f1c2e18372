import { z } from 'zod';
import { actionCodec, idPart } from './action-id.js';
import type { AnswerRecords } from './answer-records.js';
import type { ChatContext } from './context.js';
import type { ConversationStore } from './conversation-store.js';
import type { ActionOutcome } from './handler.js';
import { usageReply } from './help.js';
import { ephemeral, type Reply } from './reply.js';
import { md, mention } from './rich.js';
import { inScope } from './scope.js';
import { en, type Strings } from './strings-en.js';

/** "Share with channel" under a private answer: `v1:share:<contextId>` (the answer is kept in SQLite). */
export const shareAction = actionCodec(
  'share',
  ['contextId'],
  z.object({ contextId: z.string().regex(new RegExp(idPart())) }),
);

/** What was kept: the answer's id and its public form, checked loosely (our own, but it may predate an upgrade). */
const Shared = z.object({
  answerId: z.string(),
  reply: z.object({
    visibility: z.literal('channel'),
    title: z.string().optional(),
    blocks: z.array(z.object({ type: z.string() }).loose()),
    buttons: z.array(z.object({ actionId: z.string(), label: z.string() }).loose()).optional(),
  }),
});

/**
 * The private form of a public answer: only the asker sees it, with a Share button that posts exactly this
 * answer (kept in the conversation store) to the channel. Replies that are already private pass through.
 */
export async function privately(
  reply: Reply,
  answerId: string | undefined,
  conversations: ConversationStore,
  t: Strings = en,
): Promise<Reply> {
  if (reply.visibility !== 'channel') return reply;
  const share = answerId
    ? [
        {
          actionId: shareAction.encode({ contextId: await conversations.saveContext('share', { answerId, reply }) }),
          label: t.answers.shareButton,
          style: 'primary' as const,
        },
      ]
    : [];
  return { ...reply, visibility: 'ephemeral', buttons: [...share, ...(reply.buttons ?? [])] };
}

/**
 * Share: the answer goes to the channel it was asked in, attributed to the person who asked, once. Only
 * they, from that channel, can share it; to anyone else the button is as unknown as an old one.
 */
export async function share(
  contextId: string,
  ctx: ChatContext,
  stores: { conversations: ConversationStore; records: AnswerRecords },
): Promise<ActionOutcome> {
  const saved = Shared.safeParse(await stores.conversations.loadContext('share', contextId));
  const record = saved.success ? await stores.records.find(saved.data.answerId) : undefined;
  if (!saved.success || !inScope(record, ctx) || record.userId !== ctx.userId)
    return { reply: usageReply('That answer is too old to share. Ask again.') };
  if (!(await stores.records.claimShare(record.answerId)))
    return { reply: ephemeral('You already shared this answer with the channel.') };
  const answer = saved.data.reply as Reply;
  return {
    update: {
      ...answer,
      visibility: 'ephemeral',
      blocks: [...answer.blocks, { type: 'context', text: 'You shared this with the channel.' }],
    },
    reply: { ...answer, blocks: [...answer.blocks, { type: 'context', text: md`Shared by ${mention(ctx.userId)}` }] },
  };
}
