import { z } from 'zod';
import { ADD_SOURCE_CALLBACK } from './add-source.js';
import { ASK_ABOUT_CALLBACK, NEW_POLL_CALLBACK } from './shortcuts.js';

/**
 * The shapes of the Slack payloads Versus handles, checked with zod before Bolt sees them (receiver.ts;
 * in Socket Mode, a Bolt middleware). Every field a listener reads is required here with its type, so a
 * listener never meets a missing container, a null form value or an object where an id belongs. Extra
 * fields are allowed: Slack adds them over time.
 */

/** Slack's ids (team, user, channel, view): letters and digits. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A message timestamp, e.g. 1700000000.000100. */
const Ts = z.string().regex(/^\d{1,16}\.\d{1,8}$/);
const Url = z.url({ protocol: /^https?$/ }).max(2000);
const User = z.object({ id: Id, username: z.string().optional(), name: z.string().optional() });
const Team = z.object({ id: Id }).nullish();

const MessageContainer = z.object({
  type: z.literal('message'),
  message_ts: Ts,
  channel_id: Id,
  is_ephemeral: z.boolean().optional(),
});
const ViewContainer = z.object({ type: z.literal('view'), view_id: Id });

/** A button click. On a message it has the channel and the response_url its answer goes to; on the Home tab, the view. */
const BlockActions = z.union([
  z.object({
    type: z.literal('block_actions'),
    user: User,
    team: Team,
    trigger_id: z.string(),
    container: MessageContainer,
    channel: z.object({ id: Id }),
    message: z.object({ ts: Ts, thread_ts: Ts.optional() }).optional(),
    response_url: Url,
    actions: z.array(z.object({ action_id: z.string().min(1).max(255) })).min(1),
  }),
  z.object({
    type: z.literal('block_actions'),
    user: User,
    team: Team,
    trigger_id: z.string(),
    container: ViewContainer,
    view: z.object({ type: z.string() }),
    actions: z.array(z.object({ action_id: z.string().min(1).max(255) })).min(1),
  }),
]);

/** One input's state in a submitted form: a text value, checked options or a picked conversation. */
const InputState = z.object({
  type: z.string(),
  value: z.string().max(10_000).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_conversation: Id.nullish(),
});
const ViewSubmission = z.object({
  type: z.literal('view_submission'),
  user: User,
  team: Team,
  view: z.object({
    callback_id: z.string().startsWith('vform:'),
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), InputState)) }),
  }),
});

const MessageShortcut = z.object({
  type: z.literal('message_action'),
  callback_id: z.enum([ASK_ABOUT_CALLBACK, ADD_SOURCE_CALLBACK]),
  trigger_id: z.string(),
  response_url: Url,
  user: User,
  team: Team,
  channel: z.object({ id: Id }),
  // "Add to Versus sources" reads the message's uploaded files by id.
  message: z.object({ text: z.string().optional(), files: z.array(z.object({ id: z.string() }).loose()).optional() }),
});
const GlobalShortcut = z.object({
  type: z.literal('shortcut'),
  callback_id: z.literal(NEW_POLL_CALLBACK),
  trigger_id: z.string(),
  user: User,
  team: Team,
});

/** Interactive payloads Versus handles, by type; other types are acknowledged and dropped. */
const INTERACTIVE: Record<string, z.ZodType> = {
  block_actions: BlockActions,
  view_submission: ViewSubmission,
  message_action: MessageShortcut,
  shortcut: GlobalShortcut,
};

const SlashCommand = z.object({
  command: z.string().startsWith('/'),
  text: z.string().max(20_000).optional(),
  team_id: Id,
  channel_id: Id,
  user_id: Id,
  user_name: z.string().optional(),
  trigger_id: z.string().optional(),
  response_url: Url,
});

const AssistantThread = z.object({ user_id: Id, channel_id: Id, thread_ts: Ts });
/** Events Versus listens to, by type; other event types pass (Bolt acknowledges them, nothing listens). */
const EVENTS: Record<string, z.ZodType> = {
  app_mention: z.object({
    user: Id.optional(),
    text: z.string(),
    ts: Ts,
    channel: Id,
    thread_ts: Ts.optional(),
    bot_id: z.string().optional(),
  }),
  message: z.object({
    channel: Id,
    user: Id.optional(),
    text: z.string().optional(),
    ts: Ts.optional(),
    thread_ts: Ts.optional(),
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
  }),
  app_home_opened: z.object({ user: Id, tab: z.string().optional(), channel: Id.optional() }),
  assistant_thread_started: z.object({ assistant_thread: AssistantThread }),
  assistant_thread_context_changed: z.object({ assistant_thread: AssistantThread }),
};
const EventCallback = z.object({
  type: z.literal('event_callback'),
  team_id: Id.optional(),
  event_id: z.string().max(100).optional(),
  event: z.object({ type: z.string() }),
});

/** What a verified request body asks of the receiver: go on to Bolt, refuse it (400), or acknowledge and drop it. */
export type PayloadVerdict = { ok: true } | { ok: false; problem: string } | { ok: 'ignore'; reason: string };

const check = (schema: z.ZodType, value: unknown, what: string): PayloadVerdict => {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true };
  const issue = r.error.issues[0];
  return { ok: false, problem: `${what}: ${issue?.path.join('.') || '(payload)'} ${issue?.message ?? 'is invalid'}` };
};

/** An interactive payload (a click, a form, a shortcut), already parsed from its `payload` field. */
export function checkInteraction(p: unknown): PayloadVerdict {
  const type = typeof p === 'object' && p !== null && 'type' in p ? (p as { type: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, problem: 'payload is not a JSON object with a type' };
  const schema = INTERACTIVE[type];
  return schema ? check(schema, p, type) : { ok: 'ignore', reason: `${type} is not used by Versus` };
}

/** A JSON body: url_verification, or an event_callback whose event, when Versus listens to its type, has the fields it reads. */
export function checkEvent(body: unknown): PayloadVerdict {
  const type = typeof body === 'object' && body !== null && 'type' in body ? (body as { type: unknown }).type : '';
  if (typeof type !== 'string' || !type) return { ok: false, problem: 'body is not a JSON object with a type' };
  if (type === 'url_verification') return check(z.object({ challenge: z.string().max(200) }), body, type);
  if (type !== 'event_callback') return { ok: true };
  const outer = check(EventCallback, body, 'event_callback');
  if (outer.ok !== true) return outer;
  const event = (body as z.infer<typeof EventCallback>).event;
  const schema = EVENTS[event.type];
  return schema ? check(schema, event, event.type) : { ok: true };
}

/** A parsed body (by our receiver, or by Bolt in Socket Mode): a command, an event or an interaction. */
export function checkBody(body: unknown): PayloadVerdict {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (b.type === 'event_callback' || b.type === 'url_verification') return checkEvent(body);
  if (typeof b.command === 'string' && b.type === undefined) return check(SlashCommand, body, 'slash command');
  return checkInteraction(body);
}
