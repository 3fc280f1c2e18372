import type { App } from '@slack/bolt';
import { slackContext, withoutMention } from './context.js';
import type { SlackDeps } from './deps.js';

export interface MessageDeps extends SlackDeps {
  /** The bot's own user id (auth.test; in OAuth mode each request's context has its own), to tell its mentions and messages apart. */
  botUserId: () => string | undefined;
}

/** A mention is answered in its thread; plain messages in a thread the bot was mentioned in are follow-ups. */
export function attachMessages(app: App, d: MessageDeps): void {
  app.event('app_mention', async ({ event, body, client, context }) => {
    const user = event.user;
    if (!user || event.bot_id) return;
    if (!(await d.handler.firstDelivery('slack', body.event_id ?? event.ts))) return;
    const thread = event.thread_ts ?? event.ts;
    const ctx = {
      ...slackContext({ teamId: body.team_id, channelId: event.channel, userId: user, threadTs: thread }, d.admins),
      threadId: thread,
      receivedAt: Date.now(),
    };
    await d.answers.push(async () => {
      const reply = await d.handler.mention(withoutMention(event.text, context.botUserId ?? d.botUserId()), ctx);
      const target = { via: 'channel', client, channel: event.channel, user, thread, team: context.teamId } as const;
      await d.out.deliver(reply, target, { what: 'answer mention', requestId: body.event_id, channel: event.channel });
    });
  });

  app.event('message', async ({ event, body, client, context }) => {
    // Only plain user messages (no subtype: not edits, joins or bot posts) in a thread.
    if (event.subtype !== undefined || event.bot_id) return;
    const { user, text, channel } = event;
    const thread = event.thread_ts;
    if (!user || !thread || !text) return;
    const bot = context.botUserId ?? d.botUserId();
    if (user === bot || (bot && text.includes(`<@${bot}`))) return; // our own, or a mention (app_mention answers it)
    if (!(await d.handler.firstDelivery('slack', body.event_id ?? event.ts))) return;
    const ctx = {
      ...slackContext({ teamId: body.team_id, channelId: channel, userId: user, threadTs: thread }, d.admins),
      threadId: thread,
      receivedAt: Date.now(),
    };
    await d.answers.push(async () => {
      const reply = await d.handler.threadMessage(text, ctx);
      if (reply)
        await d.out.deliver(
          reply,
          { via: 'channel', client, channel, user, thread, team: context.teamId },
          { what: 'answer follow-up', requestId: body.event_id, channel },
        );
    });
  });
}
