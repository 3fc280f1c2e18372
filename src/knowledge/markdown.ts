import type { List, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { sentences } from './sentences.js';
import { isOnlyTag, splitAtTags, takeTrailingTag } from './tags.js';
import type { ClaimTags, DocumentMeta, ParsedDocument, RawClaim } from './types.js';

const FrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes').optional(),
  title: z.string().min(1).optional(),
  author: z.string().optional(),
  site: z.string().optional(),
  // YAML turns 2025-01-15 into a Date; keep the day.
  published: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  url: z.string().url().optional(),
}).passthrough();

export const SECTION_SEPARATOR = ' › ';

/** Fallback id for a document without one: its file name as a slug. */
export function slugFromPath(path: string): string {
  const base = path.split(/[\\/]/).at(-1)!.replace(/\.[^.]+$/, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document';
}

class ClaimCollector {
  readonly claims: RawClaim[] = [];
  readonly warnings: string[] = [];
  private headings: string[] = [];
  private pendingDefaults: ClaimTags = {};

  heading(depth: number, text: string): void {
    this.headings = [...this.headings.slice(0, Math.max(0, depth - 2)), text];
    // A level-1 heading is usually the title; keep it as the section only when nothing deeper exists.
    if (depth === 1) this.headings = [text];
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

  add(text: string, tags: ClaimTags, cells?: RawClaim['cells']): void {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean.length < 3 || !/[\p{L}\p{N}]/u.test(clean)) return;
    this.claims.push({ section: this.section, text: clean, tags, cells });
  }

  prose(text: string, defaults: ClaimTags = {}): void {
    for (const chunk of splitAtTags(text)) {
      this.warnings.push(...chunk.warnings);
      const parts = sentences(chunk.text);
      parts.forEach((s, i) => this.add(s, i === parts.length - 1 ? { ...defaults, ...chunk.tags } : defaults));
    }
  }
}

function listItemText(item: ListItem): string {
  return item.children.filter((c) => c.type !== 'list').map((c) => toString(c)).join(' ');
}

function walkList(list: List, out: ClaimCollector, defaults: ClaimTags): void {
  for (const item of list.children) {
    const { text, tags, warnings } = takeTrailingTag(listItemText(item));
    out.warnings.push(...warnings);
    out.add(text, { ...defaults, ...tags });
    for (const child of item.children) if (child.type === 'list') walkList(child, out, defaults);
  }
}

function walkTable(table: Table, out: ClaimCollector, defaults: ClaimTags): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const headers = head.children.map((c) => toString(c).trim());
  for (const row of rows) {
    const values = row.children.map((c) => toString(c).trim());
    const last = takeTrailingTag(values.at(-1) ?? '');
    out.warnings.push(...last.warnings);
    if (values.length > 0) values[values.length - 1] = last.text;
    const cells = values.map((value, i) => ({ header: headers[i] ?? `Column ${i + 1}`, value }));
    const filled = cells.filter((c) => c.value !== '');
    const text = filled.map((c) => `${c.header}: ${c.value}`).join('; ');
    out.add(text, { ...defaults, ...last.tags }, filled);
  }
}

function walk(nodes: RootContent[], out: ClaimCollector): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        out.heading(node.depth, toString(node));
        break;
      case 'paragraph': {
        const text = toString(node);
        if (isOnlyTag(text)) {
          const t = takeTrailingTag(text);
          out.warnings.push(...t.warnings);
          out.setDefaults(t.tags);
        } else out.prose(text, out.takeDefaults());
        break;
      }
      case 'list':
        walkList(node, out, out.takeDefaults());
        break;
      case 'table':
        walkTable(node, out, out.takeDefaults());
        break;
      case 'blockquote':
        walk(node.children, out);
        break;
      default:
        // code, html, thematic breaks, yaml: not claims.
        break;
    }
  }
}

/** Markdown (with optional YAML front matter) → document metadata and raw claims. */
export function parseMarkdown(source: string, path: string): ParsedDocument {
  const tree: Root = fromMarkdown(source, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const warnings: string[] = [];
  let fm: z.infer<typeof FrontMatterSchema> = {};
  const yamlNode = tree.children.find((n): n is Extract<Nodes, { type: 'yaml' }> => n.type === 'yaml');
  if (yamlNode) {
    try {
      const parsed = FrontMatterSchema.safeParse(parseYaml(yamlNode.value) ?? {});
      if (parsed.success) fm = parsed.data;
      else warnings.push(...parsed.error.issues.map((i) => `front matter ${i.path.join('.')}: ${i.message}`));
    } catch (e) {
      warnings.push(`front matter is not valid YAML: ${(e as Error).message}`);
    }
  }
  const firstHeading = tree.children.find((n) => n.type === 'heading');
  const meta: DocumentMeta = {
    id: fm.id ?? slugFromPath(path),
    title: fm.title ?? (firstHeading ? toString(firstHeading) : slugFromPath(path)),
    author: fm.author,
    site: fm.site,
    published: fm.published,
    url: fm.url,
  };
  const out = new ClaimCollector();
  walk(tree.children, out);
  return { meta, claims: out.claims, warnings: [...warnings, ...out.warnings] };
}
