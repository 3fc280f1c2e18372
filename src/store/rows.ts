/** `workspace_id` → `workspaceId`, at the type level. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** A row as the core names its fields: camelCase keys, SQL NULL as an absent value. */
export type CamelRow<R> = {
  [K in keyof R & string as Camel<K>]: null extends R[K] ? Exclude<R[K], null> | undefined : R[K];
};

/**
 * A selected row with its columns renamed as the core's types name them (`channel_id` → `channelId`) and
 * NULLs as undefined: the column-by-column copy every store would otherwise write out.
 */
export function camelRow<R extends object>(row: R): CamelRow<R> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())] = value ?? undefined;
  return out as CamelRow<R>;
}
