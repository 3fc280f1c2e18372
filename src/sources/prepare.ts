import type { Strings } from '../chat/strings-en.js';
import type { Converted } from '../ingest/convert.js';
import { extractClaims } from '../knowledge/extract.js';
import { TEAM_ID_PREFIX } from '../knowledge/indexer.js';
import { parseMarkdown, SECTION_SEPARATOR } from '../knowledge/markdown.js';
import { parsePlainText } from '../knowledge/plaintext.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Claim, DocumentMeta } from '../knowledge/types.js';

/** A stored team document as the indexer needs it. */
export interface TeamText {
  id: string;
  format: 'markdown' | 'text';
  content: string;
  title: string;
  author?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
}

export const teamDocumentId = (sourceId: string) => `${TEAM_ID_PREFIX}${sourceId}`;
/** Where a team document sits in a process's index: not a file path, so the folder indexer never touches it. */
export const teamDocumentPath = (sourceId: string) => `team:${sourceId}`;

/**
 * A team document's claims, with the id and metadata it was stored with: its own front matter may not
 * pick the id (it could name a folder digest and replace it) or retitle it after the fact.
 */
export function teamClaims(doc: TeamText, taxonomy: Taxonomy): { meta: DocumentMeta; claims: Claim[] } {
  const id = teamDocumentId(doc.id);
  const parsed =
    doc.format === 'markdown'
      ? parseMarkdown(doc.content, `${id}.md`, { raw: true })
      : parsePlainText(doc.content, `${id}.txt`, (t) => taxonomy.sideOf(t));
  const meta: DocumentMeta = {
    id,
    title: doc.title,
    author: doc.author,
    published: doc.published,
    url: doc.url,
  };
  return { meta, claims: extractClaims(id, parsed.claims, taxonomy).claims };
}

/**
 * What `sources add` read, keyed by the id the store then gave it. A claim's id is its document's id and a
 * hash of its own section and text (knowledge/extract.ts claimId), so this equals reading the stored row
 * again: the adding process indexes what it already read instead of extracting it a second time.
 */
export function withSourceId(
  read: { meta: DocumentMeta; claims: readonly Claim[] },
  unstoredId: string,
  sourceId: string,
): { meta: DocumentMeta; claims: Claim[] } {
  const from = teamDocumentId(unstoredId);
  const to = teamDocumentId(sourceId);
  const rekey = (id: string) => (id.startsWith(`${from}:`) ? `${to}${id.slice(from.length)}` : id);
  return {
    meta: { ...read.meta, id: to },
    claims: read.claims.map((c) => ({ ...c, id: rekey(c.id), documentId: to })),
  };
}

/** Why a document gave no claims, in words the person who added it can act on. */
export function whyNoClaims(doc: Converted, t: Strings): string {
  const why = t.sources.why;
  if (!doc.content.trim()) return doc.from === 'pdf' ? why.pdfNoText : doc.from === 'html' ? why.htmlNoText : why.empty;
  return why.noClaimLike;
}

/** The sections a document's claims fall under, in order, for the confirmation ("What we measured", …). */
export function sectionsOf(claims: readonly Claim[]): string[] {
  const names = claims.map((c) => c.section.split(SECTION_SEPARATOR).at(-1) ?? c.section);
  return [...new Set(names)].filter((s) => s !== '(introduction)');
}
