import { z } from 'zod';
import type { ClaimTags } from './types.js';

const TagsSchema = z
  .object({
    side: z.enum(['go', 'python', 'both']),
    kind: z.enum(['benchmark', 'anecdote', 'fact', 'opinion', 'recommendation']),
    topics: z.string().transform((s) =>
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
    metric: z.string().regex(/^[a-z0-9-]+$/),
    favors: z.enum(['go', 'python', 'neither']),
    stance: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/),
  })
  .partial()
  .strict();

/** `{key=value …}` at the end of a text (the whole text may be only a tag). */
const TRAILING_TAG = /\s*\{((?:[a-z]+=[^\s{}]+\s*)+)\}\s*$/;
const ANY_TAG = /\{((?:[a-z]+=[^\s{}]+\s*)+)\}/g;

export interface TagParse {
  text: string;
  tags: ClaimTags;
  warnings: string[];
}

function parseBody(body: string): { tags: ClaimTags; warnings: string[] } {
  const pairs = Object.fromEntries(
    body
      .trim()
      .split(/\s+/)
      .map((kv) => {
        const at = kv.indexOf('=');
        return [kv.slice(0, at), kv.slice(at + 1)];
      }),
  );
  const parsed = TagsSchema.safeParse(pairs);
  if (parsed.success) return { tags: parsed.data, warnings: [] };
  return {
    tags: {},
    warnings: parsed.error.issues.map((i) => `tag {${body.trim()}}: ${i.path.join('.') || 'key'} ${i.message}`),
  };
}

/** Strips a trailing tag from a claim's text and parses it. */
export function takeTrailingTag(text: string): TagParse {
  const m = TRAILING_TAG.exec(text);
  if (!m) return { text: text.trim(), tags: {}, warnings: [] };
  return { text: text.slice(0, m.index).trim(), ...parseBody(m[1]!) };
}

/**
 * Splits prose at its tags: each chunk of text is followed by the tag that applies to its last sentence.
 * "A. B. {side=go} C." → [{text:"A. B.", tags:{side:go}}, {text:"C.", tags:{}}]
 */
export function splitAtTags(text: string): TagParse[] {
  const out: TagParse[] = [];
  let last = 0;
  for (const m of text.matchAll(ANY_TAG)) {
    out.push({ text: text.slice(last, m.index).trim(), ...parseBody(m[1]!) });
    last = m.index + m[0].length;
  }
  const rest = text.slice(last).trim();
  if (rest || out.length === 0) out.push({ text: rest, tags: {}, warnings: [] });
  return out;
}

export function isOnlyTag(text: string): boolean {
  const t = takeTrailingTag(text);
  return t.text === '' && (Object.keys(t.tags).length > 0 || t.warnings.length > 0);
}
