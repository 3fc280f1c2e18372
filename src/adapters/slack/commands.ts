import type { App } from '@slack/bolt';
import { slackContext } from './context.js';
import type { SlackDeps } from './deps.js';
import { openForm } from './forms.js';

/** `/versus <text>`: acknowledged at once (Slack wants it within 3 s), answered through response_url. */
export function attachCommand(app: App, d: SlackDeps): void {
  app.command(/^\/versus/, async ({ command, ack, respond, client }) => {
    // The answer waits in queues after the ack; one due too long after this is declined (busy) instead.
    const receivedAt = Date.now();
    await ack();
    await d.answers.push(async () => {
      const ctx = {
        ...slackContext(
          {
            teamId: command.team_id,
            channelId: command.channel_id,
            userId: command.user_id,
            userName: command.user_name,
          },
          d.admins,
        ),
        receivedAt,
      };
      const reply = await d.handler.command(command.text ?? '', ctx);
      // A form (`/versus poll new`) opens as a modal; if Slack refuses, the reply's text says what to type.
      if (reply.form && (await openForm({ client, ...d }, command.trigger_id, reply.form, ctx))) return;
      const where = { channelId: command.channel_id, userId: command.user_id };
      await d.out.deliver(
        reply,
        { via: 'response_url', respond, where },
        { what: 'respond', requestId: command.trigger_id, channel: command.channel_id },
      );
    });
  });
}
