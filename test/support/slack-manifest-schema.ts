import { z } from 'zod';

/**
 * Slack's app manifest (schema version 2) for the parts a bot like Versus uses, as zod: the field names,
 * types, required fields and limits of Slack's published manifest schema (the `slackapi/manifest-schema`
 * repository) and its field reference. Objects are strict, as Slack's are (`additionalProperties: false`):
 * a misspelt key fails here instead of at "Create from manifest". Sections Versus does not use (functions,
 * workflows, datastores, …) are not modelled, so they fail as unknown keys too; add them here when needed.
 */
const url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^https?:\/\//, 'must start with http:// or https://');
const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'must not repeat an item');
const scopes = z.array(z.string().max(50)).max(255);

const displayInformation = z.strictObject({
  name: z.string().min(1).max(35),
  description: z.string().min(1).max(140).optional(),
  background_color: z
    .string()
    .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/, 'a #rgb or #rrggbb colour')
    .optional(),
  long_description: z.string().min(175).max(4000).optional(),
});

const features = z.strictObject({
  app_home: z
    .strictObject({
      home_tab_enabled: z.boolean().optional(),
      messages_tab_enabled: z.boolean().optional(),
      messages_tab_read_only_enabled: z.boolean().optional(),
    })
    .optional(),
  bot_user: z
    .strictObject({
      // Slack documents the characters a bot's display name may use.
      display_name: z
        .string()
        .min(1)
        .max(80)
        .regex(/^[a-z0-9._-]+$/, 'a-z, 0-9, ".", "_" and "-" only'),
      always_online: z.boolean().optional(),
    })
    .optional(),
  shortcuts: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(24),
        type: z.enum(['message', 'global']),
        callback_id: z.string().min(1).max(255),
        description: z.string().min(1).max(150),
      }),
    )
    .min(1)
    .max(10)
    .optional(),
  slash_commands: z
    .array(
      z.strictObject({
        command: z.string().min(2).max(32).regex(/^\//, 'starts with /'),
        url: url(3000).optional(),
        description: z.string().min(1).max(2000),
        usage_hint: z.string().min(1).max(1000).optional(),
        should_escape: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(50)
    .optional(),
  unfurl_domains: unique(z.string().max(255), 5).optional(),
  assistant_view: z
    .strictObject({
      assistant_description: z.string(),
      suggested_prompts: z.array(z.strictObject({ title: z.string(), message: z.string() })).optional(),
    })
    .optional(),
});

const oauthConfig = z.strictObject({
  redirect_urls: unique(z.string().max(2500), 1000).optional(),
  scopes: z
    .strictObject({
      bot: scopes.optional(),
      user: scopes.optional(),
      bot_optional: scopes.optional(),
      user_optional: scopes.optional(),
    })
    .optional(),
  token_management_enabled: z.boolean().optional(),
  pkce_enabled: z.boolean().optional(),
});

const settings = z.strictObject({
  allowed_ip_address_ranges: unique(z.string(), 50).optional(),
  event_subscriptions: z
    .strictObject({
      request_url: url(3500).optional(),
      bot_events: unique(z.string().max(50), 100).optional(),
      user_events: unique(z.string().max(50), 100).optional(),
    })
    .optional(),
  interactivity: z
    .strictObject({
      is_enabled: z.boolean(),
      request_url: url(3500).optional(),
      message_menu_options_url: url(3500).optional(),
    })
    .optional(),
  incoming_webhooks: z.strictObject({ incoming_webhooks_enabled: z.boolean().optional() }).optional(),
  org_deploy_enabled: z.boolean().optional(),
  socket_mode_enabled: z.boolean().optional(),
  is_hosted: z.boolean().optional(),
  token_rotation_enabled: z.boolean().optional(),
});

export const SlackManifest = z.strictObject({
  _metadata: z
    .strictObject({ major_version: z.number().int().optional(), minor_version: z.number().int().optional() })
    .optional(),
  display_information: displayInformation,
  features: features.optional(),
  oauth_config: oauthConfig.optional(),
  settings: settings.optional(),
});
export type SlackManifest = z.infer<typeof SlackManifest>;

/** The bot scope each bot event needs before Slack will deliver it (Slack's Events API reference). */
export const EVENT_SCOPES: Readonly<Record<string, string | undefined>> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  'message.mpim': 'mpim:history',
  app_home_opened: undefined,
  assistant_thread_started: 'assistant:write',
  assistant_thread_context_changed: 'assistant:write',
};

/** Problems that make Slack refuse the manifest, as "path: message" lines (empty when it is valid). */
export function manifestProblems(json: unknown): string[] {
  const parsed = SlackManifest.safeParse(json);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
