import escapeStringRegexp from 'escape-string-regexp';
import type { Disagreement, FigureRow } from '../chat/reply.js';
import { unitFamily } from '../knowledge/figures.js';
import type { Taxonomy, Topic } from '../knowledge/taxonomy.js';
import type { AnswersStore, StoredClaim } from './answers-store.js';
import { corroborateClaims } from './compose.js';
import { findDisagreements } from './disagreements.js';
import { figureRows, isTableRow } from './figure-rows.js';
import { tokens } from './query.js';
import { bm25Idf } from './score.js';

export interface CompareResult {
  topic: Topic;
  go: StoredClaim[];
  python: StoredClaim[];
  figures: FigureRow[];
  disagreements: Disagreement[];
  /** Claims about the topic in all (for "more" paging and the summary line). */
  total: number;
}

export type CompareOutcome = { found: true; result: CompareResult } | { found: false; suggestions: string[] };

const PER_SIDE = 5;
/** A claim this much about the topic (aboutness) is one of its column's first reasons. */
const CENTRAL = 0.5;
const TOPIC_CLAIMS = 200;
/** Metric keys and stance issues looked up across sources, strongest claims' first. */
const MAX_CONTESTED_KEYS = 12;

/**
 * A claim that reads alone as a reason. A table row ("Framework: FastAPI; Req/sec: 45,000") or a figure about
 * one language that favors the other ("a Python thread takes 8 MB", for Go) would read as misfiled in a
 * column: they belong in the figure rows, set against the other side's value.
 */
const isReason = (c: StoredClaim) =>
  !isTableRow(c) &&
  !(c.side !== 'both' && c.side !== c.favors && c.figures.some((f) => !unitFamily(f.unit).startsWith('count')));

/**
 * How much a claim is about the topic, to put those first in its column: its section's and its text's names
 * for the topic, each counting by how rare its rarest word is in the index: "salary" or "talent
 * pool" count nearly 1, "developers" or "team", which file many claims under the topic in passing, little.
 */
function aboutness(topic: Topic, store: AnswersStore): (c: StoredClaim) => number {
  const n = store.claimTotal();
  const names = [topic.label, ...topic.synonyms].map((name) => ({
    re: new RegExp(`\\b${escapeStringRegexp(name.toLowerCase())}\\b`),
    weight: Math.max(...tokens(name).map((w) => bm25Idf(n, store.documentFrequency(w)) / bm25Idf(n, 1))),
  }));
  return (c) => {
    const section = c.citation.section.toLowerCase();
    const text = c.text.toLowerCase();
    let score = Math.max(0, ...names.filter((x) => x.re.test(section)).map((x) => x.weight));
    for (const x of names) if (x.re.test(text)) score += x.weight;
    return score;
  };
}

/** Round-robin over documents so one long article does not fill a side on its own. */
function diverse(claims: StoredClaim[], n: number): StoredClaim[] {
  const byDoc = new Map<string, StoredClaim[]>();
  for (const c of claims) {
    if (!byDoc.has(c.citation.documentId)) byDoc.set(c.citation.documentId, []);
    byDoc.get(c.citation.documentId)!.push(c);
  }
  const queues = [...byDoc.values()];
  const out: StoredClaim[] = [];
  for (let round = 0; out.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (q[round] && out.length < n) out.push(q[round]!);
  }
  return out;
}

/** Go side vs Python side of one topic, with figures side by side and where the sources disagree. */
export function compare(store: AnswersStore, taxonomy: Taxonomy, input: string): CompareOutcome {
  const topic = taxonomy.resolveTopic(input);
  if (!topic) return { found: false, suggestions: suggestTopics(taxonomy, input) };
  const claims = store.claimsForTopic(topic.id, TOPIC_CLAIMS);
  const metricKeys = [...new Set(claims.flatMap((c) => (c.metricKey ? [c.metricKey] : [])))].slice(
    0,
    MAX_CONTESTED_KEYS,
  );
  const issues = [...new Set(claims.flatMap((c) => (c.stance ? [c.stance.split(':')[0]!] : [])))].slice(
    0,
    MAX_CONTESTED_KEYS,
  );
  const contested = store.contested(metricKeys, issues);
  const seen = new Set(contested.map((c) => c.rowid));
  const disagreements = findDisagreements([...contested, ...claims.filter((c) => !seen.has(c.rowid))], {
    // Only what this topic is about: each side of a disagreement must have a claim filed under it.
    relevant: (c) => c.topics.includes(topic.id),
    label: (key) => taxonomy.metrics.lookup(key)?.label,
  });
  // A column reads as the reasons for its side: claims that favor it, source rows before derived ones.
  // Claims that name the topic come first, spread over the sources; claims filed under it in passing fill
  // what is left.
  const score = aboutness(topic, store);
  const about = new Map(claims.map((c) => [c.rowid, score(c)]));
  const column = (side: 'go' | 'python') => {
    const reasons = corroborateClaims(
      claims
        .filter((c) => c.favors === side && isReason(c))
        .sort((a, b) => Number(a.derived) - Number(b.derived) || about.get(b.rowid)! - about.get(a.rowid)!),
      taxonomy,
    );
    const named = diverse(
      reasons.filter((c) => about.get(c.rowid)! >= CENTRAL),
      PER_SIDE,
    );
    return [
      ...named,
      ...diverse(
        reasons.filter((c) => !named.includes(c)),
        PER_SIDE - named.length,
      ),
    ];
  };
  return {
    found: true,
    result: {
      topic,
      go: column('go'),
      python: column('python'),
      figures: figureRows([...claims, ...contested.filter((c) => !claims.some((x) => x.rowid === c.rowid))], taxonomy),
      disagreements,
      total: claims.length,
    },
  };
}

/** Topics whose id or label shares a prefix or a word with the input; else the first few. */
export function suggestTopics(taxonomy: Taxonomy, input: string, n = 6): string[] {
  const q = input.trim().toLowerCase();
  const scored = taxonomy.topics.map((t) => {
    const names = [t.id, t.label.toLowerCase(), ...t.synonyms.map((s) => s.toLowerCase())];
    const score = names.some((x) => q && (x.startsWith(q.slice(0, 3)) || q.includes(x))) ? 1 : 0;
    return { id: t.id, score };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .map((s) => s.id);
}
