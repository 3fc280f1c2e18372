import {
  type APIButtonComponentWithCustomId,
  type APIComponentInContainer,
  type APIContainerComponent,
  type APITextDisplayComponent,
  ComponentType,
  MessageFlags,
} from 'discord.js';
import type { Reply } from '../../chat/reply.js';
import { type ButtonRow, navButtons, spreadButtons, toDiscordButtons, toRows } from './components.js';
import { V2 } from './limits.js';
import { escapeMarkdown } from './markdown.js';
import { type Section, splitText, toSections } from './sections.js';

/** One Discord message as `reply()`, `update()`, `send()` and the REST client take it (flag IS_COMPONENTS_V2). */
export interface V2Payload {
  flags: number;
  components: (ButtonRow | APIContainerComponent | APITextDisplayComponent)[];
}

export interface RenderedReply {
  /** Page 1 is sent; the others are served by the ◀ / ▶ buttons (see pages.ts). */
  pages: V2Payload[];
  /** Things left out because Discord would reject them (bad button ids); the caller logs them. */
  warnings: string[];
}

const text = (content: string): APITextDisplayComponent => ({ type: ComponentType.TextDisplay, content });

/** What one page of content may use once its buttons, navigation and footer are placed. */
interface Budget {
  components: number;
  chars: number;
}

interface Page {
  containers: APIContainerComponent[];
  components: number;
  chars: number;
}

/** Room kept beside the longest piece of text for a container title. */
const TITLE_ROOM = 300;

/** Atoms of a section as text: lines as they are, fields as a bold name over its value. */
const atomText = (a: Section['atoms'][number]) => (a.kind === 'line' ? a.text : `**${a.name}**\n${a.value}`);

/**
 * Sections → containers, packed into pages within Discord's Components V2 limits (40 components, 4,000
 * characters of text per message). A container holds its title and one text display for its body; a body
 * too long for the page continues in a new container on the next page, so no text is ever cut.
 */
function pack(sections: Section[], budget: Budget): APIContainerComponent[][] {
  const emptyPage = (): Page => ({ containers: [], components: 0, chars: 0 });
  let page = emptyPage();
  const pages = [page];
  const newPage = () => {
    page = emptyPage();
    pages.push(page);
  };
  const fits = (components: number, chars: number) =>
    page.components + components <= budget.components && page.chars + chars <= budget.chars;
  /** A text display holding `t`, added to `container` on the current page. */
  const addBody = (container: APIContainerComponent, t: string): APITextDisplayComponent => {
    const body = text(t);
    (container.components as APIComponentInContainer[]).push(body);
    page.components += 1;
    page.chars += t.length;
    return body;
  };
  for (const s of sections) {
    const startContainer = (withTitle: boolean): APIContainerComponent => {
      // The heading is full markdown: its text is escaped like any body text (mentions, links, spoilers).
      const title = withTitle && s.title ? [text(`### ${escapeMarkdown(s.title)}`)] : [];
      const container: APIContainerComponent = {
        type: ComponentType.Container,
        accent_color: s.color,
        components: [...title],
      };
      page.containers.push(container);
      page.components += 1 + title.length;
      page.chars += title.reduce((n, t) => n + t.content.length, 0);
      return container;
    };
    if (!fits(2 + (s.title ? 1 : 0), (s.title?.length ?? 0) + 4)) newPage();
    let container = startContainer(true);
    let body: APITextDisplayComponent | undefined;
    // A text longer than a page's budget goes in page-sized pieces (split at a line break or a space).
    for (const t of s.atoms.flatMap((a) => splitText(atomText(a), budget.chars - TITLE_ROOM))) {
      const joined = body ? 1 + t.length : t.length; // +1: the newline joining it to the body so far
      if (body && fits(0, joined)) {
        body.content += `\n${t}`;
        page.chars += joined;
      } else if (!body && fits(1, t.length)) body = addBody(container, t);
      else {
        // The page is full: the section continues, untitled, on the next page.
        newPage();
        container = startContainer(false);
        body = addBody(container, t);
      }
    }
  }
  return pages.map((p) => p.containers.filter((c) => c.components.length > 0)).filter((p) => p.length > 0);
}

/** Components a page's buttons take: each row and each button count. */
const buttonCost = (buttons: APIButtonComponentWithCustomId[]) => toRows(buttons).length + buttons.length;

/**
 * Reply → Components V2 messages (flag IS_COMPONENTS_V2): a container per block with the side's accent
 * colour, text displays for the text, the reply's buttons as action rows, and ◀ / ▶ paging as today.
 */
export function renderReplyV2(reply: Reply, pageKey: string): RenderedReply {
  const { buttons, warnings } = toDiscordButtons(reply.buttons ?? []);
  // Reserve room on every page for the reply's buttons (at most 20 beside the navigation), the ◀ / ▶ row
  // and the "Page n/m" line, whatever page count the content ends up needing.
  const perPage = buttons.slice(0, 20);
  const reserve = buttonCost(perPage) + 3 + 1;
  const content = pack(toSections(reply), {
    components: V2.components - reserve,
    chars: V2.textPerMessage - V2.footerReserve,
  });
  if (content.length === 0) content.push([{ type: ComponentType.Container, components: [text('(nothing to show)')] }]);
  const layout = spreadButtons(buttons, content.length);
  while (content.length < layout.pageCount)
    content.push([{ type: ComponentType.Container, components: [text('-# More actions for this answer below.')] }]);
  const total = content.length;
  const pages = content.map((containers, i): V2Payload => {
    const n = i + 1;
    const footer = total > 1 ? [text(`-# Page ${n}/${total}`)] : [];
    const nav = total > 1 ? navButtons(n, total, pageKey) : [];
    return {
      flags: MessageFlags.IsComponentsV2,
      components: [...containers, ...footer, ...toRows(layout.forPage(n)), ...toRows(nav)],
    };
  });
  return { pages, warnings };
}

/** Components and text characters of a V2 message, as Discord counts them (nested components included). */
export function v2Size(p: V2Payload): { components: number; chars: number } {
  let components = 0;
  let chars = 0;
  const walk = (c: { type: number; content?: string; components?: unknown[] }) => {
    components++;
    if (c.type === ComponentType.TextDisplay) chars += c.content?.length ?? 0;
    for (const child of (c.components ?? []) as (typeof c)[]) walk(child);
  };
  for (const c of p.components as { type: number }[]) walk(c);
  return { components, chars };
}
