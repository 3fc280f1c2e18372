import type { App } from '@slack/bolt';
import type { VersusHandler } from '../../chat/handler.js';
import { slackContext } from './context.js';
import type { Delivery } from './deliver.js';

/** The Home tab: published whenever the user opens it (`/versus home`'s reply, rendered as a view). */
export function attachHome(app: App, d: { handler: VersusHandler; out: Delivery }): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ctx = slackContext({ teamId: body.team_id, channelId: event.channel ?? '', userId: event.user });
    const reply = await d.handler.command('home', ctx);
    await d.out.deliver(
      reply,
      { via: 'home', client, user: event.user },
      { what: 'views.publish', userId: event.user },
    );
  });
}
