import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ChatContext } from '../../chat/context.js';
import { ephemeral, type Reply } from '../../chat/reply.js';
import { slackErrorCode } from './deliver.js';
import type { SlackDeps } from './deps.js';
import { messageShortcutContext } from './shortcuts.js';

/** The shortcut's callback id, as in slack/manifest.json. */
export const ADD_SOURCE_CALLBACK = 'add_to_versus_sources';

/** Slack's own file host; the API's host too (tests, Enterprise Grid proxies serve files there). */
const FILE_HOST = 'https://files.slack.com';

export interface AddSourceDeps extends SlackDeps {
  apiUrl?: string | undefined;
}

/** The first link in a message: Slack writes links as <url> or <url|label>; a bare one counts too. */
export function firstLink(text: string): string | undefined {
  return /<(https?:\/\/[^|>\s]+)[^>]*>/.exec(text)?.[1] ?? /\bhttps?:\/\/[^\s<>|]+/.exec(text)?.[0];
}

interface MessageFile {
  id?: string;
}

/**
 * An uploaded file is looked up by its id through the Web API (never by a URL the payload carries), and
 * the bot token goes with the download only when the file lives on Slack's own host.
 */
async function addFile(
  file: MessageFile,
  ctx: ChatContext,
  { client, botToken }: { client: WebClient; botToken: string | undefined },
  d: AddSourceDeps,
  nothing: Reply,
): Promise<Reply> {
  const info = await client.files.info({ file: file.id ?? '' });
  const url = info.file?.url_private_download ?? info.file?.url_private;
  if (!url) return nothing;
  const slackHosts = [FILE_HOST, d.apiUrl ? new URL(d.apiUrl).origin : FILE_HOST];
  const trusted = botToken && slackHosts.includes(new URL(url).origin);
  const headers = trusted ? { authorization: `Bearer ${botToken}` } : undefined;
  return d.handler.addSource({ name: info.file?.name ?? 'upload', url, headers }, ctx);
}

/** "Add to Versus sources" on a message: its uploaded file, else its first link, as `/versus sources add`. */
export function attachAddSource(app: App, d: AddSourceDeps): void {
  app.shortcut(
    { callback_id: ADD_SOURCE_CALLBACK, type: 'message_action' },
    async ({ shortcut, ack, respond, client, context }) => {
      await ack();
      const ctx = messageShortcutContext(shortcut, d.admins);
      // Pages of the reply are served only to this user in this channel (issue 20).
      const where = { channelId: shortcut.channel.id, userId: shortcut.user.id };
      const files = (shortcut.message as { files?: MessageFile[] }).files ?? [];
      const link = firstLink(shortcut.message.text ?? '');
      await d.answers.push(async () => {
        const { addSource: words } = await d.handler.words(ctx);
        // The workspace's own token (single-token mode: SLACK_BOT_TOKEN; OAuth: its installation's).
        const slack = { client, botToken: context.botToken };
        const nothing = ephemeral(words.nothingToAdd, words.title);
        const reply = await (files[0]?.id
          ? addFile(files[0], ctx, slack, d, nothing)
          : link
            ? d.handler.command(`sources add ${link}`, ctx)
            : Promise.resolve(nothing)
        ).catch((err: unknown) => {
          d.log.warn({ error: slackErrorCode(err), channel: shortcut.channel.id }, 'slack: add to sources failed');
          return ephemeral(words.fileUnavailable, words.title);
        });
        // Only the user sees it, whatever the command's reply would be in a channel.
        const target = { via: 'response_url', respond, where } as const;
        await d.out.deliver({ ...reply, visibility: 'ephemeral' }, target, {
          what: 'add to sources answer',
          channel: shortcut.channel.id,
        });
      });
    },
  );
}
