import type { Citation, CitedClaim } from '../knowledge/types.js';
import type { Form } from './form.js';
import type { RichText } from './rich.js';

/** One row of a side-by-side figure table, e.g. "HTTP throughput | Go 120,000 req/s | Python 45,000 req/s". */
export interface FigureRow {
  label: string;
  go?: string | undefined;
  python?: string | undefined;
  /** Who does better and by how much: "Go 2.9× higher". */
  verdict?: string | undefined;
  /** The same as data, so the verdict can be worded in the reader's language (present-answers.ts). */
  call?: FigureCall | undefined;
}

/** A figure row's verdict as data: about the same, one side's figure N× higher or lower, or favoring a side. */
export type FigureCall =
  | { kind: 'same' }
  | { kind: 'ratio'; side: 'go' | 'python'; times: string; higher: boolean }
  | { kind: 'favors'; side: 'go' | 'python' };

export interface Disagreement {
  /** What the sources disagree about, e.g. "Go speed-up over Python". */
  about: string;
  /** Short human explanation: "5–10× (source A) vs 56× (source B)". */
  summary: string;
  claims: [CitedClaim, CitedClaim];
}

export interface Bar {
  label: string;
  count: number;
  /** 0–100, rounded by the core so every platform shows the same figure. */
  percent: number;
}

export type ReplyBlock =
  | { type: 'heading'; text: string }
  /** The direct answer a reply leads with (shown in bold), built only from the cited claims; literal text. */
  | { type: 'answer'; text: string; citations: Citation[] }
  /** Inline markup as spans (see rich.ts); a plain string is literal text. */
  | { type: 'text'; text: RichText }
  | { type: 'claims'; title?: string | undefined; claims: CitedClaim[] }
  | { type: 'figures'; title?: string | undefined; rows: FigureRow[] }
  | { type: 'disagreements'; title: string; items: Disagreement[] }
  | {
      type: 'bars';
      title?: string | undefined;
      bars: Bar[];
      total: number;
      /** The total in the reply's language ("3 votes"); renderers fall back to English without it. */
      totalLabel?: string | undefined;
    }
  | { type: 'context'; text: RichText }
  | { type: 'divider' };

export type ButtonStyle = 'primary' | 'danger' | 'default';

export interface Button {
  /** Compact versioned action id, parsed back with zod (see chat/action-id.ts). At most 100 chars (Discord's custom_id limit). */
  actionId: string;
  label: string;
  style?: ButtonStyle | undefined;
}

/**
 * Platform-neutral message model. The core builds Replies; each adapter renders them
 * (Slack Block Kit, Discord Components V2, plain text for the console).
 * Every string field other than text and context blocks is literal text: renderers escape it.
 */
/** 'ephemeral': only the invoking user sees it (usage errors, help, confirmations, private answers). */
export type Visibility = 'channel' | 'ephemeral';

export interface Reply {
  visibility: Visibility;
  /** Short title, also used as the notification fallback's first line. Literal text (it may be a poll question). */
  title?: string | undefined;
  blocks: ReplyBlock[];
  buttons?: Button[] | undefined;
  /** Open this form where the platform has forms (the blocks are the fallback, e.g. in the console). */
  form?: Form | undefined;
}

export function reply(blocks: ReplyBlock[], opts: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { visibility: opts.visibility ?? 'channel', title: opts.title, blocks, buttons: opts.buttons };
}

export function ephemeral(text: RichText, title?: string): Reply {
  return { visibility: 'ephemeral', title, blocks: [{ type: 'text', text }] };
}
