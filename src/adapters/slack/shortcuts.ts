import type { App, MessageShortcut } from '@slack/bolt';
import type { ChatContext } from '../../chat/context.js';
import type { AdminLookup } from '../../chat/manage.js';
import { slackContext } from './context.js';
import type { SlackDeps } from './deps.js';
import { openForm } from './forms.js';

/** The shortcuts' callback ids, as in slack/manifest.json. */
export const ASK_ABOUT_CALLBACK = 'ask_versus_about_this';
export const NEW_POLL_CALLBACK = 'versus_new_poll';

/**
 * Slack message markup → the words a person reads: mentions and channel links dropped, links to their
 * label (or address), entities decoded. The question is then checked like `/versus ask`'s.
 */
export function slackPlainText(text: string): string {
  return text
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<([^|>]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Who used a message shortcut, and where. */
export function messageShortcutContext(shortcut: MessageShortcut, admins: AdminLookup): ChatContext {
  return slackContext(
    {
      teamId: shortcut.team?.id,
      channelId: shortcut.channel.id,
      userId: shortcut.user.id,
      userName: shortcut.user.username ?? shortcut.user.name,
    },
    admins,
  );
}

/** "Ask Versus about this" on any message: the answer goes only to the user (response_url), with Share. */
export function attachShortcuts(app: App, d: SlackDeps): void {
  app.shortcut({ callback_id: ASK_ABOUT_CALLBACK, type: 'message_action' }, async ({ shortcut, ack, respond }) => {
    await ack();
    const ctx = messageShortcutContext(shortcut, d.admins);
    const where = { channelId: shortcut.channel.id, userId: shortcut.user.id };
    await d.answers.push(async () => {
      const reply = await d.handler.askAbout(slackPlainText(shortcut.message.text ?? ''), ctx);
      const target = { via: 'response_url', respond, where } as const;
      await d.out.deliver({ ...reply, visibility: 'ephemeral' }, target, {
        what: 'shortcut answer',
        channel: shortcut.channel.id,
      });
    });
  });

  // "Create a Versus poll" from the shortcut menu: the poll form, with a channel picker (no channel is known).
  app.shortcut({ callback_id: NEW_POLL_CALLBACK, type: 'shortcut' }, async ({ shortcut, ack, client }) => {
    await ack();
    const team = shortcut.team?.id;
    const ctx = slackContext({ teamId: team, channelId: '', userId: shortcut.user.id }, d.admins);
    const reply = await d.handler.command('poll new', ctx);
    if (reply.form) await openForm({ client, ...d }, shortcut.trigger_id, reply.form, ctx);
  });
}
