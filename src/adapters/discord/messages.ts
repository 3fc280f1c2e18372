import { type Message, ThreadAutoArchiveDuration, type ThreadChannel } from 'discord.js';
import type { VersusHandler } from '../../chat/handler.js';
import { clip } from '../../chat/labels.js';
import type { AdminLookup } from '../../chat/manage.js';
import type { Logger } from '../../logger.js';
import { botMention, messageContext, withoutMention } from './context.js';
import { COMMAND } from './limits.js';
import type { DiscordPages } from './pages.js';

export interface MessageDeps {
  handler: VersusHandler;
  pages: DiscordPages;
  log: Logger;
  /** Asked, through each event's context, about admin rights the event does not state (another channel). */
  admins: AdminLookup;
}

const NO_PINGS = { parse: [] } as const;

/**
 * @mentions and thread follow-ups.
 * - @mention in a channel: start a thread from the message and answer there (handler.mention).
 * - @mention in a thread: answer in that thread (handler.mention).
 * - Any other message in a thread: handler.threadMessage; posted only when the core answers (it does for
 *   threads where Versus was mentioned before).
 * Bots (Versus included), webhooks and system messages are ignored; handler.firstDelivery() makes sure a
 * message redelivered by the gateway (resume, second process) is answered once.
 */
export async function onMessage(message: Message, d: MessageDeps): Promise<void> {
  if (message.author.bot || message.webhookId || message.system || !message.inGuild()) return;
  const botId = message.client.user.id;
  const { mentioned, roleIds } = botMention(message, botId);
  const known = message.channel;
  // Only mentions and thread messages matter. Without the Message Content intent, content is empty unless
  // Versus was mentioned: nothing to answer either.
  if (!mentioned && (!known.isThread() || message.content === '')) return;
  if (!(await d.handler.firstDelivery('discord', message.id))) return;
  // With Partials.Channel a message can arrive for a thread discord.js has not cached yet: it then knows
  // only the id and type, not the parent channel the core keys the conversation by.
  const channel = known.partial || (known.isThread() && !known.parentId) ? await known.fetch() : known;
  const inThread = channel.isThread();
  const text = withoutMention(message.content, botId, roleIds);

  if (inThread) {
    const ctx = messageContext(message, { channelId: channel.parentId ?? channel.id, threadId: channel.id }, d.admins);
    const reply = mentioned ? await d.handler.mention(text, ctx) : await d.handler.threadMessage(text, ctx);
    if (reply) await channel.send({ ...d.pages.render(reply, { channelId: channel.id }), allowedMentions: NO_PINGS });
    return;
  }

  const thread = await startThread(message, text, d.log);
  if (thread) {
    const reply = await d.handler.mention(
      text,
      messageContext(message, { channelId: message.channelId, threadId: thread.id }, d.admins),
    );
    await thread.send({ ...d.pages.render(reply, { channelId: thread.id }), allowedMentions: NO_PINGS });
    return;
  }
  // No thread possible here (permission, channel type): answer under the message; the message id keys the conversation.
  const reply = await d.handler.mention(
    text,
    messageContext(message, { channelId: message.channelId, threadId: message.id }, d.admins),
  );
  await message.reply({
    ...d.pages.render(reply, { channelId: message.channelId }),
    allowedMentions: { ...NO_PINGS, repliedUser: false },
  });
}

async function startThread(message: Message<true>, text: string, log: Logger): Promise<ThreadChannel | undefined> {
  try {
    return await message.startThread({
      name: clip(text || 'Versus', COMMAND.threadName),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
  } catch (err) {
    log.warn(
      { err, channel: message.channelId, message: message.id },
      'discord: could not start a thread (needs Create Public Threads); answering in the channel',
    );
    return undefined;
  }
}
