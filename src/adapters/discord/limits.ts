/**
 * Discord's hard limits for what Versus sends. The API rejects a message that breaks any of them
 * (400, code 50035), so the renderer packs and pages against these numbers instead of cutting text.
 */
export const COMPONENTS = {
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

/** Components V2 messages: every component counts (nested ones too), and all text displays share one budget. */
export const V2 = {
  components: 40,
  textPerMessage: 4000,
  /** Left for the "Page n/m" line. */
  footerReserve: 40,
  /** A container's heading is one line of at most this (Discord's own title length); longer titles are repeated in the body. */
  heading: 256,
} as const;

export const COMMAND = {
  /** Autocomplete and option choices. */
  choices: 25,
  choiceLength: 100,
  description: 100,
  threadName: 100,
} as const;
