/** Which language a claim is about. */
export type Side = 'go' | 'python' | 'both';
/** The side a claim is evidence for, whatever it is about. */
export type Favors = 'go' | 'python' | 'neither';
export type ClaimKind = 'benchmark' | 'anecdote' | 'fact' | 'opinion' | 'recommendation';

export interface Citation {
  documentId: string;
  /** Short source label for chat ("Guide 2025"); the full title is in /versus sources and behind the link. */
  title: string;
  fullTitle?: string | undefined;
  section: string;
  url?: string | undefined;
}

export interface FigureView {
  value: number;
  /** Upper bound for ranges such as 15–25%. */
  valueHigh?: number | undefined;
  unit: string;
  /** Value in the unit's base (seconds, bytes, req/s, ratio). */
  normalized: number;
  metric: string;
  subject: string;
  /** The figure as written in the source, e.g. "120,000 req/s". */
  raw: string;
}

export interface CitedClaim {
  id: string;
  text: string;
  /** What the claim is about. */
  side: Side;
  /** Which side it is evidence for (absent on claims built outside the index). */
  favors?: Favors | undefined;
  kind: ClaimKind;
  topics: string[];
  figures: FigureView[];
  citation: Citation;
  /** Computed from another row of the same source; shown after it. */
  derived?: boolean | undefined;
  /** The same fact stated by other sources ("3 sources agree"). */
  alsoIn?: Citation[] | undefined;
}

export interface DocumentMeta {
  id: string;
  title: string;
  /** Short citation label; falls back to a clipped title. */
  short?: string | undefined;
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
  favors?: Favors | undefined;
}

/** A claim as the parser finds it, before inference. */
export interface RawClaim {
  section: string;
  text: string;
  tags: ClaimTags;
  /** Table cells keyed by column header, for table rows. */
  cells?: { header: string; value: string }[] | undefined;
  /** Plain text: the language of the numbered point the claim explains, for a claim that names none itself. */
  about?: Side | undefined;
}

export interface Claim {
  id: string;
  documentId: string;
  section: string;
  ordinal: number;
  text: string;
  /** Which language the claim is about. */
  side: Side;
  /** Which language the claim is evidence for: a slow Python timing is about Python and favors Go. */
  favors: Favors;
  /** A figure computed from another row of the same source ("Derived from …"): shown after its source. */
  derived: boolean;
  topics: string[];
  kind: ClaimKind;
  metricKey?: string | undefined;
  stance?: string | undefined;
  figures: Figure[];
  /** A row of a Markdown table: its figures are measured side by side with the other rows of its section. */
  tableRow: boolean;
  /** Words the claim's figures are about (subjects, metrics, table headers), searched as their own column. */
  subjects: string;
}

export interface ParsedDocument {
  meta: DocumentMeta;
  claims: RawClaim[];
  /** Problems that did not stop indexing (unknown tag keys, …), reported by `versus index`. */
  warnings: string[];
  /** Why the document cannot be trusted (its front matter is unreadable): its last good version stays indexed. */
  broken?: string | undefined;
}
