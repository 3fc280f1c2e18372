import { deCommands } from './commands-de.js';

/** Discord command words per Discord locale code; English is the built JSON itself (commands.ts). */
export const DISCORD_COMMANDS = { de: deCommands } as const;
