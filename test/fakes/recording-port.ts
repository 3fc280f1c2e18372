import type { Platform } from '../../src/chat/context.js';
import type { ChatPort, Place, PlacedRef, Uploaded } from '../../src/chat/port.js';
import type { Reply } from '../../src/chat/reply.js';

/** A ChatPort that records what the core posts and edits (the platform side of core-level tests). */
export class RecordingPort implements ChatPort {
  readonly posts: { channelId: string; reply: Reply; ref: PlacedRef }[] = [];
  readonly updates: { ref: PlacedRef; reply: Reply }[] = [];
  readonly uploads: { channelId: string; filename: string; content: string }[] = [];
  admins = new Set<string>();
  private seq = 0;

  constructor(readonly platform: Platform = 'console') {}

  async post({ workspaceId, channelId, threadId }: Place, reply: Reply): Promise<PlacedRef> {
    const ref = { workspaceId, channelId, messageId: `m${++this.seq}`, threadId };
    this.posts.push({ channelId, reply, ref });
    return ref;
  }

  async update(ref: PlacedRef, reply: Reply): Promise<void> {
    this.updates.push({ ref, reply });
  }

  async upload({ channelId }: Place, filename: string, content: string): Promise<Uploaded> {
    this.uploads.push({ channelId, filename, content });
    return { channelId, url: `https://files.example/${filename}` };
  }

  async isAdmin(_where: { workspaceId: string; channelId: string }, userId: string): Promise<boolean> {
    return this.admins.has(userId);
  }

  /** The latest version of a message: its last update, else what was posted. */
  latest(messageId: string): Reply | undefined {
    return (
      [...this.updates].reverse().find((u) => u.ref.messageId === messageId)?.reply ??
      this.posts.find((p) => p.ref.messageId === messageId)?.reply
    );
  }
}
