import { z } from 'zod';
import type { ChatContext } from './context.js';
import type { ConversationStore } from './conversation-store.js';

/** Who opened a form, and for which place: kept by Versus, never read back from the platform's form. */
const Origin = z.object({
  formId: z.string(),
  platform: z.string(),
  workspaceId: z.string(),
  /** Absent when the form was opened outside a channel (it then asks for one). */
  channelId: z.string().optional(),
  threadId: z.string().optional(),
  userId: z.string(),
});

/**
 * Forms' origins in the shared store under a random reference (the platform's form carries only that).
 * A submit is honoured only for the person who opened the form, in its workspace, for the place it was
 * opened for: a payload cannot move it to another channel, team or thread.
 */
export class FormOrigins {
  constructor(private readonly conversations: ConversationStore) {}

  open(formId: string, ctx: ChatContext): Promise<string> {
    return this.conversations.saveContext('form', {
      formId,
      platform: ctx.platform,
      workspaceId: ctx.workspaceId,
      channelId: ctx.channelId || undefined,
      threadId: ctx.threadId,
      userId: ctx.userId,
    });
  }

  /**
   * The form and the context its submit acts in, or undefined when `ref` is unknown or the submit comes
   * from someone else or another workspace. A form opened outside a channel takes the submit's channel
   * (the one picked on the form); its context's channelId is '' when none was picked.
   */
  async resolve(ref: string, ctx: ChatContext): Promise<{ formId: string; ctx: ChatContext } | undefined> {
    const o = Origin.safeParse(await this.conversations.loadContext('form', ref));
    if (!o.success) return undefined;
    const { formId, platform, workspaceId, channelId, threadId, userId } = o.data;
    if (platform !== ctx.platform || workspaceId !== ctx.workspaceId || userId !== ctx.userId) return undefined;
    const at = channelId ?? ctx.channelId;
    // Admin rights follow the context to the form's channel (the submit's own flag, if any, is for its channel).
    const isAdmin = (c = at) => ctx.isAdmin(c);
    return { formId, ctx: { ...ctx, channelId: at, threadId: channelId ? threadId : undefined, isAdmin } };
  }
}
