import type { App, RespondFn, webApi } from '@slack/bolt';
import type { ActionOutcome, VersusHandler } from '../../chat/handler.js';
import type { Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import { type PageScope, pagesGoneReply } from '../shared/page-store.js';
import type { AnswerQueue } from './answer-queue.js';
import { slackContext, withoutMention } from './context.js';
import { openForm } from './forms.js';
import { publishHome } from './home.js';
import { SlackPages } from './pages.js';

export interface ListenerDeps {
  handler: VersusHandler;
  /** Where answers wait while requests are being acknowledged. */
  answers: AnswerQueue;
  pages: SlackPages;
  log: Logger;
  botUserId: () => string | undefined;
  /** Called when an answer could not be delivered (counted at shutdown). */
  undelivered?: () => void;
}

/** A click is acknowledged by then even if the handler is still waiting on Slack (e.g. an admin check). */
export const ACK_DEADLINE_MS = 2_000;
const LATE = Symbol('late');

/** A failed Web API call is logged with what was attempted, never thrown into Bolt (which would log a stack). */
async function safely(
  d: Pick<ListenerDeps, 'log' | 'undelivered'>,
  what: string,
  ids: Record<string, unknown>,
  fn: () => Promise<unknown>,
): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; message?: string };
    d.undelivered?.();
    d.log.warn({ ...ids, error: e.data?.error ?? e.code ?? e.message }, `slack: ${what} failed`);
  }
}

async function respondWith(
  respond: RespondFn,
  pages: SlackPages,
  reply: Reply,
  where: PageScope,
  extra: { replace_original?: boolean } = {},
): Promise<void> {
  const msg = pages.render(reply, where);
  await respond({ ...msg, response_type: reply.visibility === 'ephemeral' ? 'ephemeral' : 'in_channel', ...extra });
}

async function postInThread(
  client: webApi.WebClient,
  pages: SlackPages,
  reply: Reply,
  ids: { channel: string; thread: string; user: string },
): Promise<void> {
  const msg = pages.render(reply, { channelId: ids.channel, userId: ids.user });
  if (reply.visibility === 'ephemeral')
    await client.chat.postEphemeral({ channel: ids.channel, user: ids.user, thread_ts: ids.thread, ...msg });
  else await client.chat.postMessage({ channel: ids.channel, thread_ts: ids.thread, unfurl_links: false, ...msg });
}

export function attachListeners(app: App, d: ListenerDeps): void {
  // `/versus <text>`: acknowledged at once (Slack wants it within 3 s), answered through response_url.
  app.command(/^\/versus/, async ({ command, ack, respond, client }) => {
    // The answer waits in queues after the ack; one due too long after this is declined (busy) instead.
    const receivedAt = Date.now();
    await ack();
    await d.answers.push(async () => {
      const ctx = {
        ...slackContext({
          teamId: command.team_id,
          channelId: command.channel_id,
          userId: command.user_id,
          userName: command.user_name,
        }),
        receivedAt,
      };
      const reply = await d.handler.command(command.text ?? '', ctx);
      // A form (`/versus poll new`) opens as a modal; if Slack refuses, the reply's text says what to type.
      if (reply.form && (await openForm({ client, ...d }, command.trigger_id, reply.form, ctx))) return;
      await safely(d, 'respond', { requestId: command.trigger_id, channel: command.channel_id }, () =>
        respondWith(respond, d.pages, reply, { channelId: command.channel_id, userId: command.user_id }),
      );
    });
  });

  app.event('app_mention', async ({ event, body, client }) => {
    const user = event.user;
    if (!user || event.bot_id) return;
    if (!(await d.handler.firstDelivery('slack', body.event_id ?? event.ts))) return;
    const thread = event.thread_ts ?? event.ts;
    const ctx = {
      ...slackContext({
        teamId: body.team_id,
        channelId: event.channel,
        userId: user,
        threadTs: thread,
      }),
      threadId: thread,
      receivedAt: Date.now(),
    };
    await d.answers.push(async () => {
      const reply = await d.handler.mention(withoutMention(event.text, d.botUserId()), ctx);
      await safely(d, 'answer mention', { requestId: body.event_id, channel: event.channel }, () =>
        postInThread(client, d.pages, reply, { channel: event.channel, thread, user }),
      );
    });
  });

  // Plain messages in a thread the bot was mentioned in are follow-ups; everything else is ignored.
  app.event('message', async ({ event, body, client }) => {
    // Only plain user messages (no subtype: not edits, joins or bot posts) in a thread.
    if (event.subtype !== undefined || event.bot_id) return;
    const { user, text, channel } = event;
    const thread = event.thread_ts;
    if (!user || !thread || !text) return;
    const bot = d.botUserId();
    if (user === bot || (bot && text.includes(`<@${bot}`))) return; // our own, or a mention (app_mention answers it)
    if (!(await d.handler.firstDelivery('slack', body.event_id ?? event.ts))) return;
    const ctx = {
      ...slackContext({ teamId: body.team_id, channelId: channel, userId: user, threadTs: thread }),
      threadId: thread,
      receivedAt: Date.now(),
    };
    await d.answers.push(async () => {
      const reply = await d.handler.threadMessage(text, ctx);
      if (reply)
        await safely(d, 'answer follow-up', { requestId: body.event_id, channel }, () =>
          postInThread(client, d.pages, reply, { channel, thread, user }),
        );
    });
  });

  // Versus sends only buttons in blocks, so block_actions is the only interaction it answers.
  app.action({ type: 'block_actions' }, async ({ action, body, ack, respond, client }) => {
    const actionId = action.action_id;
    // Bolt types the container loosely; these are the two fields Slack documents for a message container.
    const container = body.container as { is_ephemeral?: boolean; message_ts?: string };
    const threadTs = typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : undefined;
    const channelId = body.channel?.id ?? '';
    const where = { channelId, userId: body.user.id };
    if (SlackPages.isPageAction(actionId)) {
      await ack();
      const page = await d.pages.page(actionId, where);
      await safely(d, 'page', { channel: channelId }, () =>
        page
          ? respond({ ...page, replace_original: true })
          : respondWith(respond, d.pages, pagesGoneReply(), where, { replace_original: false }),
      );
      return;
    }
    const messageTs = body.message?.ts ?? container.message_ts;
    const ctx = slackContext({
      teamId: body.team?.id,
      channelId,
      userId: body.user.id,
      userName: body.user.username,
      threadTs,
      messageTs,
    });
    // Record first, acknowledge second: an acknowledged vote is a stored vote, even if the process dies next.
    // Votes are stored synchronously; only a slow Slack call (an admin check) can hold the handler, and
    // then the click is acknowledged at the deadline and answered when the handler is done.
    const work = d.handler.action(actionId, ctx);
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([
      work,
      new Promise<typeof LATE>((r) => (timer = setTimeout(() => r(LATE), ACK_DEADLINE_MS))),
    ]);
    clearTimeout(timer);
    await ack();
    const outcome: ActionOutcome = first === LATE ? await work : first;
    const ids = { requestId: body.trigger_id, channel: channelId, action: actionId };
    // A live message (a channel walk) is redrawn by the core from the latest state; sending this
    // snapshot too could land after a newer edit and leave the message stale.
    const update = outcome.liveMessage && messageTs && !container.is_ephemeral ? undefined : outcome.update;
    // The click is stored and acknowledged; showing its result can wait behind other acknowledgements.
    if (body.view?.type === 'home') {
      // A button on the Home tab: its result is the home itself, published again.
      const { update, reply } = outcome;
      // A form (New poll) must open now: the click's trigger_id lasts 3 seconds.
      if (reply?.form) await openForm({ client, ...d }, body.trigger_id, reply.form, { ...ctx, channelId: '' });
      if (update) await d.answers.push(() => publishHome(client, body.user.id, update, d.log));
      return;
    }
    await d.answers.push(
      async () => {
        // Only the message the click came from is edited, through the click's own response_url (Slack ties
        // it to that message, private or public). The container's channel and ts are just payload fields: a
        // forged click naming a live poll must not get chat.update to overwrite it.
        if (update)
          await safely(d, 'replace message', ids, () =>
            respondWith(respond, d.pages, update, where, { replace_original: true }),
          );
        if (outcome.reply) {
          const reply = outcome.reply;
          const thread = threadTs ? { thread_ts: threadTs } : {};
          if (reply.visibility === 'ephemeral')
            await safely(d, 'chat.postEphemeral', ids, () =>
              client.chat.postEphemeral({
                channel: channelId,
                user: body.user.id,
                ...thread,
                ...d.pages.render(reply, where),
              }),
            );
          else
            await safely(d, 'chat.postMessage', ids, () =>
              client.chat.postMessage({ channel: channelId, ...thread, ...d.pages.render(reply, where) }),
            );
        }
      },
      // Edits of one message stay in click order even though answers run concurrently; private
      // confirmations (a vote's) are independent, so one hung confirmation holds back no other, and only
      // the newest of one user's on one message is still sent if several wait (a storm of re-votes).
      update ? `${channelId}:${messageTs}` : undefined,
      update ? undefined : `${body.user.id}:${channelId}:${messageTs}`,
    );
  });
}
