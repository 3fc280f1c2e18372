import { z } from 'zod';

/** A channel's change to one factor's weight (matrix/'s WeightChange), as a verdict request carries it. */
export const WeightChangeData = z.object({
  factorId: z.string(),
  percent: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

/** What the main thread asks an answer worker (answer-worker.ts); checked on arrival like any other edge. */
export const WorkRequest = z.discriminatedUnion('op', [
  z.object({
    id: z.number(),
    op: z.literal('ask'),
    scope: z.string(),
    question: z.string(),
    offset: z.number(),
    context: z.string().optional(),
  }),
  z.object({ id: z.number(), op: z.literal('compare'), scope: z.string(), topic: z.string() }),
  z.object({
    id: z.number(),
    op: z.literal('verdict'),
    situation: z.string(),
    changes: z.array(WeightChangeData),
  }),
]);
export type WorkRequest = z.infer<typeof WorkRequest>;

/** A worker's reply: the result as plain data (structured clone), or the error's message. */
export type WorkResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The first message a worker sends, once its connection is open and its taxonomy loaded. */
export const READY = 'ready';
