import type { z } from 'zod';
import { err, ok, type Result } from './result.js';
import { en } from './strings-en.js';

/**
 * Button action ids: `v1:<kind>:<field>:<field>…`, at most 100 characters (Discord's custom_id limit).
 * Versioned so a button on an old message still parses (or fails clearly) after an upgrade. Each feature
 * declares its kind, the order of its fields and a zod schema for them (see `actionCodec`); the router
 * splits the id once and hands the fields to the feature that owns the kind.
 */
export const ACTION_ID_MAX = 100;
const VERSION = 'v1';

/** In English; the router says them in the place's words (`t.usage.buttonForeign`, `buttonInvalid`). */
export const ACTION_ERRORS = { foreign: en.usage.buttonForeign, invalid: en.usage.buttonInvalid } as const;

/** Ids and keys inside action ids: letters, digits, `_` and `-` only, so `:` always separates fields. */
export const idPart = (max = 40) => `^[A-Za-z0-9_-]{1,${max}}$`;

export interface ActionCodec<A> {
  readonly kind: string;
  encode(a: A): string;
  /** The fields after the kind → the typed action, or ACTION_ERRORS.invalid. */
  decode(fields: readonly string[]): Result<A, string>;
}

/** The action type a codec encodes and decodes. */
export type ActionOf<C> = C extends ActionCodec<infer A> ? A : never;

/** A feature's button ids: `kind`, its fields in order (trailing optional ones may be left off), their schema. */
export function actionCodec<S extends z.ZodObject>(
  kind: string,
  fields: readonly (keyof z.infer<S> & string)[],
  schema: S,
): ActionCodec<z.infer<S>> {
  return {
    kind,
    encode(a) {
      const values = fields.map((f) => (a[f] === undefined ? undefined : String(a[f])));
      while (values.length > 0 && values.at(-1) === undefined) values.pop();
      return [VERSION, kind, ...values].join(':');
    },
    decode(parts) {
      const parsed = schema.safeParse(Object.fromEntries(fields.map((f, i) => [f, parts[i]])));
      return parsed.success ? ok(parsed.data) : err(ACTION_ERRORS.invalid);
    },
  };
}

/** `v1:<kind>:<fields…>` → kind and fields; anything else is a button from another version. */
export function splitActionId(actionId: string): Result<{ kind: string; fields: string[] }, string> {
  const [version, kind, ...fields] = actionId.split(':');
  if (version !== VERSION || actionId.length > ACTION_ID_MAX || !kind) return err(ACTION_ERRORS.foreign);
  return ok({ kind, fields });
}
