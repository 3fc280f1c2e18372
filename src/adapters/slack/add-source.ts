import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ChatContext } from '../../chat/context.js';
import type { VersusHandler } from '../../chat/handler.js';
import { ephemeral, type Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import type { AnswerQueue } from './answer-queue.js';
import type { SlackPages } from './pages.js';
import { messageShortcutContext } from './shortcuts.js';

/** The shortcut's callback id, as in slack/manifest.json. */
export const ADD_SOURCE_CALLBACK = 'add_to_versus_sources';

/** Slack's own file host; the API's host too (tests, Enterprise Grid proxies serve files there). */
const FILE_HOST = 'https://files.slack.com';

export interface AddSourceDeps {
  handler: VersusHandler;
  answers: AnswerQueue;
  pages: SlackPages;
  log: Logger;
  botToken: string;
  apiUrl?: string | undefined;
}

/** The first link in a message: Slack writes links as <url> or <url|label>; a bare one counts too. */
export function firstLink(text: string): string | undefined {
  return /<(https?:\/\/[^|>\s]+)[^>]*>/.exec(text)?.[1] ?? /\bhttps?:\/\/[^\s<>|]+/.exec(text)?.[0];
}

const NOTHING = ephemeral(
  'That message has no link or file to add. Use the shortcut on a message with a link to an article, or an uploaded HTML, Markdown, text or PDF file.',
  'Sources',
);

interface MessageFile {
  id?: string;
}

/**
 * An uploaded file is looked up by its id through the Web API (never by a URL the payload carries), and
 * the bot token goes with the download only when the file lives on Slack's own host.
 */
async function addFile(file: MessageFile, ctx: ChatContext, client: WebClient, d: AddSourceDeps): Promise<Reply> {
  const info = await client.files.info({ file: file.id ?? '' });
  const url = info.file?.url_private_download ?? info.file?.url_private;
  if (!url) return NOTHING;
  const slackHosts = [FILE_HOST, d.apiUrl ? new URL(d.apiUrl).origin : FILE_HOST];
  const headers = slackHosts.includes(new URL(url).origin) ? { authorization: `Bearer ${d.botToken}` } : undefined;
  return d.handler.addSource({ name: info.file?.name ?? 'upload', url, headers }, ctx);
}

/** "Add to Versus sources" on a message: its uploaded file, else its first link, as `/versus sources add`. */
export function attachAddSource(app: App, d: AddSourceDeps): void {
  app.shortcut(
    { callback_id: ADD_SOURCE_CALLBACK, type: 'message_action' },
    async ({ shortcut, ack, respond, client }) => {
      await ack();
      const ctx = messageShortcutContext(shortcut);
      // Pages of the reply are served only to this user in this channel (issue 20).
      const where = { channelId: shortcut.channel.id, userId: shortcut.user.id };
      const files = (shortcut.message as { files?: MessageFile[] }).files ?? [];
      const link = firstLink(shortcut.message.text ?? '');
      await d.answers.push(async () => {
        try {
          const reply = files[0]?.id
            ? await addFile(files[0], ctx, client, d)
            : link
              ? await d.handler.command(`sources add ${link}`, ctx)
              : NOTHING;
          await respond({ ...d.pages.render(reply, where), response_type: 'ephemeral' });
        } catch (err) {
          d.log.warn({ err: (err as Error).message, channel: shortcut.channel.id }, 'slack: add to sources failed');
          await respond({
            ...d.pages.render(ephemeral('Slack did not give me that file. Try again in a moment.', 'Sources'), where),
            response_type: 'ephemeral',
          }).catch(() => {});
        }
      });
    },
  );
}
