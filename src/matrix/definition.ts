import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { VersusError } from '../errors.js';

const Delta = z.object({ go: z.number().min(-5).max(5), python: z.number().min(-5).max(5) }).strict();

const ChoiceFactor = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(3).max(80),
    question: z.string().min(10).max(300),
    scale: z.literal('yes-no'),
    /** Score change per answer; "not sure" always moves nothing. */
    weights: z.object({ yes: Delta, no: Delta }).strict(),
    claims: z.array(z.string().min(3)).min(1),
    from: z.array(z.string()).default([]),
  })
  .strict();

const ImportanceFactor = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(3).max(80),
    question: z.string().min(10).max(300),
    scale: z.literal('importance'),
    /** Score change at importance 5; importance 1 moves nothing, in between scales linearly. */
    weights: Delta,
    claims: z.array(z.string().min(3)).min(1),
    from: z.array(z.string()).default([]),
  })
  .strict();

export const Factor = z.discriminatedUnion('scale', [ChoiceFactor, ImportanceFactor]);
export type Factor = z.infer<typeof Factor>;

export const MatrixSchema = z
  .object({
    version: z.literal(1),
    title: z.string().min(3),
    factors: z.array(Factor).min(2).max(40),
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.factors.forEach((f, i) => {
      if (seen.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['factors', i, 'id'], message: `duplicate factor id "${f.id}"` });
      seen.add(f.id);
    });
  });
export type Matrix = z.infer<typeof MatrixSchema>;

/**
 * Loads knowledge/matrix.yaml. A broken file fails start-up with the line and the field, e.g.
 * "matrix.yaml line 42 (factors.3.weights.yes.go): Expected number".
 */
export function loadMatrix(path: string): Matrix {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new VersusError('knowledge_invalid', `Cannot read the decision matrix ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new VersusError(
      'knowledge_invalid',
      `${path} line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`,
    );
  }
  const parsed = MatrixSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 5).map((issue) => {
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
    const parent = doc.getIn(issue.path.slice(0, -1) as (string | number)[], true) as
      | { range?: [number, number] }
      | undefined;
    const offset = node?.range?.[0] ?? parent?.range?.[0];
    const line = offset !== undefined ? lineCounter.linePos(offset).line : '?';
    return `  line ${line} (${issue.path.join('.')}): ${issue.message}`;
  });
  throw new VersusError('knowledge_invalid', `The decision matrix ${path} is invalid:\n${lines.join('\n')}`);
}

/** Claim ids the matrix cites that the index does not have (checked after indexing). */
export function missingClaims(
  matrix: Matrix,
  exists: (ids: string[]) => Set<string>,
): { factor: string; claim: string }[] {
  const all = matrix.factors.flatMap((f) => f.claims.map((claim) => ({ factor: f.id, claim })));
  const found = exists(all.map((x) => x.claim));
  return all.filter((x) => !found.has(x.claim));
}
