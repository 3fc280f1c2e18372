import { z } from 'zod';
import { actionCodec, idPart } from './action-id.js';
import type { AnswerRecord, AnswerRecords } from './answer-records.js';
import type { ChatContext } from './context.js';
import type { ActionOutcome } from './handler.js';
import { usageReply } from './help.js';
import { ephemeral, type Reply } from './reply.js';
import { mention } from './rich.js';
import { inScope } from './scope.js';
import { en, type Strings } from './strings-en.js';

/**
 * "Share with channel" under a private answer: `v1:share:<answerId>[:<offset>]`, checked against the answer's
 * record. The offset says which page the button was shown under.
 */
export const shareAction = actionCodec(
  'share',
  ['answerId', 'offset'],
  z.object({
    answerId: z.string().regex(new RegExp(idPart())),
    // Left off on page 1, whose public form the record keeps.
    offset: z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .optional(),
  }),
);

/** Page 1's public form as the record keeps it, checked loosely (our own, but it may predate an upgrade). */
const FirstPage = z.object({
  visibility: z.literal('channel'),
  title: z.string().optional(),
  blocks: z.array(z.object({ type: z.string() }).loose()),
  buttons: z.array(z.object({ actionId: z.string(), label: z.string() }).loose()).optional(),
});

/** Page 1's public form from the record. The loose check stands for Reply's shape: only our composers wrote it. */
function firstPage(record: AnswerRecord): Reply | undefined {
  const p = FirstPage.safeParse(record.share);
  return p.success ? (p.data as Reply) : undefined;
}

/**
 * A later page's public form, composed again from the record as "More sources" composes it; undefined when
 * the record cannot say (no question kept, or nothing on that page).
 */
export type LaterPage = (record: AnswerRecord, offset: number, ctx: ChatContext) => Promise<Reply | undefined>;

/**
 * The private form of a public answer: only the asker sees it, with a Share button that posts this page (the
 * caller keeps page 1's public form in the answer's record). Replies that are already private pass through.
 */
export function privately(reply: Reply, answerId: string | undefined, t: Strings = en, offset = 0): Reply {
  if (reply.visibility !== 'channel') return reply;
  const share = answerId
    ? [
        {
          actionId: shareAction.encode({ answerId, offset: offset || undefined }),
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
  a: { answerId: string; offset?: number | undefined },
  ctx: ChatContext,
  records: AnswerRecords,
  t: Strings,
  later?: LaterPage,
): Promise<ActionOutcome> {
  const record = await records.find(a.answerId);
  const tooOld = { reply: usageReply(t.usage.tooOldToShare, undefined, t) };
  if (!inScope(record, ctx) || record.userId !== ctx.userId) return tooOld;
  const answer = a.offset ? await later?.(record, a.offset, ctx) : firstPage(record);
  if (answer?.visibility !== 'channel') return tooOld;
  if (!(await records.claimShare(record.answerId))) return { reply: ephemeral(t.usage.alreadyShared) };
  return {
    update: {
      ...answer,
      visibility: 'ephemeral',
      blocks: [...answer.blocks, { type: 'context', text: t.usage.youShared }],
    },
    reply: { ...answer, blocks: [...answer.blocks, { type: 'context', text: t.usage.sharedBy(mention(ctx.userId)) }] },
  };
}
