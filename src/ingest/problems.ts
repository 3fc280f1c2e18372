import { VersusError, type VersusErrorCode } from '../errors.js';

/**
 * Why a link or file could not be fetched or read, as data: the person who added it reads it in their
 * place's language (sources/problem-text.ts); the error's own message is a short line for the logs.
 */
export type SourceProblem =
  | { kind: 'notUrl' | 'credentials' | 'pdfUnreadable' | 'notText' }
  | { kind: 'protocol'; protocol: string }
  | { kind: 'privateHost'; host: string }
  | { kind: 'tooLarge'; mb: number }
  | { kind: 'redirects'; max: number }
  | { kind: 'status'; status: number; where: string }
  | { kind: 'timeout'; host: string; seconds: number }
  | { kind: 'noSuchHost' | 'connectionRefused' | 'connectionFailed'; host: string }
  | { kind: 'format'; contentType?: string | undefined }
  | { kind: 'tooSlow'; seconds: number };

/** A VersusError (fetch_refused, fetch_failed, source_unreadable) that also says, as data, what went wrong. */
export class SourceError extends VersusError {
  constructor(
    code: VersusErrorCode,
    readonly problem: SourceProblem,
    options?: { cause?: unknown },
  ) {
    const { kind, ...details } = problem;
    super(code, `${kind} ${JSON.stringify(details)}`, options);
  }
}
