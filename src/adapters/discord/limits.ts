/**
 * Discord's hard limits for what Versus sends. The API rejects a message that breaks any of them
 * (400, code 50035), so the renderer packs and pages against these numbers instead of cutting text.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const EMBED = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of title, description, field names and values, footer and author name over all embeds of one message. */
  totalPerMessage: 6000,
  perMessage: 10,
} as const;

export const COMPONENTS = {
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

export const COMMAND = {
  /** Autocomplete and option choices. */
  choices: 25,
  choiceLength: 100,
  description: 100,
  threadName: 100,
} as const;
