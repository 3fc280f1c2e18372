import type { StoredClaim } from './answers/answers-store.js';
import type { AskResult } from './answers/ask.js';
import type { CompareResult } from './answers/compare.js';
import type { StoredDocument } from './knowledge/knowledge-store.js';

/** The documented `--json` shapes of the CLI; kept separate so they stay stable as internals change. */
export function claimJson(c: StoredClaim & { score?: number }) {
  return {
    id: c.id,
    text: c.text,
    side: c.side,
    kind: c.kind,
    topics: c.topics,
    figures: c.figures.map((f) => ({
      value: f.value,
      ...(f.valueHigh !== undefined ? { valueHigh: f.valueHigh } : {}),
      unit: f.unit,
      normalized: f.normalized,
      metric: f.metric,
      subject: f.subject,
    })),
    source: {
      id: c.citation.documentId,
      title: c.citation.title,
      section: c.citation.section,
      path: c.path,
      ...(c.citation.url ? { url: c.citation.url } : {}),
    },
    ...(c.score !== undefined ? { score: c.score } : {}),
  };
}

export function askJson(r: AskResult) {
  return { query: r.query, total: r.total, claims: r.claims.map(claimJson) };
}

export function compareJson(r: CompareResult) {
  return {
    topic: { id: r.topic.id, label: r.topic.label },
    go: r.go.map(claimJson),
    python: r.python.map(claimJson),
    figures: r.figures,
    disagreements: r.disagreements.map((d) => ({
      about: d.about,
      summary: d.summary,
      claims: d.claims.map((c) => c.id),
    })),
    total: r.total,
  };
}

export function sourcesJson(docs: StoredDocument[], indexedAt: string | undefined) {
  return {
    indexedAt: indexedAt ?? null,
    documents: docs.map((d) => ({
      id: d.id,
      title: d.title,
      path: d.path,
      claims: d.claimCount,
      indexedAt: d.indexedAt,
    })),
  };
}
