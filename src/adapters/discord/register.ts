import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { restApiBase } from './client.js';
import { DISCORD_COMMANDS } from './command-words.js';
import { commandDefinitions } from './commands.js';
import { localizeCommands } from './localize-commands.js';

export interface RegisterResult {
  scope: 'guild' | 'global';
  route: string;
  /** Names of the commands Discord now has, as it answered. */
  commands: string[];
}

/**
 * Registers /versus with a bulk overwrite (PUT): Discord replaces the application's commands with exactly
 * these, so running it again is harmless and removes commands that are no longer defined.
 * With a guild id the commands exist only in that guild and update instantly (handy while developing).
 */
export async function registerCommands(config: DiscordConfig, rest?: REST): Promise<RegisterResult> {
  const api = restApiBase(config.apiUrl);
  const client = rest ?? new REST({ version: '10', ...(api ? { api } : {}) }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  // Users see /versus in their client's language (adapters/discord/localize-commands.ts); interactions still carry the default names.
  const body = localizeCommands(commandDefinitions(), DISCORD_COMMANDS);
  const answer = (await client.put(route, { body })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', route, commands: answer.map((c) => c.name) };
}
