import type { App } from '@slack/bolt';
import { slackContext } from './context.js';
import type { SlackDeps } from './deps.js';

/** The Home tab: published whenever the user opens it (`/versus home`'s reply, rendered as a view). */
export function attachHome(app: App, d: Pick<SlackDeps, 'handler' | 'out' | 'admins'>): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ctx = slackContext({ teamId: body.team_id, channelId: event.channel ?? '', userId: event.user }, d.admins);
    const reply = await d.handler.command('home', ctx);
    await d.out.deliver(
      reply,
      { via: 'home', client, user: event.user },
      { what: 'views.publish', userId: event.user },
    );
  });
}
