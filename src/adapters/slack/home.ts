import type { App, types, webApi } from '@slack/bolt';
import type { VersusHandler } from '../../chat/handler.js';
import { clip } from '../../chat/labels.js';
import type { Reply } from '../../chat/reply.js';
import type { Logger } from '../../logger.js';
import { type Block, LIMITS, renderBlock, renderButtons } from './blocks.js';
import { slackContext } from './context.js';

/** Slack's limit for a Home tab view. */
export const HOME_BLOCKS = 100;

/** A Reply as the Home tab: header, its blocks, its buttons; cut (not paged) at 100 blocks, buttons kept. */
export function homeView(reply: Reply): types.HomeView {
  const header: Block[] = reply.title
    ? [{ type: 'header', text: { type: 'plain_text', text: clip(reply.title, LIMITS.header), emoji: true } }]
    : [];
  const buttons = renderButtons(reply.buttons ?? []);
  const body = reply.blocks.flatMap(renderBlock).slice(0, HOME_BLOCKS - header.length - buttons.length);
  return { type: 'home', blocks: [...header, ...body, ...buttons] };
}

export async function publishHome(client: webApi.WebClient, userId: string, reply: Reply, log: Logger): Promise<void> {
  try {
    await client.views.publish({ user_id: userId, view: homeView(reply) });
  } catch (err) {
    const e = err as { data?: { error?: string }; message?: string };
    log.warn({ userId, error: e.data?.error ?? e.message }, 'slack: views.publish failed');
  }
}

/** The Home tab: published whenever the user opens it (`/versus home`'s reply, rendered as a view). */
export function attachHome(app: App, d: { handler: VersusHandler; log: Logger }): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ctx = slackContext({ teamId: body.team_id, channelId: event.channel ?? '', userId: event.user });
    await publishHome(client, event.user, await d.handler.command('home', ctx), d.log);
  });
}
