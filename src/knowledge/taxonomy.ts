import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { VersusError } from '../errors.js';
import type { Side } from './types.js';

const TopicSchema = z.object({
  label: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
});

export const TaxonomySchema = z.object({
  sides: z.object({ go: z.array(z.string().min(1)).min(1), python: z.array(z.string().min(1)).min(1) }),
  topics: z.record(z.string().regex(/^[a-z0-9-]+$/, 'topic ids are lowercase-with-dashes'), TopicSchema),
});

export type TaxonomyFile = z.infer<typeof TaxonomySchema>;

export interface Topic {
  id: string;
  label: string;
  synonyms: string[];
}

export interface Taxonomy {
  topics: Topic[];
  sides: Record<'go' | 'python', string[]>;
  topicIds: Set<string>;
  /** Topic ids whose id, label or synonyms occur in the text (whole words). */
  topicsOf(text: string): string[];
  /** Which language a text is about, from the side keywords. */
  sideOf(text: string): Side;
  /** Positions of side keywords, for attaching figures to the nearest subject. */
  subjectsIn(text: string): { index: number; term: string; side: 'go' | 'python' }[];
  /** Resolves user input (id, label, synonym, or a prefix of one) to a topic. */
  resolveTopic(input: string): Topic | undefined;
  /** Terms to add to a search for these words (synonyms of the topics they name). */
  expand(words: string[]): string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Whole-word, case-insensitive alternation; terms like "req/s" or "net/http" keep their punctuation. */
function termsRegex(terms: string[]): RegExp {
  const sorted = [...new Set(terms.map((t) => t.toLowerCase()))].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function buildTaxonomy(file: TaxonomyFile): Taxonomy {
  const topics: Topic[] = Object.entries(file.topics).map(([id, t]) => ({ id, label: t.label, synonyms: t.synonyms }));
  const termToTopics = new Map<string, Set<string>>();
  for (const t of topics) {
    for (const term of [t.id, t.id.replace(/-/g, ' '), t.label, ...t.synonyms]) {
      const key = term.toLowerCase();
      if (!termToTopics.has(key)) termToTopics.set(key, new Set());
      termToTopics.get(key)!.add(t.id);
    }
  }
  const topicRe = termsRegex([...termToTopics.keys()]);
  const sideTerms = new Map<string, 'go' | 'python'>();
  for (const term of file.sides.python) sideTerms.set(term.toLowerCase(), 'python');
  for (const term of file.sides.go) sideTerms.set(term.toLowerCase(), 'go');
  const sideRe = termsRegex([...sideTerms.keys()]);

  const subjectsIn = (text: string) =>
    [...text.matchAll(sideRe)].map((m) => ({ index: m.index, term: m[0], side: sideTerms.get(m[0].toLowerCase())! }));

  return {
    topics,
    sides: { go: file.sides.go, python: file.sides.python },
    topicIds: new Set(topics.map((t) => t.id)),
    topicsOf(text) {
      const found = new Set<string>();
      for (const m of text.matchAll(topicRe)) for (const id of termToTopics.get(m[0].toLowerCase()) ?? []) found.add(id);
      return [...found].sort();
    },
    sideOf(text) {
      const sides = new Set(subjectsIn(text).map((s) => s.side));
      if (sides.size === 1) return [...sides][0]!;
      return 'both';
    },
    subjectsIn,
    resolveTopic(input) {
      const q = input.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!q) return undefined;
      const exact = topics.find((t) => t.id === q || t.id.replace(/-/g, ' ') === q || t.label.toLowerCase() === q);
      if (exact) return exact;
      const bySynonym = termToTopics.get(q);
      if (bySynonym) return topics.find((t) => bySynonym.has(t.id));
      return topics.find((t) => t.id.startsWith(q) || t.label.toLowerCase().startsWith(q));
    },
    expand(words) {
      const out = new Set<string>();
      for (const w of words) {
        for (const id of termToTopics.get(w.toLowerCase()) ?? []) {
          const t = topics.find((x) => x.id === id)!;
          for (const s of [t.label, ...t.synonyms]) out.add(s.toLowerCase());
        }
      }
      return [...out];
    },
  };
}

export function loadTaxonomy(path: string): Taxonomy {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new VersusError('knowledge_invalid', `Cannot read the taxonomy ${path}: ${(cause as Error).message}`, { cause });
  }
  const parsed = TaxonomySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new VersusError('knowledge_invalid', `The taxonomy ${path} is invalid:\n${issues}`);
  }
  return buildTaxonomy(parsed.data);
}
