import { type App, Assistant } from '@slack/bolt';
import type { VersusHandler } from '../../chat/handler.js';
import { clip } from '../../chat/labels.js';
import type { Logger } from '../../logger.js';
import type { AnswerQueue } from './answer-queue.js';
import { slackContext } from './context.js';
import type { SlackPages } from './pages.js';

/** What a new assistant thread offers: a figure question, a compare, a verdict, the decision matrix (Slack shows up to four). */
export const SUGGESTED_PROMPTS = [
  { title: 'A figure from the sources', message: 'How much memory does a goroutine start with?' },
  { title: 'Compare a topic', message: 'compare concurrency' },
  {
    title: 'A verdict for your situation',
    message: 'Go or Python for us? Four of us, a B2B CRUD SaaS, some pandas, no real-time needs, MVP by spring',
  },
  { title: 'Start the decision matrix', message: 'matrix solo' },
] as const;
export const SEARCHING = 'Searching the sources…';
/** Slack shows about this much of a thread title. */
const TITLE_CHARS = 80;

export interface AssistantDeps {
  handler: VersusHandler;
  answers: AnswerQueue;
  pages: SlackPages;
  log: Logger;
}

/**
 * Versus in Slack's assistant pane. A message there is answered like a mention in a thread (commands
 * work, follow-ups keep the earlier question as context, kept in SQLite); the status shows while the answer
 * is composed and the thread is titled with its first question. Thread context is not read back from Slack
 * (no conversations.replies): the store below is deliberately empty.
 */
export function attachAssistant(app: App, d: AssistantDeps): void {
  const assistant = new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, body, setSuggestedPrompts, logger }) => {
      // The thread's own IM channel and user, as Slack states them now: later messages are answered only there.
      const { channel_id, thread_ts, user_id } = event.assistant_thread;
      const teamId = (body as { team_id?: string }).team_id;
      const ctx = slackContext({ teamId, channelId: channel_id, userId: user_id, threadTs: thread_ts });
      await d.handler.privateThreadStarted({ ...ctx, threadId: thread_ts });
      try {
        await setSuggestedPrompts({ title: 'Go or Python? Ask the sources', prompts: [...SUGGESTED_PROMPTS] });
      } catch (err) {
        logger.warn(`slack: assistant.threads.setSuggestedPrompts failed: ${(err as Error).message}`);
      }
    },
    threadContextChanged: async () => {},
    userMessage: async ({ message, body, client, setStatus, setTitle }) => {
      if (message.subtype !== undefined || !('text' in message) || !message.text || !('user' in message)) return;
      const { channel, text, user } = message;
      const thread = 'thread_ts' in message && message.thread_ts ? message.thread_ts : message.ts;
      const eventId = (body as { event_id?: string }).event_id ?? message.ts;
      if (!(await d.handler.firstDelivery('slack', eventId))) return;
      const ctx = {
        ...slackContext({
          teamId: (body as { team_id?: string }).team_id,
          channelId: channel,
          userId: user,
          threadTs: thread,
        }),
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
        try {
          // The thread is titled once, with its first question (a second call would rename it each time).
          if (await d.handler.firstDelivery('slack-assistant-title', `${channel}:${thread}`))
            await setTitle(clip(text, TITLE_CHARS));
          await setStatus(SEARCHING);
          const reply = await d.handler.mention(text, ctx);
          // Posting in the thread clears the status.
          await client.chat.postMessage({
            channel,
            thread_ts: thread,
            unfurl_links: false,
            ...d.pages.render(reply, { channelId: channel, userId: user }),
          });
        } catch (err) {
          const e = err as { data?: { error?: string }; message?: string };
          d.log.warn({ ...ids, error: e.data?.error ?? e.message }, 'slack: assistant answer failed');
        }
      });
    },
  });
  app.assistant(assistant);
}
