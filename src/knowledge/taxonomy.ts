import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { VersusError } from '../errors.js';
import { buildMetricBook, type MetricBook, MetricSchema } from './metrics.js';
import { normalizeTerm, TermMatcher } from './term-matcher.js';
import type { Side } from './types.js';

// yaml is loaded only when the file changed since its parse was cached: most start-ups (and every one-shot
// `versus ask`) read the cached parse and need not pay for loading the parser.
const parseYaml = (source: string): unknown =>
  (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(source);

const TopicSchema = z.object({
  label: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
});

export const TaxonomySchema = z.object({
  sides: z.object({ go: z.array(z.string().min(1)).min(1), python: z.array(z.string().min(1)).min(1) }),
  topics: z.record(z.string().regex(/^[a-z0-9-]+$/, 'topic ids are lowercase-with-dashes'), TopicSchema),
  /** Everyday question words → the words the digests use for the same idea (search aid, low weight). */
  thesaurus: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  metrics: z.record(z.string().regex(/^[a-z0-9-]+$/, 'metric ids are lowercase-with-dashes'), MetricSchema).default({}),
});

const MetricsSchema = TaxonomySchema.shape.metrics;

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
  /** Metric labels and which direction is better, for favors and compare's figure rows. */
  metrics: MetricBook;
  /** The metric table as written, so a change to it re-indexes (favors depend on it). */
  metricsSource: unknown;
  /** What it was built from: a parse worker builds the same taxonomy from it (parse-pool.ts). */
  source: z.input<typeof TaxonomySchema>;
  /** Topic ids whose id, label or synonyms occur in the text (whole words). */
  topicsOf(text: string): string[];
  /** The phrases of a text that name topics ("network calls" → io-bound), with the topics each names. */
  topicPhrases(text: string): { text: string; topics: string[] }[];
  /** Which language a text is about, from the side keywords. */
  sideOf(text: string): Side;
  /** The side a set of found subjects points to: one language, or both/neither. */
  sideOfSubjects(subjects: { side: 'go' | 'python' }[]): Side;
  /** Positions of side keywords, for attaching figures to the nearest subject. */
  subjectsIn(text: string): { index: number; term: string; side: 'go' | 'python' }[];
  /** Resolves user input (id, label, synonym, or a prefix of one) to a topic. */
  resolveTopic(input: string): Topic | undefined;
  /** Digest vocabulary for everyday words and phrases in a question ("pay" → earn, premium, salary). */
  thesaurus(text: string): { text: string; words: string[] }[];
}

export function buildTaxonomy(file: z.input<typeof TaxonomySchema>): Taxonomy {
  const topics: Topic[] = Object.entries(file.topics).map(([id, t]) => ({
    id,
    label: t.label,
    synonyms: t.synonyms ?? [],
  }));
  const termToTopics = new Map<string, Set<string>>();
  for (const t of topics) {
    for (const term of [t.id, t.label, ...t.synonyms]) {
      const key = normalizeTerm(term);
      if (!termToTopics.has(key)) termToTopics.set(key, new Set());
      termToTopics.get(key)!.add(t.id);
    }
  }
  const topicMatcher = new TermMatcher(termToTopics);
  // Go first: the first listing of a word wins, so a word on both lists counts for Go.
  const sideMatcher = new TermMatcher<'go' | 'python'>([
    ...file.sides.go.map((t) => [t, 'go'] as [string, 'go']),
    ...file.sides.python.map((t) => [t, 'python'] as [string, 'python']),
  ]);

  const sideMemo = new Map<string, Side>();
  const sideOfSubjects = (subjects: { side: 'go' | 'python' }[]): Side => {
    const sides = new Set(subjects.map((x) => x.side));
    return sides.size === 1 ? [...sides][0]! : 'both';
  };
  const subjectsIn = (text: string) =>
    sideMatcher.find(text).map((h) => ({ index: h.index, term: h.text, side: h.value }));

  const thesaurusMatcher = new TermMatcher<string[]>(Object.entries(file.thesaurus ?? {}));

  return {
    topics,
    sides: { go: file.sides.go, python: file.sides.python },
    topicIds: new Set(topics.map((t) => t.id)),
    metrics: buildMetricBook(MetricsSchema.parse(file.metrics ?? {}, { jitless: true })),
    metricsSource: file.metrics,
    source: file,
    topicsOf(text) {
      const found = new Set<string>();
      for (const hit of topicMatcher.find(text)) for (const id of hit.value) found.add(id);
      return [...found].sort();
    },
    topicPhrases(text) {
      return topicMatcher.find(text).map((h) => ({ text: h.text, topics: [...h.value] }));
    },
    sideOf(text) {
      // Figure subjects repeat ("Go", "FastAPI"): remember short texts' answers.
      const known = text.length <= 80 ? sideMemo.get(text) : undefined;
      if (known) return known;
      const side = sideOfSubjects(subjectsIn(text));
      if (text.length <= 80) {
        if (sideMemo.size > 5_000) sideMemo.clear();
        sideMemo.set(text, side);
      }
      return side;
    },
    subjectsIn,
    sideOfSubjects,
    resolveTopic(input) {
      const q = input.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!q) return undefined;
      const exact = topics.find((t) => t.id === q || t.id.replace(/-/g, ' ') === q || t.label.toLowerCase() === q);
      if (exact) return exact;
      const bySynonym = termToTopics.get(normalizeTerm(q));
      if (bySynonym) return topics.find((t) => bySynonym.has(t.id));
      return topics.find((t) => t.id.startsWith(q) || t.label.toLowerCase().startsWith(q));
    },
    thesaurus(text) {
      return thesaurusMatcher.find(text).map((h) => ({ text: h.text, words: h.value }));
    },
  };
}

/** Where a parsed taxonomy is kept between processes (the database's meta table; see core.ts). */
export interface ParsedCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/**
 * Reads and validates taxonomy.yaml. Parsing the YAML is most of a CLI call's start-up (~0.2 s), so with a
 * cache the parsed form is kept as JSON beside a hash of the source, and parsed again only when it changed.
 */
export function loadTaxonomy(path: string, cache?: ParsedCache): Taxonomy {
  let raw: unknown;
  let fresh: string | undefined;
  const key = `parsed:${path}`;
  try {
    const source = readFileSync(path, 'utf8');
    const hash = createHash('sha1').update(source).digest('hex');
    const cached = cache?.get(key);
    if (cached?.startsWith(`${hash}\n`)) raw = JSON.parse(cached.slice(hash.length + 1));
    else {
      raw = parseYaml(source);
      fresh = `${hash}\n${JSON.stringify(raw)}`;
    }
  } catch (cause) {
    throw new VersusError('knowledge_invalid', `Cannot read the taxonomy ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  // jitless: parsed once per start or change, so zod's generated fast path would not pay for its compiling.
  const parsed = TaxonomySchema.safeParse(raw, { jitless: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new VersusError('knowledge_invalid', `The taxonomy ${path} is invalid:\n${issues}`);
  }
  if (fresh) cache?.set(key, fresh);
  return buildTaxonomy(parsed.data);
}
