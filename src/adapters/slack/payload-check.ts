import { checkCommand, checkEvent, checkInteraction, type PayloadVerdict } from './payloads.js';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What to do with a verified Slack request body: pass it to Bolt, refuse it (a signed but malformed
 * payload is the sender's mistake: 400, not our 500 or Bolt's 404 after 3 s), or acknowledge and drop it
 * (an interactive payload of a kind Versus does not use). The shapes are zod schemas (payloads.ts).
 */
export function payloadVerdict(raw: string, contentType: string | undefined): PayloadVerdict {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    if (form.get('ssl_check') === '1') return { ok: true };
    const payload = form.get('payload');
    if (payload !== null) return checkInteraction(parseJson(payload));
    if (form.has('command')) return checkCommand(form);
    return { ok: false, problem: 'form body is neither a slash command nor an interactive payload' };
  }
  if (type === 'application/json') return checkEvent(parseJson(raw));
  return { ok: false, problem: `unsupported content type ${type ?? '(none)'}` };
}
