import type { Reply } from './reply.js';

/** Where a posted message lives, so it can be edited later (poll results, matrix steps). */
export interface MessageRef {
  channelId: string;
  messageId: string;
  threadId?: string | undefined;
}

/**
 * What the core needs from a chat platform to post on its own initiative
 * (scheduled polls, coalesced poll re-renders). Adapters implement it.
 */
export interface ChatPort {
  readonly platform: 'slack' | 'discord' | 'console';
  post(channelId: string, reply: Reply, threadId?: string): Promise<MessageRef>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
}
