// ask() stage by stage: ask() runs each stage through the `stage` hook it is given, and the bench passes
// a timer there, so these times are of the real pipeline (an earlier hand-kept copy of it drifted).
import type { AnswersStore } from '../src/answers/answers-store.js';
import type { StageRunner } from '../src/answers/ask.js';

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

/** A `stage` hook for ask() that charges each stage's own time; store reads are charged by instrument(). */
export function stageTimer(t: StageTimes): StageRunner {
  const inStore = () => t.counts + t.fts;
  return (name, fn) => {
    const [t0, s0] = [performance.now(), inStore()];
    try {
      return fn();
    } finally {
      t[name] += performance.now() - t0 - (inStore() - s0);
    }
  };
}
