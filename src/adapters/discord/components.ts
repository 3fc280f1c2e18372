import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { clip } from '../../chat/labels.js';
import type { Button } from '../../chat/reply.js';
import { COMPONENTS } from './limits.js';

/** Versus only sends buttons with a custom_id (no link or SKU buttons). */
export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const STYLE = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger, default: ButtonStyle.Secondary } as const;

/** Buttons the adapter answers itself (paging a long reply); never passed to the core. */
const PAGE_ID = /^dc:page:(\d{1,3}):([A-Za-z0-9_-]{1,24})$/;

export function pageButtonId(page: number, key: string): string {
  return `dc:page:${page}:${key}`;
}

export function parsePageButtonId(customId: string): { page: number; key: string } | undefined {
  const m = PAGE_ID.exec(customId);
  return m ? { page: Number(m[1]), key: m[2]! } : undefined;
}

/**
 * Core buttons → Discord buttons. Discord rejects the whole message for a custom_id over 100 characters or
 * a custom_id used twice, so such buttons are left out and reported (the caller logs the warnings).
 */
export function toDiscordButtons(buttons: Button[]): { buttons: APIButtonComponentWithCustomId[]; warnings: string[] } {
  const out: APIButtonComponentWithCustomId[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const b of buttons) {
    if (b.actionId.length === 0 || b.actionId.length > COMPONENTS.customId) {
      warnings.push(
        `button "${b.label}" left out: action id is ${b.actionId.length} characters (Discord allows 1–${COMPONENTS.customId})`,
      );
    } else if (seen.has(b.actionId)) {
      warnings.push(`button "${b.label}" left out: action id ${b.actionId} is used twice in one reply`);
    } else {
      seen.add(b.actionId);
      out.push({
        type: ComponentType.Button,
        custom_id: b.actionId,
        label: clip(b.label || '…', COMPONENTS.buttonLabel),
        style: STYLE[b.style ?? 'default'],
      });
    }
  }
  return { buttons: out, warnings };
}

/** ◀ / ▶ buttons of page `page` (1-based) of `total`. */
export function navButtons(page: number, total: number, key: string): APIButtonComponentWithCustomId[] {
  const nav: APIButtonComponentWithCustomId[] = [];
  if (page > 1)
    nav.push({
      type: ComponentType.Button,
      custom_id: pageButtonId(page - 1, key),
      label: `◀ Back (${page - 1}/${total})`,
      style: ButtonStyle.Secondary,
    });
  if (page < total)
    nav.push({
      type: ComponentType.Button,
      custom_id: pageButtonId(page + 1, key),
      label: `More ▶ (${page + 1}/${total})`,
      style: ButtonStyle.Secondary,
    });
  return nav;
}

export function toRows(buttons: APIButtonComponentWithCustomId[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += COMPONENTS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + COMPONENTS.buttonsPerRow) });
  }
  return rows;
}

/**
 * Which reply buttons go on which page. Normally every page carries all of them (a poll's vote buttons
 * must work on any page). When they do not fit next to the navigation row (over 20 on a paged reply, or
 * over 25 at all), they are spread over pages of 20 instead, adding pages if needed: never dropped.
 */
export function spreadButtons(
  buttons: APIButtonComponentWithCustomId[],
  contentPages: number,
): { pageCount: number; forPage(page: number): APIButtonComponentWithCustomId[] } {
  const all = COMPONENTS.rows * COMPONENTS.buttonsPerRow;
  const besideNav = (COMPONENTS.rows - 1) * COMPONENTS.buttonsPerRow;
  if (contentPages === 1 && buttons.length <= all) return { pageCount: 1, forPage: () => buttons };
  if (buttons.length <= besideNav) return { pageCount: contentPages, forPage: () => buttons };
  const chunks = Math.ceil(buttons.length / besideNav);
  return {
    pageCount: Math.max(contentPages, chunks),
    forPage: (page) => buttons.slice((page - 1) * besideNav, page * besideNav),
  };
}
