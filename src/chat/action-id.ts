import { z } from 'zod';
import { err, ok, type Result } from './result.js';

/**
 * Button action ids: `v1:<kind>:<args…>`, at most 100 characters (Discord's custom_id limit).
 * Versioned so a button on an old message still parses (or fails clearly) after an upgrade.
 */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const ActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('more'), contextId: id, offset: z.coerce.number().int().min(0).max(10_000) }),
  z.object({ kind: z.literal('cmp'), topic: z.string().regex(/^[a-z0-9-]{1,40}$/) }),
  z.object({
    kind: z.literal('poll'),
    op: z.enum(['vote', 'close', 'results']),
    pollId: id,
    option: z.coerce.number().int().min(0).max(9).optional(),
  }),
  z.object({
    kind: z.literal('mx'),
    op: z.enum(['answer', 'next', 'back', 'skip', 'finish', 'cancel']),
    sessionId: id,
    step: z.coerce.number().int().min(0).max(200),
    value: z
      .string()
      .regex(/^[a-z0-9-]{1,20}$/)
      .optional(),
  }),
]);

export type Action = z.infer<typeof ActionSchema>;

export function encodeAction(a: Action): string {
  switch (a.kind) {
    case 'more':
      return `v1:more:${a.contextId}:${a.offset}`;
    case 'cmp':
      return `v1:cmp:${a.topic}`;
    case 'poll':
      return `v1:poll:${a.op}:${a.pollId}${a.option !== undefined ? `:${a.option}` : ''}`;
    case 'mx':
      return `v1:mx:${a.op}:${a.sessionId}:${a.step}${a.value !== undefined ? `:${a.value}` : ''}`;
  }
}

export function parseAction(actionId: string): Result<Action, string> {
  const parts = actionId.split(':');
  if (parts[0] !== 'v1' || actionId.length > 100)
    return err('This button is from another version of Versus. Run the command again.');
  const [, kind, ...rest] = parts;
  const shape: Record<string, unknown> =
    kind === 'more'
      ? { kind, contextId: rest[0], offset: rest[1] }
      : kind === 'cmp'
        ? { kind, topic: rest[0] }
        : kind === 'poll'
          ? { kind, op: rest[0], pollId: rest[1], option: rest[2] }
          : kind === 'mx'
            ? { kind, op: rest[0], sessionId: rest[1], step: rest[2], value: rest[3] }
            : { kind };
  const parsed = ActionSchema.safeParse(shape);
  return parsed.success ? ok(parsed.data) : err('That button could not be understood. Run the command again.');
}
