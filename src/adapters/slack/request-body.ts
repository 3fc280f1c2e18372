import type { IncomingMessage } from 'node:http';

/** Bolt's own body limit: larger requests are refused before they are buffered in full. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The request body, read once and bounded; 'too_large' as soon as it passes `limit`. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
      } else chunks.push(c);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => resolve('aborted'));
    req.once('aborted', () => resolve('aborted'));
  });
}

export type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; problem: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const asObject = (v: unknown, what: string): ParsedBody =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? { ok: true, body: v as Record<string, unknown> }
    : { ok: false, problem: `${what} is not a JSON object` };

/**
 * A verified body as Bolt's processEvent wants it, parsed once: an interactive payload (the form's
 * `payload` field, JSON), a slash command or ssl_check (the form's fields), or an Events API body (JSON).
 */
export function parseSlackBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(text);
    const payload = form.get('payload');
    if (payload !== null) return asObject(parseJson(payload), 'payload');
    return { ok: true, body: Object.fromEntries(form) };
  }
  if (type === 'application/json') return asObject(parseJson(text), 'body');
  return { ok: false, problem: `unsupported content type ${type ?? '(none)'}` };
}
