import type { ClaimKind, Side } from '../chat/reply.js';

export type { ClaimKind, Side };

export interface DocumentMeta {
  id: string;
  title: string;
  author?: string | undefined;
  site?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
}

export interface Figure {
  subject: string;
  metric: string;
  value: number;
  valueHigh?: number | undefined;
  unit: string;
  /** In the dimension's base unit: seconds, bytes, per second, percent, ratio, or the count itself. */
  normalized: number;
  raw: string;
}

/** Explicit `{key=value}` overrides written in a digest. */
export interface ClaimTags {
  side?: Side | undefined;
  kind?: ClaimKind | undefined;
  topics?: string[] | undefined;
  metric?: string | undefined;
  stance?: string | undefined;
}

/** A claim as the parser finds it, before inference. */
export interface RawClaim {
  section: string;
  text: string;
  tags: ClaimTags;
  /** Table cells keyed by column header, for table rows. */
  cells?: { header: string; value: string }[] | undefined;
}

export interface Claim {
  id: string;
  documentId: string;
  section: string;
  ordinal: number;
  text: string;
  side: Side;
  topics: string[];
  kind: ClaimKind;
  metricKey?: string | undefined;
  stance?: string | undefined;
  figures: Figure[];
}

export interface ParsedDocument {
  meta: DocumentMeta;
  claims: RawClaim[];
  /** Problems that did not stop indexing (unknown tag keys, …), reported by `versus index`. */
  warnings: string[];
}
