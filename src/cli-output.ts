import type { StoredClaim } from './answers/answers-store.js';
import type { AskResult } from './answers/ask.js';
import type { CompareResult } from './answers/compare.js';
import type { StoredDocument } from './knowledge/knowledge-store.js';

/** The documented `--json` shapes of the CLI; kept separate so they stay stable as internals change. */
export function claimJson(c: StoredClaim & { score?: number }) {
  return {
    id: c.id,
    text: c.text,
    about: c.side,
    favors: c.favors,
    /** @deprecated the same as `about`, kept for scripts written against v1. */
    side: c.side,
    kind: c.kind,
    ...(c.derived ? { derived: true } : {}),
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
      title: c.citation.fullTitle ?? c.citation.title,
      short: c.citation.title,
      section: c.citation.section,
      path: c.path,
      ...(c.citation.url ? { url: c.citation.url } : {}),
    },
    ...(c.alsoIn?.length
      ? { alsoIn: c.alsoIn.map((x) => ({ id: x.documentId, title: x.title, section: x.section })) }
      : {}),
    ...(c.score !== undefined ? { score: c.score } : {}),
  };
}

export function askJson(r: AskResult) {
  return {
    query: r.query,
    answer: r.answer,
    total: r.total,
    claims: r.claims.map(claimJson),
    /** Names the sources never mention ("Rust", "actix-web"): nothing was substituted for them. */
    uncovered: r.uncovered,
    /** Not a question for the sources (greetings, thanks, other domains). */
    chatter: r.chatter === true,
  };
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
