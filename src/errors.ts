/** Error codes callers branch on (never on messages). */
export type VersusErrorCode =
  | 'config_invalid'
  | 'db_newer_schema'
  | 'db_migration_failed'
  | 'db_corrupt'
  | 'db_unreachable'
  | 'knowledge_invalid'
  | 'fetch_refused'
  | 'fetch_failed'
  | 'source_unreadable'
  | 'platform_error'
  /** Answers would come too late (the answer pool's queue is full): the asker is told to try again. */
  | 'busy';

/** An error whose message a user or operator can act on; `code` says what failed. */
export class VersusError extends Error {
  readonly code: VersusErrorCode;
  constructor(code: VersusErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = `VersusError[${code}]`;
  }
}

export function isVersusError(e: unknown, code?: VersusErrorCode): e is VersusError {
  return e instanceof VersusError && (code === undefined || e.code === code);
}
