/** Interactive payload types that always come from a person (Bolt's listeners read `user.id`). */
const FROM_A_USER = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: unknown): boolean => isObject(v) && typeof v.id === 'string' && v.id.length > 0;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a verified Slack request body, or undefined when it has the fields Versus relies on.
 * A signed but malformed payload is the sender's mistake (400), not ours (500).
 */
export function payloadProblem(raw: string, contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    if (form.get('ssl_check') === '1') return undefined;
    const payload = form.get('payload');
    if (payload !== null) {
      const p = parseJson(payload);
      if (!isObject(p) || typeof p.type !== 'string') return 'payload is not a JSON object with a type';
      if (FROM_A_USER.has(p.type) && !hasId(p.user)) return `${p.type} payload has no user`;
      if (p.type === 'block_actions') {
        const actions = p.actions;
        if (!Array.isArray(actions) || actions.length === 0) return 'block_actions payload has no actions';
        if (!actions.every((a) => isObject(a) && typeof a.action_id === 'string')) return 'an action has no action_id';
      }
      return undefined;
    }
    if (form.has('command')) {
      for (const field of ['command', 'user_id', 'channel_id', 'team_id'])
        if (!form.get(field)) return `slash command has no ${field}`;
      return undefined;
    }
    return 'form body is neither a slash command nor an interactive payload';
  }
  if (type === 'application/json') {
    const body = parseJson(raw);
    if (!isObject(body) || typeof body.type !== 'string') return 'body is not a JSON object with a type';
    if (body.type === 'event_callback' && !isObject(body.event)) return 'event_callback has no event';
    return undefined;
  }
  return `unsupported content type ${type ?? '(none)'}`;
}
