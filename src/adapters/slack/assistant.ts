import { type App, Assistant } from '@slack/bolt';
import { clip } from '../../chat/labels.js';
import { slackContext } from './context.js';
import type { SlackDeps } from './deps.js';

/** Slack shows about this much of a thread title. */
const TITLE_CHARS = 80;

/**
 * Versus in Slack's assistant pane. A message there is answered like a mention in a thread (commands
 * work, follow-ups keep the earlier question as context, kept in SQLite); the status shows while the answer
 * is composed and the thread is titled with its first question. Thread context is not read back from Slack
 * (no conversations.replies): the store below is deliberately empty.
 */
export function attachAssistant(app: App, d: SlackDeps): void {
  const assistant = new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, body, setSuggestedPrompts }) => {
      // The thread's own IM channel and user, as Slack states them now: later messages are answered only there.
      const { channel_id, thread_ts, user_id } = event.assistant_thread;
      const teamId = (body as { team_id?: string }).team_id;
      const ctx = slackContext({ teamId, channelId: channel_id, userId: user_id, threadTs: thread_ts }, d.admins);
      await d.handler.privateThreadStarted({ ...ctx, threadId: thread_ts });
      // A figure question, a compare, a verdict, the decision matrix (Slack shows up to four), in the place's language.
      const { assistant: words } = await d.handler.words(ctx);
      const prompts = { title: words.title, prompts: [...words.prompts] };
      await d.out.attempt('assistant.threads.setSuggestedPrompts', { channel: channel_id }, () =>
        setSuggestedPrompts(prompts),
      );
    },
    threadContextChanged: async () => {},
    userMessage: async ({ message, body, client, setStatus, setTitle }) => {
      if (message.subtype !== undefined || !('text' in message) || !message.text || !('user' in message)) return;
      const { channel, text, user } = message;
      const thread = 'thread_ts' in message && message.thread_ts ? message.thread_ts : message.ts;
      const eventId = (body as { event_id?: string }).event_id ?? message.ts;
      if (!(await d.handler.firstDelivery('slack', eventId))) return;
      const ctx = {
        ...slackContext(
          {
            teamId: (body as { team_id?: string }).team_id,
            channelId: channel,
            userId: user,
            threadTs: thread,
          },
          d.admins,
        ),
        threadId: thread,
        receivedAt: Date.now(),
      };
      const ids = { channel, thread };
      // Only in the thread's own IM channel, for its user, as stored when it started: an event naming another
      // channel (a public one), another user or a thread that never started gets no answer anywhere.
      if (!(await d.handler.inPrivateThread(ctx))) {
        d.log.warn(ids, 'slack: assistant message outside a thread Versus started there; not answered');
        return;
      }
      await d.answers.push(async () => {
        // The thread is titled once, with its first question (a second call would rename it each time).
        if (await d.handler.firstDelivery('slack-assistant-title', `${channel}:${thread}`))
          await d.out.attempt('assistant title', ids, () => setTitle(clip(text, TITLE_CHARS)));
        const { assistant: words } = await d.handler.words(ctx);
        await d.out.attempt('assistant status', ids, () => setStatus(words.searching));
        const reply = await d.handler.mention(text, ctx);
        // Posting in the thread clears the status. The pane is the user's own IM, so even a private reply is
        // posted as a message there (an ephemeral one would not clear the status).
        await d.out.deliver(
          { ...reply, visibility: 'channel' },
          { via: 'channel', client, channel, user, thread },
          { what: 'assistant answer', ...ids },
        );
      });
    },
  });
  app.assistant(assistant);
}
