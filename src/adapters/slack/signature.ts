import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window for x-slack-request-timestamp; older (or further ahead) requests are refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

export type SignatureCheck =
  | { ok: true; signature: string; expiresAtMs: number }
  | { ok: false; code: 'malformed' | 'stale' | 'mismatch' };

/**
 * Verifies a Slack v0 request signature. Stricter than Bolt, which tolerates characters after a second
 * `=`: here the header must be exactly `v0=` + 64 lowercase hex, so one request has one signature and a
 * replay guard keyed on it cannot be bypassed by appending `=x`. The clock comes in as an argument.
 */
export function verifySlackSignature(
  secret: string,
  headers: { signature: unknown; timestamp: unknown },
  rawBody: Buffer,
  nowMs: number,
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return { ok: false, code: 'malformed' };
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) return { ok: false, code: 'malformed' };
  const tsMs = Number(timestamp) * 1000;
  if (Math.abs(nowMs - tsMs) > SIGNATURE_WINDOW_MS) return { ok: false, code: 'stale' };
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, code: 'mismatch' };
  return { ok: true, signature, expiresAtMs: tsMs + SIGNATURE_WINDOW_MS };
}
