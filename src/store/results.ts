/** What a conditional insert (insert-if-absent, upsert with a WHERE) reports: one row written, or none. */
export const inserted = (r: { numInsertedOrUpdatedRows?: bigint | undefined }): boolean =>
  Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
