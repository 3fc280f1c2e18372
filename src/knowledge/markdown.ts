import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import frontMatterPlugin from 'markdown-it-front-matter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readAlone } from './coreference.js';
import { isChrome, LINK_LIST_HEADING } from './plain-lines.js';
import { sentences } from './sentences.js';
import { isOnlyTag, splitAtTags, takeTrailingTag } from './tags.js';
import type { ClaimTags, DocumentMeta, ParsedDocument, RawClaim } from './types.js';

const FrontMatterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes')
      .optional(),
    title: z.string().min(1).optional(),
    // A short label for citations in chat ("Guide 2025"); the full title stays in /versus sources.
    short: z.string().min(1).max(40).optional(),
    author: z.string().optional(),
    site: z.string().optional(),
    // YAML turns 2025-01-15 into a Date; keep the day.
    published: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
    url: z.string().url().optional(),
  })
  .passthrough();

export const SECTION_SEPARATOR = ' › ';

/** A table row as a claim's text: "Header: cell; Header: cell" (what the eval's patterns and answers read). */
export const rowText = (cells: readonly { header: string; value: string }[]): string =>
  cells.map((c) => `${c.header}: ${c.value}`).join('; ');

/** Fallback id for a document without one: its file name as a slug. */
export function slugFromPath(path: string): string {
  const base = path
    .split(/[\\/]/)
    .at(-1)!
    .replace(/\.[^.]+$/, '');
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'document'
  );
}

/** Plain text of an inline token: text and code spans, breaks as spaces, markup dropped. */
function inlineText(token: Token): string {
  if (!token.children) return token.content;
  return token.children
    .map((c) =>
      c.type === 'text' || c.type === 'code_inline'
        ? c.content
        : c.type === 'softbreak' || c.type === 'hardbreak'
          ? ' '
          : '',
    )
    .join('');
}

class ClaimCollector {
  readonly claims: (RawClaim | undefined)[] = [];
  readonly warnings: string[] = [];
  private headings: string[] = [];
  private pendingDefaults: ClaimTags = {};
  /** Under a "Related Articles" heading of a team's page: links, not claims. */
  private skipping = false;

  /** `raw`: a page a team added (no tags): page chrome is dropped and leaning sentences merged, as in plain text. */
  constructor(private readonly raw = false) {}

  heading(depth: number, text: string): void {
    // A level-1 heading is the document title: it starts the path; deeper ones nest under their parents.
    this.headings = depth === 1 ? [text] : [...this.headings.slice(0, Math.max(0, depth - 2)), text];
    this.skipping = this.raw && LINK_LIST_HEADING.test(text);
  }

  get section(): string {
    return this.headings.join(SECTION_SEPARATOR) || '(introduction)';
  }

  setDefaults(tags: ClaimTags): void {
    this.pendingDefaults = tags;
  }

  takeDefaults(): ClaimTags {
    const d = this.pendingDefaults;
    this.pendingDefaults = {};
    return d;
  }

  /** Keeps a place for a claim whose text is known only later (a list item closes after its children). */
  reserve(): number {
    return this.claims.push(undefined) - 1;
  }

  add(text: string, tags: ClaimTags, cells?: RawClaim['cells'], at?: number): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean.length < 3 || !/[\p{L}\p{N}]/u.test(clean)) return;
    if (this.raw && (this.skipping || isChrome(clean))) return;
    const claim = { section: this.section, text: clean, tags, cells };
    if (at === undefined) this.claims.push(claim);
    else this.claims[at] = claim;
  }

  prose(text: string, defaults: ClaimTags = {}): void {
    if (this.raw) {
      const last = this.claims.at(-1);
      const previous = last && !last.cells && last.section === this.section ? last : undefined;
      const { appendToPrevious, claims } = readAlone(sentences(text), previous?.text);
      if (previous && appendToPrevious) previous.text = `${previous.text} ${appendToPrevious}`;
      for (const s of claims) this.add(s, defaults);
      return;
    }
    for (const chunk of splitAtTags(text)) {
      this.warnings.push(...chunk.warnings);
      const parts = sentences(chunk.text);
      parts.forEach((s, i) => this.add(s, i === parts.length - 1 ? { ...defaults, ...chunk.tags } : defaults));
    }
  }

  tagged(text: string, defaults: ClaimTags, cells?: RawClaim['cells'], at?: number): void {
    const { text: clean, tags, warnings } = takeTrailingTag(text);
    this.warnings.push(...warnings);
    this.add(clean, { ...defaults, ...tags }, cells, at);
  }
}

interface OpenItem {
  slot: number;
  parts: string[];
  defaults: ClaimTags;
}

/** Walks markdown-it's token stream: headings → sections, list items, table rows and sentences → claims. */
function collect(tokens: Token[], out: ClaimCollector): void {
  const items: OpenItem[] = [];
  const listDefaults: ClaimTags[] = [];
  let table: { headers: string[]; row: string[]; inHead: boolean; defaults: ClaimTags } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open':
        out.heading(Number(t.tag.slice(1)), inlineText(tokens[i + 1]!));
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        // A nested list inherits its parent's defaults; a top-level one takes the pending tag paragraph.
        listDefaults.push(items.length ? items.at(-1)!.defaults : out.takeDefaults());
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDefaults.pop();
        break;
      case 'list_item_open':
        items.push({ slot: out.reserve(), parts: [], defaults: listDefaults.at(-1) ?? {} });
        break;
      case 'list_item_close': {
        const item = items.pop()!;
        out.tagged(item.parts.join(' '), item.defaults, undefined, item.slot);
        break;
      }
      case 'table_open':
        table = { headers: [], row: [], inHead: false, defaults: out.takeDefaults() };
        break;
      case 'thead_open':
        table!.inHead = true;
        break;
      case 'thead_close':
        table!.inHead = false;
        break;
      case 'tr_open':
        table!.row = [];
        break;
      case 'tr_close':
        if (table && !table.inHead) {
          const values = table.row;
          const last = takeTrailingTag(values.at(-1) ?? '');
          out.warnings.push(...last.warnings);
          if (values.length) values[values.length - 1] = last.text;
          const cells = values
            .map((value, n) => ({ header: table!.headers[n] ?? `Column ${n + 1}`, value }))
            .filter((c) => c.value !== '');
          out.add(rowText(cells), { ...table.defaults, ...last.tags }, cells);
        }
        break;
      case 'table_close':
        table = undefined;
        break;
      case 'inline': {
        const text = inlineText(t);
        if (table) (table.inHead ? table.headers : table.row).push(text.trim());
        else if (items.length) items.at(-1)!.parts.push(text);
        else if (isOnlyTag(text)) {
          const tag = takeTrailingTag(text);
          out.warnings.push(...tag.warnings);
          out.setDefaults(tag.tags);
        } else out.prose(text, out.takeDefaults());
        break;
      }
      default:
        // fences, code blocks, HTML, rules: not claims.
        break;
    }
  }
}

let parser: MarkdownIt | undefined;
let frontMatter = '';

function markdownParser(): MarkdownIt {
  // CommonMark plus GFM tables; front matter is handed to the callback and parsed as YAML below.
  // html: true so comments and raw HTML come as html tokens, which are not claims (editors' notes live there).
  parser ??= markdownIt('commonmark', { html: true })
    .enable('table')
    .use(frontMatterPlugin, (raw: string) => {
      frontMatter = raw;
    });
  return parser;
}

/** Markdown (with optional YAML front matter) → document metadata and raw claims. */
export function parseMarkdown(source: string, path: string, opts: { raw?: boolean } = {}): ParsedDocument {
  frontMatter = '';
  const tokens = markdownParser().parse(source, {});
  const raw = frontMatter;
  const warnings: string[] = [];
  let broken: string | undefined;
  let fm: z.infer<typeof FrontMatterSchema> = {};
  if (raw) {
    try {
      const parsed = FrontMatterSchema.safeParse(parseYaml(raw) ?? {});
      if (parsed.success) fm = parsed.data;
      else warnings.push(...parsed.error.issues.map((i) => `front matter ${i.path.join('.')}: ${i.message}`));
    } catch (e) {
      // Without its front matter the id and title would be guessed: a half-saved edit must not replace the document.
      broken = `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`;
      warnings.push(broken);
    }
  }
  const h1 = tokens.findIndex((t) => t.type === 'heading_open');
  const meta: DocumentMeta = {
    id: fm.id ?? slugFromPath(path),
    title: fm.title ?? (h1 >= 0 ? inlineText(tokens[h1 + 1]!) : slugFromPath(path)),
    short: fm.short,
    author: fm.author,
    site: fm.site,
    published: fm.published,
    url: fm.url,
  };
  const out = new ClaimCollector(opts.raw);
  collect(tokens, out);
  return {
    meta,
    claims: out.claims.filter((c): c is RawClaim => c !== undefined),
    warnings: [...warnings, ...out.warnings],
    broken,
  };
}
