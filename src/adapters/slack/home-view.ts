import type { types } from '@slack/bolt';
import { clip } from '../../chat/labels.js';
import type { Reply } from '../../chat/reply.js';
import { type Block, LIMITS, renderBlock, renderButtons } from './blocks.js';

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
