// ask() stage by stage, timed in the bench process (src/answers/ask.ts stays untimed): the same calls in
// the same order, so the times say where a slow question spends them. bench/core-run.ts checks that this
// returns what ask() returns, so the two cannot drift apart unnoticed.
import { analyse } from '../src/answers/analyse.js';
import type { AnswersStore } from '../src/answers/answers-store.js';
import { findCandidates } from '../src/answers/candidates.js';
import { corroborate, leadAnswer } from '../src/answers/compose.js';
import { scoreCandidates } from '../src/answers/score.js';
import { GATES } from '../src/answers/weights.js';
import type { Taxonomy } from '../src/knowledge/taxonomy.js';

export const STAGES = ['analyse', 'counts', 'fts', 'score', 'compose'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;
export const STAGE_LABELS: Record<Stage, string> = {
  analyse: 'analyse',
  counts: 'counts (FTS5 term counts, claim total)',
  fts: 'candidates (FTS5 bm25 + claim rows)',
  score: 'score',
  compose: 'compose',
};
export const noStages = (): StageTimes => ({ analyse: 0, counts: 0, fts: 0, score: 0, compose: 0 });

type Read = 'documentFrequency' | 'claimTotal' | 'searchClaims' | 'anyClaims';

/** Wraps the store's reads so their time is charged to `counts` or `fts`, whichever stage calls them. */
export function instrument(store: AnswersStore, t: StageTimes): void {
  const wrap = (k: Read, stage: Stage) => {
    const real = (store[k] as (...a: unknown[]) => unknown).bind(store);
    (store as unknown as Record<Read, unknown>)[k] = (...a: unknown[]) => {
      const t0 = performance.now();
      try {
        return real(...a);
      } finally {
        t[stage] += performance.now() - t0;
      }
    };
  };
  wrap('documentFrequency', 'counts');
  wrap('claimTotal', 'counts');
  wrap('searchClaims', 'fts');
  wrap('anyClaims', 'fts');
}

/** ask() with limit 5, offset 0: the claim ids it would return. Store reads are charged by instrument(). */
export function stagedAsk(store: AnswersStore, taxonomy: Taxonomy, question: string, t: StageTimes): string[] {
  const inStore = () => t.counts + t.fts;
  // Charges fn's own time to a stage; the store reads inside it are already charged by instrument().
  const stage = <T>(name: 'analyse' | 'fts' | 'score' | 'compose', fn: () => T): T => {
    const [t0, s0] = [performance.now(), inStore()];
    const v = fn();
    t[name] += performance.now() - t0 - (inStore() - s0);
    return v;
  };
  const q = stage('analyse', () => analyse(question, taxonomy));
  if (q.intent === 'smalltalk') return [];
  const unknown = q.words.filter((w) => !w.alts && store.documentFrequency(w.word) === 0).length;
  const share = unknown / Math.max(1, q.words.length);
  if (share > GATES.unknownShare || (unknown >= 2 && share >= GATES.unknownShare)) return [];
  const pool = stage('fts', () => findCandidates(store, q));
  if (pool.length === 0) return [];
  const scored = stage('score', () => {
    const dfs = new Map<string, number>();
    const df = (w: string) => dfs.get(w) ?? dfs.set(w, store.documentFrequency(w)).get(w)!;
    return scoreCandidates(q, pool, { claims: store.claimTotal(), df }, taxonomy);
  });
  if (Math.max(...scored.map((c) => c.evidence)) < GATES.question) return [];
  return stage('compose', () => {
    const ranked = corroborate(
      scored.filter((c) => c.relevant).sort((a, b) => b.score - a.score),
      taxonomy.metrics,
    );
    leadAnswer(q, ranked, taxonomy, taxonomy.metrics);
    return ranked.slice(0, 5).map((c) => c.id);
  });
}
