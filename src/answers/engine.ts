import type { z } from 'zod';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { WeightChangeData } from './answer-protocol.js';
import type { AnswersStore } from './answers-store.js';
import { type AskResult, ask } from './ask.js';
import { type CompareOutcome, compare } from './compare.js';

/** What `ask` and `compare` need besides the store: paging and the thread's earlier question. */
export interface AskRequest {
  /** Which documents the asker sees (AnswersStore.visibleTo): '' the folder's, 'slack:T1' plus a workspace's. */
  scope: string;
  question: string;
  offset: number;
  context?: string | undefined;
}

/**
 * A situation to read into a verdict, under the channel's weight changes (none: the sources' weights). The
 * changes are the protocol's copy of matrix/'s WeightChange, so that answers/ needs nothing of matrix/.
 */
export interface VerdictRequest {
  situation: string;
  changes: z.infer<typeof WeightChangeData>[];
}

/**
 * Where answers are computed: in this thread (the CLI, tests on an in-memory database) or in a pool of
 * worker threads (the bot; answers/answer-pool.ts). Both return plain data, so either can serve any caller.
 * `receivedAt` (epoch ms) is when the asker's request arrived: a pool may decline an answer it would give
 * too long after it (BusyError, errors.ts).
 */
export interface AnswerEngine {
  ask(req: AskRequest, receivedAt?: number): Promise<AskResult>;
  compare(scope: string, topic: string, receivedAt?: number): Promise<CompareOutcome>;
  /**
   * Off the main thread only (the pool): in this thread, VerdictService decides with its own lexicon. The
   * result is verdict/'s Verdict as plain data (a structured clone), typed by its caller.
   */
  verdict?(req: VerdictRequest, receivedAt?: number): Promise<unknown>;
  close(): Promise<void>;
}

/** The same functions on this thread's own connection. */
export function inThreadEngine(store: AnswersStore, taxonomy: Taxonomy): AnswerEngine {
  return {
    ask: async (req) =>
      ask(store.visibleTo(req.scope), taxonomy, req.question, { offset: req.offset, context: req.context }),
    compare: async (scope, topic) => compare(store.visibleTo(scope), taxonomy, topic),
    close: async () => {},
  };
}
